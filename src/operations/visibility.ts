import { AuthUser, hasRole } from '../common/auth/auth-user';
import { SqlParams } from '../database/sql-params';

/**
 * R14 as one reusable SQL fragment: the operations (alias `o`) the viewer may see.
 * Every query that reads an operation includes it, so one the viewer may not see
 * is simply not found. Admins manage reference data, not operations.
 */
export function visibleTo(viewer: AuthUser, p: SqlParams, o = 'o'): string {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return 'false';
  const agency = p.add(viewer.agencyId);
  const conditions = [
    `${o}.created_by_agency_id = ${agency}`,
    `${o}.lead_agency_id = ${agency}`,
    `EXISTS (SELECT 1 FROM deployments vd WHERE vd.operation_id = ${o}.id AND vd.team_agency_id = ${agency} AND vd.status <> 'DECLINED')`,
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    // Every liaison while the request is open; then only the one who accepted it.
    conditions.push(
      `EXISTS (SELECT 1 FROM cps_involvements vc WHERE vc.operation_id = ${o}.id
         AND (vc.status = 'REQUESTED' OR (vc.status = 'ENGAGED' AND vc.liaison_id = ${p.add(viewer.id)})))`,
    );
  }
  return `(${conditions.join(' OR ')})`;
}

/**
 * The newest operations the viewer may see, as a query of `(id, created_at)`: one branch
 * per condition of `visibleTo`, each read newest first from its own index and cut at
 * `limit`, so that a page costs the same however many operations there are. `filters`
 * are conditions on `o`; `before` is the keyset (created_at, id) the page starts below.
 * The caller still applies `visibleTo` to what it reads.
 */
export function newestVisible(
  viewer: AuthUser,
  p: SqlParams,
  page: { filters: string[]; before?: { at: string; id: string }; limit: number },
): string {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return 'SELECT NULL::uuid AS id, NULL::timestamptz AS created_at WHERE false';
  const agency = p.add(viewer.agencyId);
  const limit = p.add(page.limit);
  const before = page.before && { at: p.add(page.before.at), id: p.add(page.before.id) };
  const branch = (from: string, at: string, id: string, conditions: string[]) => {
    const where = [...conditions, ...page.filters];
    if (before) where.push(`(${at}, ${id}) < (${before.at}::timestamptz, ${before.id}::uuid)`);
    return `(SELECT DISTINCT ${id} AS id, ${at} AS created_at FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${at} DESC, ${id} DESC LIMIT ${limit})`;
  };
  const branches = [
    branch('operations o', 'o.created_at', 'o.id', [`o.created_by_agency_id = ${agency}`]),
    branch('operations o', 'o.created_at', 'o.id', [`o.lead_agency_id = ${agency}`]),
    branch('deployments vd JOIN operations o ON o.id = vd.operation_id', 'vd.operation_created_at', 'vd.operation_id', [
      `vd.team_agency_id = ${agency}`,
      `vd.status <> 'DECLINED'`,
    ]),
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    const involvement = 'cps_involvements vc JOIN operations o ON o.id = vc.operation_id';
    branches.push(
      branch(involvement, 'vc.operation_created_at', 'vc.operation_id', [`vc.status = 'REQUESTED'`]),
      branch(involvement, 'vc.operation_created_at', 'vc.operation_id', [`vc.status = 'ENGAGED'`, `vc.liaison_id = ${p.add(viewer.id)}`]),
    );
  }
  return branches.join(' UNION ');
}

/** R15: the owning agency is the lead, or the creator's agency while there is no lead. */
export function owningAgencyId(operation: { leadAgencyId: string | null; createdByAgencyId: string }): string {
  return operation.leadAgencyId ?? operation.createdByAgencyId;
}

/** R15: a coordinator of the owning agency edits the plan. */
export function mayEditPlan(viewer: AuthUser, operation: { leadAgencyId: string | null; createdByAgencyId: string }): boolean {
  return hasRole(viewer, 'COORDINATOR') && viewer.agencyId === owningAgencyId(operation);
}
