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

/** R15: the owning agency is the lead, or the creator's agency while there is no lead. */
export function owningAgencyId(operation: { leadAgencyId: string | null; createdByAgencyId: string }): string {
  return operation.leadAgencyId ?? operation.createdByAgencyId;
}

/** R15: a coordinator of the owning agency edits the plan. */
export function mayEditPlan(viewer: AuthUser, operation: { leadAgencyId: string | null; createdByAgencyId: string }): boolean {
  return hasRole(viewer, 'COORDINATOR') && viewer.agencyId === owningAgencyId(operation);
}
