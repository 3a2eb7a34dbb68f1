import { AuthUser, hasRole } from '../common/auth/auth-user';
import { identifier, join, sql, Sql } from '../database/sql';

/** An open CPS request on a plan that has ended (left by a version before such plans withdrew it) shows it to no liaison. */
const ENDED = sql`('CANCELLED', 'COMPLETED')`;

/**
 * R14 as one reusable SQL fragment: the operations (alias `o`) the viewer may see.
 * Every query that reads an operation includes it, so one the viewer may not see
 * is simply not found. Admins manage reference data, not operations.
 */
export function visibleTo(viewer: AuthUser, alias = 'o'): Sql {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return sql`false`;
  const o = identifier(alias);
  const conditions = [
    sql`${o}.created_by_agency_id = ${viewer.agencyId}`,
    sql`${o}.lead_agency_id = ${viewer.agencyId}`,
    sql`EXISTS (SELECT 1 FROM deployments vd WHERE vd.operation_id = ${o}.id AND vd.team_agency_id = ${viewer.agencyId} AND vd.status <> 'DECLINED')`,
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    // Every liaison while the request is open on a plan still to happen; then only the one who accepted it.
    conditions.push(
      sql`EXISTS (SELECT 1 FROM cps_involvements vc WHERE vc.operation_id = ${o}.id
            AND ((vc.status = 'REQUESTED' AND ${o}.status NOT IN ${ENDED}) OR (vc.status = 'ENGAGED' AND vc.liaison_id = ${viewer.id})))`,
    );
  }
  return sql`(${join(conditions, ' OR ')})`;
}

/**
 * The newest operations the viewer may see, as a query of `(id, created_at)`: one branch
 * per condition of `visibleTo`, each read newest first from its own index and cut at
 * `limit`, so that a page costs the same however many operations there are. `filters`
 * are conditions on `o`; `before` is the keyset (created_at, id) the page starts below.
 * The caller still applies `visibleTo` to what it reads.
 */
export function newestVisible(viewer: AuthUser, page: { filters: Sql[]; before?: { at: string; id: string }; limit: number }): Sql {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return sql`SELECT NULL::uuid AS id, NULL::timestamptz AS created_at WHERE false`;
  const branch = (from: Sql, at: Sql, id: Sql, conditions: Sql[]) => {
    const where = [...conditions, ...page.filters];
    if (page.before) where.push(sql`(${at}, ${id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)`);
    return sql`(SELECT DISTINCT ${id} AS id, ${at} AS created_at FROM ${from} WHERE ${join(where, ' AND ')} ORDER BY ${at} DESC, ${id} DESC LIMIT ${page.limit})`;
  };
  const operations = sql`operations o`;
  const byOperation = [sql`o.created_at`, sql`o.id`] as const;
  const branches = [
    branch(operations, ...byOperation, [sql`o.created_by_agency_id = ${viewer.agencyId}`]),
    branch(operations, ...byOperation, [sql`o.lead_agency_id = ${viewer.agencyId}`]),
    branch(sql`deployments vd JOIN operations o ON o.id = vd.operation_id`, sql`vd.operation_created_at`, sql`vd.operation_id`, [
      sql`vd.team_agency_id = ${viewer.agencyId}`,
      sql`vd.status <> 'DECLINED'`,
    ]),
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    const involvement = sql`cps_involvements vc JOIN operations o ON o.id = vc.operation_id`;
    branches.push(
      branch(involvement, sql`vc.operation_created_at`, sql`vc.operation_id`, [sql`vc.status = 'REQUESTED'`, sql`o.status NOT IN ${ENDED}`]),
      branch(involvement, sql`vc.operation_created_at`, sql`vc.operation_id`, [sql`vc.status = 'ENGAGED'`, sql`vc.liaison_id = ${viewer.id}`]),
    );
  }
  return join(branches, ' UNION ');
}

/** R15 as a SQL fragment: the operations (alias `o`) the agency owns: it leads them, or created them while there is no lead. */
export function ownedBy(agencyId: string, alias = 'o'): Sql {
  const o = identifier(alias);
  return sql`(${o}.lead_agency_id = ${agencyId} OR (${o}.lead_agency_id IS NULL AND ${o}.created_by_agency_id = ${agencyId}))`;
}
