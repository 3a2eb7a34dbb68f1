import type { OperationStatus } from './domain';
import { DomainError } from './errors/domain-error';
import { ukDateTime } from './uk-time';

export const LIFECYCLE_ACTIONS = ['submit', 'withdraw', 'approve', 'request-changes', 'start', 'complete', 'cancel', 'stand-down'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * R8, the one table of the lifecycle: each move, the statuses it starts from, where it leads, and
 * who makes it: a coordinator of the owning agency (R15), or a manager who may review the plan
 * (R12). The services refuse any other move; the plan view offers exactly these (its `actions`).
 */
export const LIFECYCLE: Record<LifecycleAction, { from: readonly OperationStatus[]; to: OperationStatus; by: 'owner' | 'reviewer' }> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED', by: 'owner' },
  withdraw: { from: ['SUBMITTED'], to: 'DRAFT', by: 'owner' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED', by: 'reviewer' },
  'request-changes': { from: ['SUBMITTED'], to: 'CHANGES_REQUESTED', by: 'reviewer' },
  start: { from: ['APPROVED'], to: 'ACTIVE', by: 'owner' },
  complete: { from: ['ACTIVE'], to: 'COMPLETED', by: 'owner' },
  cancel: { from: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'], to: 'CANCELLED', by: 'owner' },
  'stand-down': { from: ['ACTIVE'], to: 'STOOD_DOWN', by: 'owner' },
};

/** How far along its life a status is: a move refused from a later one is "no longer" possible, from an earlier one "not yet". */
const PROGRESS: Record<OperationStatus, number> = {
  DRAFT: 0,
  SUBMITTED: 1,
  CHANGES_REQUESTED: 1,
  APPROVED: 2,
  ACTIVE: 3,
  COMPLETED: 4,
  CANCELLED: 4,
  STOOD_DOWN: 4,
};

/** "OP-2027-0001 is …" */
const IS: Record<OperationStatus, string> = {
  DRAFT: 'a draft',
  SUBMITTED: 'submitted for review',
  CHANGES_REQUESTED: 'back with its owner for changes',
  APPROVED: 'approved',
  ACTIVE: 'under way',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  STOOD_DOWN: 'stood down',
};

/** "it cannot be …" */
const DONE: Record<LifecycleAction, string> = {
  submit: 'submitted for review',
  withdraw: 'withdrawn from review',
  approve: 'approved',
  'request-changes': 'sent back for changes',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
  'stand-down': 'stood down',
};

/** "only … can be" */
const WHICH: Record<LifecycleAction, string> = {
  submit: 'a draft, or a plan sent back for changes,',
  withdraw: 'a plan submitted for review',
  approve: 'a plan submitted for review',
  'request-changes': 'a plan submitted for review',
  start: 'an approved plan',
  complete: 'a day of action under way',
  cancel: 'a plan that has not started',
  'stand-down': 'a day of action under way',
};

export function mayMove(status: OperationStatus, action: LifecycleAction): boolean {
  return LIFECYCLE[action].from.includes(status);
}

/** Why the plan cannot make the move from where it stands, in words a coordinator acts on; null when it can. */
export function transitionRefusal(plan: { status: OperationStatus; reference: string }, action: LifecycleAction): string | null {
  if (mayMove(plan.status, action)) return null;
  const { from, to } = LIFECYCLE[action];
  const subject = `${plan.reference} is ${IS[plan.status]}`;
  if (plan.status === to) return `${plan.reference} is already ${IS[to]}`;
  if (plan.status === 'ACTIVE' && action === 'cancel') return `${subject}: it can no longer be cancelled; stand it down instead`;
  const progress = PROGRESS[plan.status];
  if (from.every((status) => PROGRESS[status] < progress)) return `${subject}: it can no longer be ${DONE[action]}`;
  const yet = from.every((status) => PROGRESS[status] > progress) ? ' yet' : '';
  return `${subject}: it cannot be ${DONE[action]}${yet}; only ${WHICH[action]} can be`;
}

/** The status `action` leads to from `status`, or INVALID_TRANSITION saying why not, of the plan `reference`. */
export function nextStatus(status: OperationStatus, action: LifecycleAction, reference = 'The plan'): OperationStatus {
  const refusal = transitionRefusal({ status, reference }, action);
  if (refusal) throw new DomainError('INVALID_TRANSITION', refusal, { status, action, allowedFrom: LIFECYCLE[action].from });
  return LIFECYCLE[action].to;
}

/** A day of action is completed once its window has opened (it may be stood down before). */
export function completionRefusal(plan: { reference: string; startsAt: Date }, now: Date): string | null {
  return now < plan.startsAt
    ? `${plan.reference} starts ${ukDateTime(plan.startsAt)}; it can be completed only after it has started`
    : null;
}

/**
 * What a plan's readiness is judged for, by where it stands: its submission, its approval, or the
 * go/no-go of starting it. Null once it is under way or has ended: then its record counts, not readiness.
 */
export function readinessStage(status: OperationStatus): 'submit' | 'approve' | 'start' | null {
  if (PROGRESS[status] >= PROGRESS.ACTIVE) return null;
  return status === 'APPROVED' ? 'start' : status === 'SUBMITTED' ? 'approve' : 'submit';
}
