import { OPERATION_STATUSES, OperationStatus } from './domain';
import {
  completionRefusal,
  LIFECYCLE,
  LIFECYCLE_ACTIONS,
  LifecycleAction,
  nextStatus,
  readinessStage,
  transitionRefusal,
} from './lifecycle';

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
  ['ACTIVE', 'stand-down', 'STOOD_DOWN'],
];

const refused = OPERATION_STATUSES.flatMap((from) =>
  LIFECYCLE_ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map((action) => [from, action] as const),
);

describe('nextStatus', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(transitionRefusal({ status: from, reference: 'OP-2027-0001' }, action)).toBeNull();
  });

  it.each(refused)('refuses %s --%s--> with INVALID_TRANSITION, in words without codes', (from, action) => {
    expect(() => nextStatus(from, action, 'OP-2027-0001')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    const message = transitionRefusal({ status: from, reference: 'OP-2027-0001' }, action) as string;
    expect(message).toMatch(/^OP-2027-0001 is /);
    expect(message).not.toMatch(
      /[A-Z]{2,}_[A-Z]|\b(DRAFT|SUBMITTED|APPROVED|ACTIVE|COMPLETED|CANCELLED)\b|stand-down|request-changes|[a-z][A-Z]/,
    );
  });

  it('covers every status and action: the lifecycle table allows exactly the moves R8 lists, and leads where R8 says', () => {
    const tabled = LIFECYCLE_ACTIONS.flatMap((action) => LIFECYCLE[action].from.map((from) => [from, action, LIFECYCLE[action].to]));
    const sorted = (moves: unknown[][]) => moves.map((move) => move.join(' ')).sort();
    expect(sorted(tabled)).toEqual(sorted(ALLOWED));
    expect(Object.keys(LIFECYCLE).sort()).toEqual([...LIFECYCLE_ACTIONS].sort());
  });

  it('says what is possible instead, in plain English', () => {
    const refusal = (status: OperationStatus, action: LifecycleAction) => transitionRefusal({ status, reference: 'OP-2027-0001' }, action);
    expect(refusal('ACTIVE', 'cancel')).toBe('OP-2027-0001 is under way: it can no longer be cancelled; stand it down instead');
    expect(refusal('DRAFT', 'start')).toBe('OP-2027-0001 is a draft: it cannot be started yet; only an approved plan can be');
    expect(refusal('CHANGES_REQUESTED', 'withdraw')).toBe(
      'OP-2027-0001 is back with its owner for changes: it cannot be withdrawn from review; only a plan submitted for review can be',
    );
    expect(refusal('COMPLETED', 'stand-down')).toBe('OP-2027-0001 is completed: it can no longer be stood down');
    expect(refusal('SUBMITTED', 'submit')).toBe('OP-2027-0001 is already submitted for review');
    expect(refusal('STOOD_DOWN', 'complete')).toBe('OP-2027-0001 is stood down: it can no longer be completed');
    expect(() => nextStatus('APPROVED', 'approve')).toThrow('The plan is already approved');
  });
});

describe('completionRefusal', () => {
  const plan = { reference: 'OP-2027-0001', startsAt: new Date('2027-03-20T05:00:00Z') };

  it('completes a day of action only once its window has opened', () => {
    expect(completionRefusal(plan, new Date('2027-03-20T04:59:59Z'))).toBe(
      'OP-2027-0001 starts Sat, 20 March 2027 at 05:00 GMT; it can be completed only after it has started',
    );
    expect(completionRefusal(plan, new Date('2027-03-20T05:00:00Z'))).toBeNull();
  });
});

describe('readinessStage', () => {
  it('judges readiness for the next step of a plan still to happen, and not at all once it is under way or has ended', () => {
    expect(OPERATION_STATUSES.map((status) => [status, readinessStage(status)])).toEqual([
      ['DRAFT', 'submit'],
      ['SUBMITTED', 'approve'],
      ['CHANGES_REQUESTED', 'submit'],
      ['APPROVED', 'start'],
      ['ACTIVE', null],
      ['COMPLETED', null],
      ['CANCELLED', null],
      ['STOOD_DOWN', null],
    ]);
  });
});
