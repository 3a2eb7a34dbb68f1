import { AuthUser, hasRole } from '../common/auth/auth-user';
import { ENDED_STATUSES, OperationStatus } from '../common/domain';
import { completionRefusal, LIFECYCLE, LIFECYCLE_ACTIONS, LifecycleAction, mayMove } from '../common/lifecycle';
import { EDITABLE_STATUSES } from './operation-access';
import { mayEditPlan } from './ownership';

/** What a reader may do with a plan now: the moves of R8 the table allows from its status and the reader's rights allow. */
export interface PlanActions {
  submit: boolean;
  withdraw: boolean;
  approve: boolean;
  requestChanges: boolean;
  start: boolean;
  complete: boolean;
  cancel: boolean;
  standDown: boolean;
  /** Change the plan (R9, R15). */
  edit: boolean;
  /** Add and change evidence requirements, as the engaged CPS liaison, while the plan is edited. */
  setEvidence: boolean;
  /** Close evidence gathering, as the engaged CPS liaison, once the day of action is completed or stood down. */
  closeEvidenceGathering: boolean;
}

/** The plan has ended: completed, cancelled or stood down. */
export function planHasEnded(status: OperationStatus): boolean {
  return (ENDED_STATUSES as readonly OperationStatus[]).includes(status);
}

/**
 * A day of action that was held and is over: completed, or stood down once under way. (A cancelled
 * plan ended before its day.) Its evidence gathering may be closed.
 */
const HELD_AND_OVER: readonly OperationStatus[] = ENDED_STATUSES.filter((status) => status !== 'CANCELLED');

/** Evidence is recorded as gathered from the start of the day of action, and after it: completed, or stood down (what was gathered before). */
export function evidenceIsGathered(status: OperationStatus): boolean {
  return status === 'ACTIVE' || HELD_AND_OVER.includes(status);
}

/** The engaged liaison closes evidence gathering once the day of action is over: completed, or stood down. */
export function gatheringMayClose(status: OperationStatus): boolean {
  return HELD_AND_OVER.includes(status);
}

/** What the actions are judged on: the plan's row, and its CPS involvement as the reader sees it. */
export interface PlanActionFacts {
  reference: string;
  status: OperationStatus;
  startsAt: Date;
  leadAgencyId: string | null;
  createdByAgencyId: string;
  createdBy: string;
  contentEditors: string[];
  cpsInvolvement?: { status: string; liaison: { id: string } | null; closedAt: string | Date | null } | null;
}

const KEYS: Record<LifecycleAction, keyof PlanActions> = {
  submit: 'submit',
  withdraw: 'withdraw',
  approve: 'approve',
  'request-changes': 'requestChanges',
  start: 'start',
  complete: 'complete',
  cancel: 'cancel',
  'stand-down': 'standDown',
};

/** R12: a manager of the lead agency who neither created the plan nor changed its content since it was last approved. */
export function mayReview(viewer: AuthUser, plan: Pick<PlanActionFacts, 'leadAgencyId' | 'createdBy' | 'contentEditors'>): boolean {
  return (
    hasRole(viewer, 'MANAGER') &&
    viewer.agencyId === plan.leadAgencyId &&
    viewer.id !== plan.createdBy &&
    !plan.contentEditors.includes(viewer.id)
  );
}

/** Each action the lifecycle table and the viewer's rights allow now; none for a reader who is not a person. */
export function planActions(viewer: AuthUser | null, plan: PlanActionFacts, now = new Date()): PlanActions {
  const owner = viewer !== null && mayEditPlan(viewer, plan);
  const reviewer = viewer !== null && mayReview(viewer, plan);
  const cps = plan.cpsInvolvement;
  const liaison = viewer !== null && cps?.status === 'ENGAGED' && cps.liaison?.id === viewer.id;
  const editable = EDITABLE_STATUSES.includes(plan.status);
  const lifecycle = Object.fromEntries(
    LIFECYCLE_ACTIONS.map((action) => [
      KEYS[action],
      mayMove(plan.status, action) && (LIFECYCLE[action].by === 'owner' ? owner : reviewer),
    ]),
  ) as Record<(typeof KEYS)[LifecycleAction], boolean>;
  return {
    ...lifecycle,
    complete: lifecycle.complete && completionRefusal(plan, now) === null,
    edit: owner && editable,
    setEvidence: liaison && editable,
    closeEvidenceGathering: liaison && gatheringMayClose(plan.status) && !cps?.closedAt,
  };
}
