import type { OperationStatus } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';

export type LifecycleAction = 'submit' | 'withdraw' | 'approve' | 'request-changes' | 'start' | 'complete' | 'cancel';

/** R8: the only moves there are; anything else is INVALID_TRANSITION. */
const TRANSITIONS: Record<LifecycleAction, { from: readonly OperationStatus[]; to: OperationStatus }> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED' },
  withdraw: { from: ['SUBMITTED'], to: 'DRAFT' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED' },
  'request-changes': { from: ['SUBMITTED'], to: 'CHANGES_REQUESTED' },
  start: { from: ['APPROVED'], to: 'ACTIVE' },
  complete: { from: ['ACTIVE'], to: 'COMPLETED' },
  cancel: { from: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'], to: 'CANCELLED' },
};

/** The status `action` leads to from `status`, or the refusal that names what is possible. */
export function nextStatus(status: OperationStatus, action: LifecycleAction): OperationStatus {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return transition.to;
  throw new DomainError('INVALID_TRANSITION', `A ${status} operation cannot ${action.replace('-', ' ')}; that needs ${transition.from.join(' or ')}`, {
    status,
    action,
    allowedFrom: transition.from,
  });
}
