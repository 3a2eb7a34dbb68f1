import { identifier, sql, Sql } from '../database/sql';
import { ENDED } from '../operations/visibility.sql';

/**
 * A subject hit (a row of subject_hits under `hit`, between plans `me` and `other`) stands now:
 * neither plan has ended (completed, cancelled or stood down), and a subject of the hit's kind still shared by keyed hash.
 */
export function subjectHitStands(hit: string, me: string, other: string): Sql {
  const [h, m, o] = [identifier(hit), identifier(me), identifier(other)];
  return sql`(${m}.status NOT IN ${ENDED} AND ${o}.status NOT IN ${ENDED} AND EXISTS (
    SELECT 1 FROM plan_subjects ms
      JOIN subject_match_keys mk ON mk.subject_id = ms.id
      JOIN subject_match_keys ok ON ok.match_key = mk.match_key AND ok.operation_id = ${o}.id
     WHERE ms.operation_id = ${m}.id AND ms.kind = ${h}.kind))`;
}
