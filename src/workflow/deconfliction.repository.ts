import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { personJson } from '../database/json';
import { first, query } from '../database/query';
import { named, sql } from '../database/sql';
import { contactOf } from '../operations/contact.sql';
import { HIT_KINDS, HitKind } from '../operations/hit-kinds';
import { ENDED, Reader, sees } from '../operations/visibility.sql';
import { hitStands, placeAndTimeMayHit } from './deconfliction.sql';

/** `me` and `other` can be a hit of place and time (R13), whatever places they share. */
const MAY_HIT = placeAndTimeMayHit('me', 'other');

/** The overlap of two windows, to the UK day: what a hit records of when both plans are on the ground. */
export interface Overlap {
  /** The UK date (YYYY-MM-DD) the overlap starts on. */
  from: string;
  /** The UK date it ends on (the last day either window covers together). */
  to: string;
}

/** What a hit records as shared when it was raised. */
export interface HitFacts {
  kinds: HitKind[];
  sharedPostcodes: string[];
  overlap: Overlap | null;
}

export interface RaisedHit extends HitFacts {
  hitId: string;
  otherId: string;
  otherReference: string;
  reference: string;
}

/** A side of a hit as its plan's readers see it: of the other plan only its reference, lead agency, a contact and whether it was cancelled. */
export interface HitRow extends HitFacts {
  hitId: string;
  reference: string;
  raisedAt: Date;
  leadAgency: { code: string; name: string } | null;
  contact: { name: string; email: string } | null;
  stands: boolean;
  acknowledgement: { note: string; at: string; by: { id: string; name: string; email: string } } | null;
  theirAcknowledgement: { note: string; at: string; by: { name: string; email: string; agency: string } } | null;
}

/** The facts columns of a hit under `h`, as HitFacts. */
const FACTS = sql`h.kinds, h.shared_postcodes AS "sharedPostcodes",
  CASE WHEN h.overlap_from IS NULL THEN NULL ELSE json_build_object('from', h.overlap_from, 'to', h.overlap_to) END AS overlap`;

/**
 * Deconfliction hits (R13): one per pair of plans and raising, one row for each side, holding what
 * was shared when it was raised. Matching is hand-written SQL: places through the postcode and
 * GiST window indexes, subjects through their keyed hashes only (ix_subject_match_keys_key); no
 * query here returns another plan's places, window or identifiers.
 */
@Injectable()
export class DeconflictionRepository {
  /**
   * Matches a plan against the others a change may newly match (`addedKeys`: the keys of a subject
   * just added; none: a change of places or window), and records a hit for both plans with each
   * whose match holds a kind or a postcode that no earlier hit of the pair recorded: the new hit
   * lists everything shared at this moment. Places: a postcode under overlapping windows, neither
   * plan cancelled; subjects: a keyed hash, neither plan ended. Answers the hits recorded.
   */
  raise(manager: EntityManager, operationId: string, raisedBy: string, addedKeys?: Buffer[]): Promise<RaisedHit[]> {
    // Only a plan the change can newly match is compared in full: one holding a key just added, or,
    // after a change of places or window, one sharing a postcode in it. So a change costs index
    // probes for what it added, however many subjects the plan or the database holds.
    const places = (onlyCandidates: boolean) => sql`places AS (
            SELECT other.id AS other_id, array_agg(DISTINCT mine.postcode::text ORDER BY mine.postcode::text) AS postcodes,
                   (greatest(me.starts_at, other.starts_at) AT TIME ZONE 'Europe/London')::date AS overlap_from,
                   ((least(me.ends_at, other.ends_at) - interval '1 microsecond') AT TIME ZONE 'Europe/London')::date AS overlap_to
              FROM operations me
              JOIN operation_locations mine ON mine.operation_id = me.id
              JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id <> me.id
              JOIN operations other ON other.id = theirs.operation_id
             WHERE me.id = ${operationId} AND ${MAY_HIT} ${onlyCandidates ? sql`AND other.id IN (SELECT id FROM candidates)` : sql``}
             GROUP BY me.id, other.id)`;
    const matches = addedKeys
      ? sql`candidates AS (
              SELECT DISTINCT k.operation_id AS id FROM subject_match_keys k
               WHERE k.match_key = ANY (${addedKeys}::bytea[]) AND k.operation_id <> ${operationId}),
            ${places(true)}`
      : sql`${places(false)},
            candidates AS (SELECT other_id AS id FROM places)`;
    return query(
      manager,
      sql`WITH ${matches},
          subjects AS (
            SELECT ok.operation_id AS other_id, array_agg(DISTINCT s.kind) AS kinds
              FROM operations me
              JOIN plan_subjects s ON s.operation_id = me.id
              JOIN subject_match_keys mk ON mk.subject_id = s.id
              JOIN subject_match_keys ok ON ok.match_key = mk.match_key AND ok.operation_id IN (SELECT id FROM candidates)
              JOIN operations other ON other.id = ok.operation_id
             WHERE me.id = ${operationId} AND me.status NOT IN ${ENDED} AND other.status NOT IN ${ENDED}
             GROUP BY ok.operation_id),
          live AS (
            SELECT COALESCE(p.other_id, s.other_id) AS other_id, COALESCE(p.postcodes, '{}') AS postcodes, p.overlap_from, p.overlap_to,
                   ARRAY(SELECT k FROM unnest(${[...HIT_KINDS]}::text[]) WITH ORDINALITY AS o(k, n)
                          WHERE (k = 'PLACE' AND p.other_id IS NOT NULL) OR k = ANY (s.kinds) ORDER BY n) AS kinds
              FROM places p FULL JOIN subjects s ON s.other_id = p.other_id),
          fresh AS (
            SELECT gen_random_uuid() AS id, live.* FROM live
             WHERE NOT (live.kinds <@ COALESCE((SELECT array_agg(k) FROM deconfliction_hits h CROSS JOIN LATERAL unnest(h.kinds) AS k
                                                  WHERE h.operation_id = ${operationId} AND h.other_operation_id = live.other_id), '{}')
                    AND live.postcodes <@ COALESCE((SELECT array_agg(pc) FROM deconfliction_hits h CROSS JOIN LATERAL unnest(h.shared_postcodes) AS pc
                                                      WHERE h.operation_id = ${operationId} AND h.other_operation_id = live.other_id), '{}'))),
          recorded AS (
            INSERT INTO deconfliction_hits (id, operation_id, other_operation_id, kinds, shared_postcodes, overlap_from, overlap_to, raised_by)
            SELECT id, ${operationId}::uuid, other_id, kinds, postcodes, overlap_from, overlap_to, ${raisedBy}::uuid FROM fresh
            UNION ALL
            SELECT id, other_id, ${operationId}::uuid, kinds, postcodes, overlap_from, overlap_to, ${raisedBy}::uuid FROM fresh
            ON CONFLICT ON CONSTRAINT uq_deconfliction_hits_facts DO NOTHING
            RETURNING id, operation_id)
          SELECT h.id AS "hitId", other.id AS "otherId", other.reference AS "otherReference", me.reference, h.kinds, h.postcodes AS "sharedPostcodes",
                 CASE WHEN h.overlap_from IS NULL THEN NULL ELSE json_build_object('from', h.overlap_from, 'to', h.overlap_to) END AS overlap
            FROM fresh h JOIN recorded r ON r.id = h.id AND r.operation_id = ${operationId}
            JOIN operations me ON me.id = ${operationId} JOIN operations other ON other.id = h.other_id
           ORDER BY other.reference`,
    );
  }

  /** Every hit recorded for a plan, newest first, each side's acknowledgement: for a reader who sees the plan's Intelligence (R14a). */
  hits(manager: EntityManager, reader: Reader, operationId: string): Promise<HitRow[]> {
    return query(
      manager,
      named(sql`SELECT h.id AS "hitId", other.reference, h.raised_at AS "raisedAt", ${FACTS},
                       CASE WHEN la.id IS NULL THEN NULL ELSE json_build_object('code', la.code, 'name', la.name) END AS "leadAgency",
                       ${contactOf('other')} AS contact,
                       ${hitStands('h', 'other')} AS stands,
                       CASE WHEN h.acknowledged_at IS NULL THEN NULL ELSE json_build_object(
                         'note', h.acknowledgement_note, 'at', h.acknowledged_at, 'by', ${personJson('au')}) END AS acknowledgement,
                       CASE WHEN theirs.acknowledged_at IS NULL THEN NULL ELSE json_build_object(
                         'note', theirs.acknowledgement_note, 'at', theirs.acknowledged_at,
                         'by', json_build_object('name', tu.name, 'email', tu.email, 'agency', ta.code)) END AS "theirAcknowledgement"
                  FROM deconfliction_hits h
                  JOIN operations me ON me.id = h.operation_id
                  JOIN operations other ON other.id = h.other_operation_id
                  JOIN deconfliction_hits theirs ON theirs.id = h.id AND theirs.operation_id = h.other_operation_id
                  LEFT JOIN agencies la ON la.id = other.lead_agency_id
                  LEFT JOIN users au ON au.id = h.acknowledged_by
                  LEFT JOIN users tu ON tu.id = theirs.acknowledged_by
                  LEFT JOIN agencies ta ON ta.id = tu.agency_id
                 WHERE h.operation_id = ${operationId} AND ${sees(reader, 'INTELLIGENCE', 'me')}
                 ORDER BY h.raised_at DESC, other.reference`),
    );
  }

  /** The owner's acknowledgement of their side of a hit; answers the other plan's reference and the kinds the hit lists, or undefined when it is not the plan's. */
  acknowledge(
    manager: EntityManager,
    operationId: string,
    hitId: string,
    note: string,
    by: string,
  ): Promise<{ reference: string; kinds: HitKind[] } | undefined> {
    return first(
      manager,
      sql`UPDATE deconfliction_hits h SET acknowledgement_note = ${note}, acknowledged_by = ${by}, acknowledged_at = now()
            FROM operations other
           WHERE h.id = ${hitId} AND h.operation_id = ${operationId} AND other.id = h.other_operation_id
          RETURNING other.reference, h.kinds`,
    );
  }
}
