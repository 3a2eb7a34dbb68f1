import { OPERATION_STATUSES, OperationStatus } from '../common/domain';
import { LifecycleAction, nextStatus } from './lifecycle';

/** R8 as DESIGN.md writes it. */
const ALLOWED: [OperationStatus, LifecycleAction, OperationStatus][] = [
  ['DRAFT', 'submit', 'SUBMITTED'],
  ['CHANGES_REQUESTED', 'submit', 'SUBMITTED'],
  ['SUBMITTED', 'withdraw', 'DRAFT'],
  ['SUBMITTED', 'approve', 'APPROVED'],
  ['SUBMITTED', 'request-changes', 'CHANGES_REQUESTED'],
  ['APPROVED', 'start', 'ACTIVE'],
  ['ACTIVE', 'complete', 'COMPLETED'],
  ['DRAFT', 'cancel', 'CANCELLED'],
  ['SUBMITTED', 'cancel', 'CANCELLED'],
  ['CHANGES_REQUESTED', 'cancel', 'CANCELLED'],
  ['APPROVED', 'cancel', 'CANCELLED'],
];
const ACTIONS: LifecycleAction[] = ['submit', 'withdraw', 'approve', 'request-changes', 'start', 'complete', 'cancel'];

describe('nextStatus', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const refused = OPERATION_STATUSES.flatMap((from) =>
    ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map((action) => [from, action] as const),
  );

  it.each(refused)('refuses %s --%s--> with INVALID_TRANSITION', (from, action) => {
    expect(() => nextStatus(from, action)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('covers every status and action', () => {
    expect(ALLOWED.length + refused.length).toBe(OPERATION_STATUSES.length * ACTIONS.length);
  });
});
