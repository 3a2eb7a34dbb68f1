import type { HistoryEventView } from '../../audit/dto/audit.dto';
import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ReadinessView } from '../../workflow/dto/workflow.dto';
import { columnShares, failingChecks, notUnderReview, reviewView, riskSummary } from './record.view';

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

describe('the briefing page’s tables in print', () => {
  it('gives each column a share of the width by the text it holds, short columns no narrower than their longest word', () => {
    const tasking = 'Cordon the rear of the premises, hold the yard and the alley behind it and record everyone leaving';
    const window = 'Sat, 2 January 2027 at 05:00 GMT to Sat, 2 January 2027 at 17:00 GMT';
    const [officers, task, when, status] = columnShares(['Officers', 'Tasking', 'Window', 'Status'], [['4', tasking, window, 'Confirmed']]);
    expect(officers + task + when + status).toBeCloseTo(100, 0);
    expect(task).toBeGreaterThan(2 * officers);
    expect(when).toBeGreaterThan(2 * officers);
    expect(status).toBeGreaterThanOrEqual(officers);
  });

  it('shares no more than the whole width when the columns’ longest words together are longer than a printed line', () => {
    const email = 'safeguarding.lead.officer.operation.nightingale@westmidlands.police.uk';
    const shares = columnShares(
      Array.from({ length: 12 }, (_, column) => `Contact ${column + 1}`),
      [Array(12).fill(email)],
    );
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 0);
    shares.forEach((share) => expect(share).toBeCloseTo(100 / 12, 0));
  });
});
