import type { CpsLeadTimeView, OutcomesMonthView, PartnerResponseView, PlansMonthView, ReadinessCheckCountView } from './dto/dashboard.dto';
import { monthName, Period } from './period';

/** One sentence for each section of the dashboard: what a reader who cannot see the chart needs first. */

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
const span = (period: Period) =>
  period.months === 1 ? monthName(period.from) : `the ${period.months} months from ${monthName(period.from)} to ${monthName(period.to)}`;

export function plansSummary(period: Period, months: PlansMonthView[]): string {
  const total = months.reduce((sum, month) => sum + month.total, 0);
  if (total === 0) return `No days of action start in ${span(period)}.`;
  const led = months.reduce((sum, month) => sum + month.led, 0);
  const supported = months.reduce((sum, month) => sum + month.supported, 0);
  const busiest = months.reduce((best, month) => (month.total > best.total ? month : best));
  return `${plural(total, 'day', 'days')} of action ${total === 1 ? 'starts' : 'start'} in ${span(period)}: your agency leads ${led.toLocaleString('en-GB')} and supports ${supported.toLocaleString('en-GB')}; the busiest month is ${monthName(busiest.month)}, with ${busiest.total.toLocaleString('en-GB')}.`;
}

export function leadTimeSummary(view: Omit<CpsLeadTimeView, 'summary'>): string {
  if (view.plans === 0) return 'No plan starting in the period has a CPS liaison engaged.';
  return `Of ${plural(view.plans, 'plan')} with a CPS liaison engaged, ${view.inTime.toLocaleString('en-GB')} (${view.percentInTime}%) engaged one at least ${view.thresholdDays} days before the start; the median is ${view.medianDays} days.`;
}

export function readinessSummary(windowDays: number, plans: number, ready: number, checks: ReadinessCheckCountView[]): string {
  if (plans === 0) return `No plans start in the next ${windowDays} days.`;
  const worst = checks[0];
  const failing = worst && worst.failing > 0 ? `; the check failed most is “${worst.title}” (${plural(worst.failing, 'plan')})` : '';
  return `${plural(plans, 'plan')} ${plans === 1 ? 'starts' : 'start'} in the next ${windowDays} days: ${ready.toLocaleString('en-GB')} pass every check counted here${failing}.`;
}

export function partnerSummary(agencies: PartnerResponseView[]): string {
  if (agencies.length === 0) return 'No partner agency answered a team request on the plans starting in the period.';
  const answered = agencies.reduce((sum, agency) => sum + agency.answered, 0);
  const slowest = agencies[0];
  return `${plural(agencies.length, 'partner agency', 'partner agencies')} answered ${plural(answered, 'team request')}; the slowest median is ${slowest.agency.code}’s, ${slowest.medianHours} hours (90th percentile ${slowest.p90Hours} hours).`;
}

export function outcomesSummary(total: OutcomesMonthView): string {
  if (total.completed + total.stoodDown === 0) return 'No day of action that started in the period has been completed or stood down yet.';
  const stoodDown = total.stoodDown ? ` and ${total.stoodDown.toLocaleString('en-GB')} stood down (with the outcomes so far)` : '';
  return `${plural(total.completed, 'day', 'days')} of action completed${stoodDown}: ${plural(total.arrests, 'arrest')}, ${plural(total.potentialVictimsSafeguarded, 'potential victim')} safeguarded, ${plural(total.nrmReferrals, 'NRM referral')} and ${plural(total.premisesVisited, 'premises visited', 'premises visited')}.`;
}
