import { identifier, sql, Sql } from '../database/sql';
import { windowsOverlap } from '../database/windows';

/**
 * R13 as one SQL fragment, read when hits are raised: two plans (aliases `me` and `other`) can be
 * a hit of place and time while their windows overlap and neither was cancelled. A cancelled plan
 * never went ahead; a completed or stood-down one was on the ground in its window, so it still
 * matches (that a day of action was stood down there, say because the subjects had gone, is what
 * the other owner needs to hear). Whether they share a postcode is asked by the query.
 */
export function placeAndTimeMayHit(me: string, other: string): Sql {
  return sql`(${identifier(me)}.status <> 'CANCELLED' AND ${identifier(other)}.status <> 'CANCELLED' AND ${windowsOverlap(other, me)})`;
}

/**
 * A side of a recorded hit (a row of deconfliction_hits under `hit`, the other plan under `other`)
 * still stands: it is the latest hit between the two plans (a later one lists everything they
 * shared at its moment, so acknowledging it once covers the pair), and the other plan was not
 * cancelled (it never went ahead: there is no one to agree anything with). Nothing else about the
 * other plan counts: its places, times and subjects are not looked at again once a hit is raised.
 */
export function hitStands(hit: string, other: string): Sql {
  const [h, o] = [identifier(hit), identifier(other)];
  return sql`(${o}.status <> 'CANCELLED' AND NOT EXISTS (
    SELECT 1 FROM deconfliction_hits later
     WHERE later.operation_id = ${h}.operation_id AND later.other_operation_id = ${h}.other_operation_id
       AND (later.raised_at, later.id) > (${h}.raised_at, ${h}.id)))`;
}

/** A side of a hit waits for its owner's acknowledgement: it stands, and is not acknowledged. Read by readiness (through the hits), Your tasks and the dashboard alike. */
export function hitWaits(hit: string, other: string): Sql {
  return sql`(${identifier(hit)}.acknowledged_at IS NULL AND ${hitStands(hit, other)})`;
}
