import type { DashboardView } from '../../dashboard/dto/dashboard.dto';
import { MAX_MONTHS } from '../../dashboard/period';
import { periodFieldId, periodQuery } from './dashboard.form';
import { dashboardPageView, periodErrorsView } from './dashboard.view';

const ZERO = { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 0, completed: 0, stoodDown: 0 };

function dashboard(period: DashboardView['period'], scope: DashboardView['scope']): DashboardView {
  return {
    period,
    scope,
    plansPerMonth: { months: [], total: 0, summary: 'No days of action' },
    cpsLeadTime: { thresholdDays: 7, plans: 0, inTime: 0, percentInTime: null, medianDays: null, buckets: [], summary: 'None' },
    readiness: { windowDays: 30, plans: 0, ready: 0, checks: [], summary: 'None' },
    partnerResponse: { agencies: [], summary: 'None' },
    outcomesPerMonth: { months: [], total: { month: `${period.from}–${period.to}`, ...ZERO }, summary: 'None' },
  } as DashboardView;
}

describe('the dashboard page view', () => {
  const year = dashboard({ from: '2026-04', to: '2027-03', months: 12 }, { agencyCode: 'MPS', basis: 'VISIBLE' });

  it('says whose days of action it counts, over which months, in words', () => {
    const view = dashboardPageView(year, {});
    expect(view.scopeText).toBe('The days of action you may see');
    expect(view.periodText).toBe('April 2026 to March 2027');
    const coordinator = dashboardPageView(
      dashboard({ from: '2027-03', to: '2027-03', months: 1 }, { agencyCode: 'GLAA', basis: 'OWNED_OR_SUPPORTED' }),
      {},
    );
    expect(coordinator.scopeText).toBe('The days of action GLAA leads or supports');
    expect(coordinator.periodText).toBe('March 2027');
  });

  it('fills the period form with the months shown, and links the CSV of the same period', () => {
    const view = dashboardPageView(year, {});
    expect(view.form).toEqual({ 'from-month': '4', 'from-year': '2026', 'to-month': '3', 'to-year': '2027' });
    expect(view.csvHref).toBe('/dashboard/outcomes.csv?from=2026-04&to=2027-03');
    expect(view.sections.map((section) => section.id)).toHaveLength(5);
  });

  it('marks the quick period shown, unless the months were chosen in the form', () => {
    expect(
      dashboardPageView(year, { months: '12' })
        .quick.filter((option) => option.current)
        .map((option) => option.months),
    ).toEqual([12]);
    expect(dashboardPageView(year, { from: '2026-04' }).quick.some((option) => option.current)).toBe(false);
    expect(periodErrorsView({}, []).quick.map((option) => option.months)).toEqual([3, 6, 12, 24, MAX_MONTHS]);
  });
});

describe('the dashboard period form', () => {
  it('turns month and year into the API’s months, and says which is not a real month', () => {
    expect(periodQuery({ 'from-month': '3', 'from-year': '2027', 'to-month': '', 'to-year': '', months: ['1', '2'] }).criteria).toEqual({
      from: '2027-03',
    });
    const { errors } = periodQuery({ 'from-month': '13', 'from-year': '2027', 'to-month': '1', 'to-year': '27' });
    expect(errors.map((error) => error.field)).toEqual(['from-month', 'to-month']);
  });

  it('points the API’s refusal of a field at where it is entered', () => {
    expect([periodFieldId('from'), periodFieldId('to'), periodFieldId('months'), periodFieldId('other')]).toEqual([
      'from-month',
      'to-month',
      'from-month',
      '',
    ]);
  });
});
