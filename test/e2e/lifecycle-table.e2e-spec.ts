import { OPERATION_STATUSES, OperationStatus } from '../../src/common/domain';
import { LIFECYCLE, LIFECYCLE_ACTIONS, LifecycleAction, mayMove } from '../../src/common/lifecycle';
import { Owner, Plan } from '../factories/scenario';
import { useApp } from '../support/use-app';

const HOUR = 3600_000;
const OUTCOMES = { arrests: 1, potentialVictimsSafeguarded: 2, nrmReferrals: 2, premisesVisited: 1 };

/**
 * R8 through the routes: for every status and every action, the API answers as the lifecycle table
 * says, moving the plan where the table leads or refusing with INVALID_TRANSITION. The expectations
 * come from the table itself, so a service that refuses or allows a move the table does not fails here.
 */
describe('every status and action, through the routes, as the lifecycle table says', () => {
  const { s } = useApp();

  /** The request each action is: the owner's moves on their own routes, the reviewer's through review. */
  function act(owner: Owner, plan: Plan, action: LifecycleAction) {
    const version = plan.version;
    const reviews: Partial<Record<LifecycleAction, string>> = { approve: 'APPROVE', 'request-changes': 'REQUEST_CHANGES' };
    const bodies: Partial<Record<LifecycleAction, Record<string, unknown>>> = {
      complete: { version, outcomes: OUTCOMES },
      cancel: { version, reason: 'Intelligence went stale' },
      'stand-down': { version, reason: 'The subjects have left the country' },
    };
    const review = reviews[action];
    if (review) return s.post(owner.manager, `/operations/${plan.id}/review`, { decision: review, comment: 'Read in full', version });
    return s.post(owner.auth, `/operations/${plan.id}/${action}`, bodies[action] ?? { version });
  }

  /** A new plan in `status`, built through the API; its window opened an hour ago once it is under way, so that it can be completed. */
  async function planIn(status: OperationStatus): Promise<{ owner: Owner; plan: Plan }> {
    const owner = await s.owner();
    const soon = { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 12 * HOUR).toISOString() };
    const stages: Record<OperationStatus, { stage: 'ready' | 'submitted' | 'approved' | 'active'; then?: LifecycleAction }> = {
      DRAFT: { stage: 'ready' },
      SUBMITTED: { stage: 'submitted' },
      CHANGES_REQUESTED: { stage: 'submitted', then: 'request-changes' },
      APPROVED: { stage: 'approved' },
      ACTIVE: { stage: 'active' },
      COMPLETED: { stage: 'active', then: 'complete' },
      CANCELLED: { stage: 'ready', then: 'cancel' },
      STOOD_DOWN: { stage: 'active', then: 'stand-down' },
    };
    const { stage, then } = stages[status];
    let plan = await s.plan(owner, { stage, body: soon });
    if (stage === 'active') await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    if (then) plan = (await act(owner, plan, then).expect(200)).body;
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(plan.status).toBe(status);
    return { owner, plan };
  }

  it.each(OPERATION_STATUSES)(
    'from %s, refuses every move the table does not list and makes each it does',
    async (status) => {
      const { owner, plan } = await planIn(status);
      for (const action of LIFECYCLE_ACTIONS.filter((each) => !mayMove(status, each))) {
        const refused = await act(owner, plan, action);
        expect({ action, status: refused.status, code: refused.body.code }).toEqual({ action, status: 409, code: 'INVALID_TRANSITION' });
      }
      const allowed = LIFECYCLE_ACTIONS.filter((each) => mayMove(status, each));
      for (const [index, action] of allowed.entries()) {
        // The first allowed move is made on this plan; each other one on a new plan in the same status.
        const { owner: mover, plan: from } = index === 0 ? { owner, plan } : await planIn(status);
        const moved = await act(mover, from, action);
        expect({ action, status: moved.status, to: moved.body.status }).toEqual({ action, status: 200, to: LIFECYCLE[action].to });
      }
    },
    120_000,
  );
});
