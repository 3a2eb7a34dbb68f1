import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SubjectKind } from '../common/domain';
import { personJson } from '../database/json';
import { first, query } from '../database/query';
import { sql } from '../database/sql';
import { Reader, sees } from '../operations/visibility.sql';

export interface SubjectRow {
  id: string;
  kind: SubjectKind;
  details: Record<string, unknown>;
  addedBy: { id: string; name: string; email: string };
  addedAt: Date;
}

/** The first 8 bytes of a keyed hash, as the advisory lock that serialises matching on it. */
const lockOf = (key: Buffer) => key.readBigInt64BE(0).toString();

/**
 * Subjects and the keyed hashes they are matched by (deconfliction compares the hashes, through
 * ix_subject_match_keys_key); no query here returns another plan's identifiers.
 */
@Injectable()
export class SubjectsRepository {
  /**
   * Waits for any other transaction matching one of these keys to end, so that of two plans adding
   * the same identifier at the same moment the second sees the first's and both get the hit.
   */
  async lockKeys(manager: EntityManager, keys: Buffer[]): Promise<void> {
    for (const lock of [...new Set(keys.map(lockOf))].sort()) await query(manager, sql`SELECT pg_advisory_xact_lock(${lock}::bigint)`);
  }

  async insert(
    manager: EntityManager,
    subject: { operationId: string; kind: SubjectKind; details: Record<string, unknown>; addedBy: string; keys: Buffer[] },
  ): Promise<string> {
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
  }

  /** A plan's subjects, for a reader who sees its Intelligence section (R14a); none for anyone else. */
  list(manager: EntityManager, reader: Reader, operationId: string): Promise<SubjectRow[]> {
    return query(
      manager,
      sql`SELECT s.id, s.kind, s.details, ${personJson('u')} AS "addedBy", s.added_at AS "addedAt"
            FROM plan_subjects s JOIN users u ON u.id = s.added_by JOIN operations o ON o.id = s.operation_id
           WHERE s.operation_id = ${operationId} AND ${sees(reader, 'INTELLIGENCE')}
           ORDER BY s.added_at, s.id`,
    );
  }

  /** Removes a subject of the plan; answers its kind and keyed hashes (for the record), or undefined when it is not the plan's. */
  remove(manager: EntityManager, operationId: string, subjectId: string): Promise<{ kind: SubjectKind; keys: string[] } | undefined> {
    return first(
      manager,
      sql`WITH gone AS (DELETE FROM plan_subjects WHERE id = ${subjectId} AND operation_id = ${operationId} RETURNING id, kind)
          SELECT gone.kind, COALESCE((SELECT array_agg(encode(k.match_key, 'hex') ORDER BY k.match_key) FROM subject_match_keys k WHERE k.subject_id = gone.id), '{}') AS keys
            FROM gone`,
    );
  }
}
