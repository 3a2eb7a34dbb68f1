import { EntityManager } from 'typeorm';
import { personJson } from '../database/json';
import { first, query } from '../database/query';
import { named, sql } from '../database/sql';
import { windowsOverlap } from '../database/windows';
import { contactOf } from '../operations/contact.sql';
import { Reader, sees } from '../operations/visibility.sql';
import { placeAndTimeMayHit } from './deconfliction.sql';
import { ConflictView } from './dto/workflow.dto';

/** The windows of `me` and `other` overlap. */
const WINDOWS_OVERLAP = windowsOverlap('other', 'me');
/** `me` and `other` can be a hit of place and time (R13), whatever places they share. */
const MAY_HIT = placeAndTimeMayHit('me', 'other');

export type ConflictRow = Omit<ConflictView, 'raisedAt' | 'basis' | 'matched'> & { raisedAt: Date };

export interface RaisedHit {
  otherId: string;
  otherReference: string;
  reference: string;
  postcodes: string[];
}

/**
 * Deconfliction hits (R13), recorded for both operations when raised, and read back with whether
 * each stands now. Hand-written SQL: a hit is a self-join of locations on postcode under
 * overlapping windows, through the postcode and GiST window indexes.
 */
export const DeconflictionRepository = {
  /** Records the hits that stand now for `operationId` and were not recorded before, for both operations; answers the new ones. */
  raise(manager: EntityManager, operationId: string, raisedBy: string): Promise<RaisedHit[]> {
    return query(
      manager,
      sql`WITH live AS (
            SELECT other.id AS other_id, array_agg(DISTINCT mine.postcode ORDER BY mine.postcode) AS postcodes
              FROM operations me
              JOIN operation_locations mine ON mine.operation_id = me.id
              JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id <> me.id
              JOIN operations other ON other.id = theirs.operation_id
             WHERE me.id = ${operationId} AND ${MAY_HIT}
             GROUP BY other.id),
          recorded AS (
            INSERT INTO deconfliction_hits (operation_id, other_operation_id, raised_by)
            SELECT ${operationId}::uuid, other_id, ${raisedBy}::uuid FROM live UNION ALL SELECT other_id, ${operationId}::uuid, ${raisedBy}::uuid FROM live
            ON CONFLICT (operation_id, other_operation_id) DO NOTHING
            RETURNING operation_id, other_operation_id)
          SELECT other.id AS "otherId", other.reference AS "otherReference", me.reference, live.postcodes
            FROM recorded r
            JOIN live ON live.other_id = r.other_operation_id
            JOIN operations me ON me.id = r.operation_id
            JOIN operations other ON other.id = r.other_operation_id
           WHERE r.operation_id = ${operationId}
           ORDER BY other.id`,
    );
  },

  /** Every hit recorded for an operation: of the other only its reference, lead agency and a contact; whether it stands now. */
  async hits(manager: EntityManager, reader: Reader, operationId: string): Promise<ConflictRow[]> {
    return query(
      manager,
      named(sql`SELECT h.id AS "hitId", other.reference, h.raised_at AS "raisedAt",
                       CASE WHEN la.id IS NULL THEN NULL ELSE json_build_object('code', la.code, 'name', la.name) END AS "leadAgency",
                       ${contactOf('other')} AS contact,
                       shared.postcodes AS "sharedPostcodes",
                       (cardinality(shared.postcodes) > 0 AND ${MAY_HIT}) AS "current",
                       CASE WHEN ${WINDOWS_OVERLAP}
                            THEN json_build_object('startsAt', greatest(me.starts_at, other.starts_at), 'endsAt', least(me.ends_at, other.ends_at)) END AS overlap,
                       CASE WHEN ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                         'note', ack.note, 'at', ack.acknowledged_at,
                         'by', ${personJson('au')}) END AS acknowledgement,
                       CASE WHEN their_ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                         'note', their_ack.note, 'at', their_ack.acknowledged_at,
                         'by', json_build_object('name', tu.name, 'email', tu.email, 'agency', ta.code)) END AS "theirAcknowledgement"
                  FROM deconfliction_hits h
                  JOIN operations me ON me.id = h.operation_id
                  JOIN operations other ON other.id = h.other_operation_id
                  CROSS JOIN LATERAL (
                    SELECT COALESCE(array_agg(DISTINCT mine.postcode ORDER BY mine.postcode), '{}') AS postcodes
                      FROM operation_locations mine
                      JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id = other.id
                     WHERE mine.operation_id = me.id) shared
                  LEFT JOIN agencies la ON la.id = other.lead_agency_id
                  LEFT JOIN conflict_acknowledgements ack ON ack.operation_id = me.id AND ack.other_operation_id = other.id
                  LEFT JOIN users au ON au.id = ack.acknowledged_by
                  LEFT JOIN conflict_acknowledgements their_ack ON their_ack.operation_id = other.id AND their_ack.other_operation_id = me.id
                  LEFT JOIN users tu ON tu.id = their_ack.acknowledged_by
                  LEFT JOIN agencies ta ON ta.id = tu.agency_id
                 WHERE h.operation_id = ${operationId} AND ${sees(reader, 'INTELLIGENCE', 'me')}
                 ORDER BY "current" DESC, other.starts_at, other.reference`),
    );
  },

  hit(manager: EntityManager, operationId: string, hitId: string): Promise<{ otherId: string; reference: string } | undefined> {
    return first(
      manager,
      sql`SELECT h.other_operation_id AS "otherId", other.reference
            FROM deconfliction_hits h JOIN operations other ON other.id = h.other_operation_id
           WHERE h.id = ${hitId} AND h.operation_id = ${operationId}`,
    );
  },

  async acknowledge(manager: EntityManager, operationId: string, otherId: string, note: string, by: string): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO conflict_acknowledgements (operation_id, other_operation_id, note, acknowledged_by) VALUES (${operationId}, ${otherId}, ${note}, ${by})
          ON CONFLICT (operation_id, other_operation_id) DO UPDATE SET note = EXCLUDED.note, acknowledged_by = EXCLUDED.acknowledged_by, acknowledged_at = now()`,
    );
  },
};
