import { AuthUser, hasRole } from '../../common/auth/auth-user';
import { OFFENCES } from '../../common/domain';
import { EvidenceMove, mayMoveEvidence } from '../../cps/evidence-moves';
import type { EvidenceRequirementView, OperationView } from '../../operations/dto/plan-view.dto';
import { evidenceIsGathered } from '../../operations/plan-actions';

const mayMove = (requirement: EvidenceRequirementView, move: EvidenceMove) => mayMoveEvidence(requirement.status, move);

/** Who the viewer is to the plan's evidence: the rules are the service's; this only decides which forms to offer. */
function rolesOn(viewer: AuthUser, plan: OperationView) {
  const engaged = plan.cpsInvolvement?.status === 'ENGAGED';
  const liaison = hasRole(viewer, 'CPS_LIAISON') && engaged && plan.cpsInvolvement?.liaison?.id === viewer.id;
  const owner = hasRole(viewer, 'COORDINATOR') && viewer.agencyId === plan.owningAgency.id && plan.canEdit;
  const gatherer = (requirement: EvidenceRequirementView) =>
    hasRole(viewer, 'COORDINATOR') && requirement.assignedTeam?.agency.id === viewer.agencyId;
  return { engaged, liaison, owner, gatherer };
}

/**
 * The evidence matrix by offence, each requirement with the moves the viewer may make on it: the
 * liaison changes open and assigned ones and decides on gathered ones, the owner assigns teams, and
 * the assigned team's agency records what it gathered from the day of action on (completed or stood down too).
 */
export function evidenceView(plan: OperationView, viewer: AuthUser) {
  const roles = rolesOn(viewer, plan);
  const dayHasCome = evidenceIsGathered(plan.status);
  const actionsOn = (requirement: EvidenceRequirementView) => ({
    mayChange: roles.liaison && mayMove(requirement, 'change'),
    mayAssign: roles.owner && mayMove(requirement, 'assign'),
    mayGather: roles.gatherer(requirement) && mayMove(requirement, 'gather') && dayHasCome,
    mayDecide: roles.liaison && mayMove(requirement, 'decide'),
  });
  const groups = OFFENCES.map((offence) => ({
    offence,
    requirements: plan.evidenceRequirements
      .filter((requirement) => requirement.offence === offence)
      .map((requirement) => ({ ...requirement, ...actionsOn(requirement) })),
  })).filter((group) => group.requirements.length > 0);
  const teams = plan.deployments
    .filter((deployment) => deployment.status === 'CONFIRMED')
    .map((deployment) => ({ value: deployment.team.id, text: `${deployment.team.name} (${deployment.agency.code})` }));
  return { groups, teams, engaged: roles.engaged };
}
