import { identifier, sql, Sql } from './sql';

/**
 * The rows under aliases `a` and `b` have overlapping windows: each window is
 * [starts_at, ends_at), as the deployments' exclusion constraint reads it (R5).
 */
export function windowsOverlap(a: string, b: string): Sql {
  const [x, y] = [identifier(a), identifier(b)];
  return sql`tstzrange(${x}.starts_at, ${x}.ends_at, '[)') && tstzrange(${y}.starts_at, ${y}.ends_at, '[)')`;
}
