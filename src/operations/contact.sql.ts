import { identifier, sql, Sql } from '../database/sql';

/**
 * Who to call about another plan (a row of operations under `alias`), as a deconfliction hit
 * shows it: its creator while their agency owns it, or else the lead agency's first coordinator.
 */
export function contactOf(alias: string): Sql {
  const o = identifier(alias);
  return sql`COALESCE(
    (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
      WHERE u.id = ${o}.created_by AND ${o}.created_by_agency_id = COALESCE(${o}.lead_agency_id, ${o}.created_by_agency_id)),
    (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
      WHERE u.agency_id = ${o}.lead_agency_id AND 'COORDINATOR' = ANY (u.roles) AND u.active
      ORDER BY u.created_at LIMIT 1))`;
}
