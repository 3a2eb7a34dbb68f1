import { identifier, sql, Sql } from '../database/sql';
import { windowsOverlap } from '../database/windows';

/**
 * R13 as one SQL fragment, read by the hits and by the dashboard's readiness: two plans (aliases
 * `me` and `other`) can be a hit of place and time while their windows overlap and neither was
 * cancelled. A cancelled plan never went ahead; a completed or stood-down one was on the ground in
 * its window, so its hits stand (that a day of action was stood down there, say because the
 * subjects had gone, is what the other owner needs to hear). Whether they share a postcode is
 * asked by each query its own way.
 */
export function placeAndTimeMayHit(me: string, other: string): Sql {
  return sql`(${identifier(me)}.status <> 'CANCELLED' AND ${identifier(other)}.status <> 'CANCELLED' AND ${windowsOverlap(other, me)})`;
}
