import { identifier, sql, Sql } from './sql';

/** How every read shows a person (a row of users under `alias`): null when the join found none. */
export function personJson(alias: string): Sql {
  const a = identifier(alias);
  return sql`CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'name', ${a}.name, 'email', ${a}.email) END`;
}

/** How every read shows an agency (a row of agencies under `alias`): null when the join found none. */
export function agencyJson(alias: string): Sql {
  const a = identifier(alias);
  return sql`CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'code', ${a}.code, 'name', ${a}.name, 'kind', ${a}.kind) END`;
}

/** An instant column (under its qualified name) as ISO 8601 in UTC, whatever the session's time zone: null stays null. */
export function isoUtc(column: string): Sql {
  return sql`to_char(${identifier(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
