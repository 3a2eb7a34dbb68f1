import type { HistoryEventView } from '../../audit/dto/audit.dto';
import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ReadinessView } from '../../workflow/dto/workflow.dto';
import { failingChecks, notUnderReview, reviewView, riskSummary } from './record.view';

const readiness = {
  ready: false,
  checks: [
    { id: 'lead-agency', ok: false, blocking: true, applies: true, message: 'No lead agency is chosen' },
    { id: 'locations', ok: true, blocking: true, applies: true, message: 'Two places' },
    { id: 'no-pending-requests', ok: false, blocking: false, applies: true, message: 'One team has not answered' },
  ],
} as unknown as ReadinessView;
const plan = { reference: 'OP-2031-0001', status: 'SUBMITTED', sections: ['CORE'] } as unknown as OperationView;
const risk = (residual: string, hazard: string, score: number, acceptedBy = '') =>
  ({ residual, hazard, hazardDetail: '', score, acceptedBy }) as unknown as RiskView;

describe('checking and reviewing a plan', () => {
  it('lists a refused submission’s failing blocking checks, each linked to where it is fixed', () => {
    expect(failingChecks(plan.reference, readiness)).toEqual([
      { field: '', text: 'Choose a lead agency the policy permits: No lead agency is chosen', href: '/plans/OP-2031-0001/lead' },
    ]);
  });

  it('sums up the risk register by its highest residual risk, and counts high risks nobody senior accepted', () => {
    expect(riskSummary([])).toBe('No risks recorded');
    const summary = riskSummary([risk('LOW', 'DOGS', 4), risk('HIGH', 'WEAPONS', 12), risk('HIGH', 'DOGS', 20, 'Supt Grey')]);
    expect(summary).toMatch(/^3 risks; highest residual rating: High \(.+\); 1 high not accepted by a senior officer$/);
  });

  it('shows what changed since an earlier approval, and says when there was none', () => {
    const event = (action: string) =>
      ({
        action,
        at: '2031-01-10T09:00:00.000Z',
        actor: { name: 'Ann' },
        actorAgency: { code: 'WMP' },
        summary: ['Changed the plan'],
        before: null,
        after: null,
      }) as unknown as HistoryEventView;
    expect(reviewView(plan, [event('operation.created')], readiness, [], null)).toMatchObject({
      approvedBefore: false,
      sinceApproval: [],
      hitsShared: false,
      refusal: null,
    });
    const after = reviewView(plan, [event('operation.approved'), event('operation.updated')], readiness, [], 'Not yours to review');
    expect(after.approvedBefore).toBe(true);
    expect(after.sinceApproval).toHaveLength(1);
    expect(after.refusal).toBe('Not yours to review');
  });

  it('says why a plan not submitted for review is not reviewed', () => {
    expect(notUnderReview({ status: 'DRAFT' })).toBe('The plan is draft: only a plan submitted for review is reviewed.');
  });
});
