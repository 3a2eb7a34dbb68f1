import { EntityManager } from 'typeorm';
import type { SubjectKind } from '../common/domain';
import { personJson } from '../database/json';
import { first, query } from '../database/query';
import { named, sql } from '../database/sql';
import { contactOf } from '../operations/contact.sql';
import { ENDED, Reader, sees } from '../operations/visibility.sql';
import { subjectHitStands } from './subject-hits.sql';

export interface SubjectRow {
  id: string;
  kind: SubjectKind;
  details: Record<string, unknown>;
  addedBy: { id: string; name: string; email: string };
  addedAt: Date;
}

/** A subject hit as this plan's owner reads it: of the other plan only its reference, lead agency and a contact. */
export interface SubjectHitRow {
  hitId: string;
  reference: string;
  kind: SubjectKind;
  raisedAt: Date;
  leadAgency: { code: string; name: string } | null;
  contact: { name: string; email: string } | null;
  current: boolean;
  acknowledgement: { note: string; at: string; by: { id: string; name: string; email: string } } | null;
  theirAcknowledgement: { note: string; at: string; by: { name: string; email: string; agency: string } } | null;
}

/** The first 8 bytes of a keyed hash, as the advisory lock that serialises matching on it. */
const lockOf = (key: Buffer) => key.readBigInt64BE(0).toString();

/**
 * Subjects and blind matching. Only keyed hashes are compared, through ix_subject_match_keys_key;
 * no query here returns another plan's identifiers.
 */
export const SubjectsRepository = {
  /**
   * Waits for any other transaction matching one of these keys to end, so that of two plans adding
   * the same identifier at the same moment the second sees the first's and both get the hit.
   */
  async lockKeys(manager: EntityManager, keys: Buffer[]): Promise<void> {
    for (const lock of [...new Set(keys.map(lockOf))].sort()) await query(manager, sql`SELECT pg_advisory_xact_lock(${lock}::bigint)`);
  },

  async insert(manager: EntityManager, subject: { operationId: string; kind: SubjectKind; details: Record<string, unknown>; addedBy: string; keys: Buffer[] }): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO plan_subjects (operation_id, kind, details, added_by)
          VALUES (${subject.operationId}, ${subject.kind}, ${JSON.stringify(subject.details)}, ${subject.addedBy}) RETURNING id`,
    );
    await query(
      manager,
      sql`INSERT INTO subject_match_keys (subject_id, operation_id, match_key)
          SELECT ${id}, ${subject.operationId}, key FROM unnest(${subject.keys}::bytea[]) AS key`,
    );
    return id;
  },

  /** Other plans that have not ended (completed, cancelled or stood down), holding one of these keys. */
  othersHolding(manager: EntityManager, operationId: string, keys: Buffer[]): Promise<{ otherId: string; reference: string }[]> {
    return query(
      manager,
      sql`SELECT DISTINCT other.id AS "otherId", other.reference
            FROM subject_match_keys k JOIN operations other ON other.id = k.operation_id
           WHERE k.match_key = ANY (${keys}::bytea[]) AND k.operation_id <> ${operationId}
             AND other.status NOT IN ${ENDED}
           ORDER BY other.reference`,
    );
  },

  /** Records the hit for both plans unless recorded before; answers the others newly hit. */
  async raise(manager: EntityManager, operationId: string, otherIds: string[], kind: SubjectKind, by: string): Promise<string[]> {
    if (otherIds.length === 0) return [];
    const rows = await query<{ otherId: string }>(
      manager,
      sql`INSERT INTO subject_hits (operation_id, other_operation_id, kind, raised_by)
          SELECT ${operationId}::uuid, other, ${kind}, ${by}::uuid FROM unnest(${otherIds}::uuid[]) AS other
          UNION ALL
          SELECT other, ${operationId}::uuid, ${kind}, ${by}::uuid FROM unnest(${otherIds}::uuid[]) AS other
          ON CONFLICT (operation_id, other_operation_id, kind) DO NOTHING
          RETURNING other_operation_id AS "otherId"`,
    );
    return rows.map((row) => row.otherId).filter((id) => id !== operationId);
  },

  /** A plan's subjects, for a reader who sees its Intelligence section (R14a); none for anyone else. */
  list(manager: EntityManager, reader: Reader, operationId: string): Promise<SubjectRow[]> {
    return query(
      manager,
      sql`SELECT s.id, s.kind, s.details, ${personJson('u')} AS "addedBy", s.added_at AS "addedAt"
            FROM plan_subjects s JOIN users u ON u.id = s.added_by JOIN operations o ON o.id = s.operation_id
           WHERE s.operation_id = ${operationId} AND ${sees(reader, 'INTELLIGENCE')}
           ORDER BY s.added_at, s.id`,
    );
  },

  /** Removes a subject of the plan; answers its kind and keyed hashes (for the record), or undefined when it is not the plan's. */
  remove(manager: EntityManager, operationId: string, subjectId: string): Promise<{ kind: SubjectKind; keys: string[] } | undefined> {
    return first(
      manager,
      sql`WITH gone AS (DELETE FROM plan_subjects WHERE id = ${subjectId} AND operation_id = ${operationId} RETURNING id, kind)
          SELECT gone.kind, COALESCE((SELECT array_agg(encode(k.match_key, 'hex') ORDER BY k.match_key) FROM subject_match_keys k WHERE k.subject_id = gone.id), '{}') AS keys
            FROM gone`,
    );
  },

  /**
   * Every subject hit recorded for a plan, whether it stands now (a key still shared, neither plan
   * ended), each side's acknowledgement: for a reader who sees the plan's Intelligence (R14a).
   */
  hits(manager: EntityManager, reader: Reader, operationId: string): Promise<SubjectHitRow[]> {
    return query(
      manager,
      named(sql`SELECT h.id AS "hitId", other.reference, h.kind, h.raised_at AS "raisedAt",
                       CASE WHEN la.id IS NULL THEN NULL ELSE json_build_object('code', la.code, 'name', la.name) END AS "leadAgency",
                       ${contactOf('other')} AS contact,
                       ${subjectHitStands('h', 'me', 'other')} AS current,
                       CASE WHEN h.acknowledged_at IS NULL THEN NULL ELSE json_build_object(
                         'note', h.acknowledgement_note, 'at', h.acknowledged_at, 'by', ${personJson('au')}) END AS acknowledgement,
                       CASE WHEN theirs.acknowledged_at IS NULL THEN NULL ELSE json_build_object(
                         'note', theirs.acknowledgement_note, 'at', theirs.acknowledged_at,
                         'by', json_build_object('name', tu.name, 'email', tu.email, 'agency', ta.code)) END AS "theirAcknowledgement"
                  FROM subject_hits h
                  JOIN operations me ON me.id = h.operation_id
                  JOIN operations other ON other.id = h.other_operation_id
                  LEFT JOIN agencies la ON la.id = other.lead_agency_id
                  LEFT JOIN users au ON au.id = h.acknowledged_by
                  LEFT JOIN subject_hits theirs ON theirs.operation_id = h.other_operation_id AND theirs.other_operation_id = h.operation_id AND theirs.kind = h.kind
                  LEFT JOIN users tu ON tu.id = theirs.acknowledged_by
                  LEFT JOIN agencies ta ON ta.id = tu.agency_id
                 WHERE h.operation_id = ${operationId} AND ${sees(reader, 'INTELLIGENCE', 'me')}
                 ORDER BY "current" DESC, other.starts_at, other.reference, h.kind`),
    );
  },

  /** The owner's acknowledgement of one of the plan's subject hits; answers the other plan's reference and the kind, or undefined. */
  acknowledge(manager: EntityManager, operationId: string, hitId: string, note: string, by: string): Promise<{ reference: string; kind: SubjectKind } | undefined> {
    return first(
      manager,
      sql`UPDATE subject_hits h SET acknowledgement_note = ${note}, acknowledged_by = ${by}, acknowledged_at = now()
            FROM operations other
           WHERE h.id = ${hitId} AND h.operation_id = ${operationId} AND other.id = h.other_operation_id
          RETURNING other.reference, h.kind`,
    );
  },
};
