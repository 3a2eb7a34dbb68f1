import { AuthUser, hasRole } from '../common/auth/auth-user';

/** R15: the owning agency is the lead, or the creator's agency while there is no lead. */
export function owningAgencyId(operation: { leadAgencyId: string | null; createdByAgencyId: string }): string {
  return operation.leadAgencyId ?? operation.createdByAgencyId;
}

/** R15: a coordinator of the owning agency edits the plan. */
export function mayEditPlan(viewer: AuthUser, operation: { leadAgencyId: string | null; createdByAgencyId: string }): boolean {
  return hasRole(viewer, 'COORDINATOR') && viewer.agencyId === owningAgencyId(operation);
}
