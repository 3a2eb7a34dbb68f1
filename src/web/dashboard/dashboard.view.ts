import { OPERATION_STATUSES, OperationStatus } from '../../common/domain';
import { agencyNamed, label } from '../../common/labels';
import type { DashboardView } from '../../dashboard/dto/dashboard.dto';
import { MAX_MONTHS, monthName, Period, shortMonthName } from '../../dashboard/period';
import type { FieldError } from '../page';
import { horizontalBarChart, lineChart, PALETTE, stackedBarChart } from './charts';
import { readinessItems } from '../plan-sections';
import type { PeriodForm } from './dashboard.form';

type Cell = { text: string; format?: 'numeric' };
export interface DashboardSection {
  id: string;
  heading: string;
  summary: string;
  chart: string;
  table: { caption: string; head: Cell[]; rows: Cell[][] };
}

const STATUS_COLOURS: Record<OperationStatus, string> = {
  DRAFT: PALETTE.midGrey,
  SUBMITTED: PALETTE.lightPurple,
  CHANGES_REQUESTED: PALETTE.orange,
  APPROVED: PALETTE.blue,
  ACTIVE: PALETTE.turquoise,
  COMPLETED: PALETTE.green,
  CANCELLED: PALETTE.red,
  STOOD_DOWN: PALETTE.brown,
};

const count = (value: number): Cell => ({ text: value.toLocaleString('en-GB'), format: 'numeric' });
const hours = (value: number): Cell => ({ text: value.toFixed(1), format: 'numeric' });
const numeric = (text: string): Cell => ({ text, format: 'numeric' });
const plansFailing = (failing: number) => `${failing.toLocaleString('en-GB')} ${failing === 1 ? 'plan' : 'plans'} failing`;

const QUICK_PERIODS = [3, 6, 12, 24, MAX_MONTHS];

/** The period in words: one month, or the first to the last. */
function periodText(period: Period): string {
  return period.months === 1 ? monthName(period.from) : `${monthName(period.from)} to ${monthName(period.to)}`;
}

/** The period form filled in with the period shown. */
function formOf(period: Period): PeriodForm {
  const [fromYear, fromMonth] = period.from.split('-');
  const [toYear, toMonth] = period.to.split('-');
  return { 'from-month': String(Number(fromMonth)), 'from-year': fromYear, 'to-month': String(Number(toMonth)), 'to-year': toYear };
}

/**
 * The dashboard page: whose days of action it counts, the period in words and in the form, the quick
 * periods (the one shown marked, unless months were chosen), the five sections and the CSV's link.
 */
export function dashboardPageView(view: DashboardView, criteria: Record<string, string>) {
  const chosen = Boolean(criteria.from || criteria.to);
  return {
    pageTitle: 'Dashboard',
    section: 'dashboard',
    view,
    scopeText:
      view.scope.basis === 'VISIBLE' ? 'The days of action you may see' : `The days of action ${view.scope.agencyCode} leads or supports`,
    sections: dashboardSections(view),
    periodText: periodText(view.period),
    form: formOf(view.period),
    quick: QUICK_PERIODS.map((months) => ({ months, current: view.period.months === months && !chosen })),
    csvHref: `/dashboard/outcomes.csv?${new URLSearchParams({ from: view.period.from, to: view.period.to })}`,
  };
}

/** The dashboard page with the period form as typed and what is wrong with it, and no numbers. */
export function periodErrorsView(form: PeriodForm, errors: FieldError[]) {
  return { pageTitle: 'Dashboard', section: 'dashboard', form, errors, quick: QUICK_PERIODS.map((months) => ({ months })) };
}

/** The title the plan's task list gives a readiness check, so that the dashboard names it the same way. */
function checkTitle(id: string): string {
  return readinessItems('', { ready: false, stage: null, checks: [{ id, ok: false, applies: true, blocking: true, message: '' }] })[0].title
    .text;
}

/** The dashboard's five sections as the page shows them: each a chart, a sentence, and a table of the same numbers. */
function dashboardSections(view: DashboardView): DashboardSection[] {
  const months = view.plansPerMonth.months.map((month) => ({ key: month.month, label: shortMonthName(month.month) }));
  const period = periodText(view.period);

  const plans: DashboardSection = {
    id: 'plans',
    heading: 'Days of action per month',
    summary: view.plansPerMonth.summary,
    chart: stackedBarChart(
      { id: 'chart-plans', title: `Days of action per month by status, ${period}`, description: view.plansPerMonth.summary },
      {
        categories: months,
        series: OPERATION_STATUSES.map((status) => ({ key: status, label: label('status', status), colour: STATUS_COLOURS[status] })),
        values: view.plansPerMonth.months.map((month) => ({ ...month.byStatus })),
      },
    ),
    table: {
      caption: 'Days of action per month, by the month they start (UK time)',
      head: [
        { text: 'Month' },
        numeric('Total'),
        numeric('Led by your agency'),
        numeric('Supported'),
        ...OPERATION_STATUSES.map((status) => numeric(label('status', status))),
      ],
      rows: view.plansPerMonth.months.map((month) => [
        { text: monthName(month.month) },
        count(month.total),
        count(month.led),
        count(month.supported),
        ...OPERATION_STATUSES.map((status) => count(month.byStatus[status])),
      ]),
    },
  };

  const lead = view.cpsLeadTime;
  const leadTime: DashboardSection = {
    id: 'cps-lead-time',
    heading: 'CPS lead time',
    summary: lead.summary,
    chart: stackedBarChart(
      { id: 'chart-cps-lead-time', title: `Days from CPS engagement to the start, ${period}`, description: lead.summary },
      {
        categories: lead.buckets.map((bucket, index) => ({
          key: bucket.label,
          label:
            index === 0 ? bucket.label : bucket.toDays === null ? `${bucket.fromDays}+ days` : `${bucket.fromDays}–${bucket.toDays} days`,
        })),
        series: [
          { key: 'late', label: `Under ${lead.thresholdDays} days`, colour: PALETTE.orange },
          { key: 'inTime', label: `${lead.thresholdDays} days or more`, colour: PALETTE.green },
        ],
        values: lead.buckets.map((bucket) =>
          bucket.fromDays >= lead.thresholdDays ? { late: 0, inTime: bucket.plans } : { late: bucket.plans, inTime: 0 },
        ),
      },
    ),
    table: {
      caption: 'Plans by days from CPS engagement to the start',
      head: [{ text: 'Days from engagement to the start' }, numeric('Plans')],
      rows: [
        ...lead.buckets.map((bucket) => [{ text: bucket.label }, count(bucket.plans)]),
        [
          { text: `Engaged at least ${lead.thresholdDays} days ahead` },
          numeric(lead.percentInTime === null ? '–' : `${lead.inTime.toLocaleString('en-GB')} (${lead.percentInTime}%)`),
        ],
        [{ text: 'Median days' }, numeric(lead.medianDays === null ? '–' : lead.medianDays.toFixed(1))],
      ],
    },
  };

  const readiness = view.readiness;
  const checks = readiness.checks.map((check) => ({ ...check, title: checkTitle(check.id) }));
  const upcoming: DashboardSection = {
    id: 'readiness',
    heading: `Readiness of the plans starting in the next ${readiness.windowDays} days`,
    summary: readiness.summary,
    chart: horizontalBarChart(
      {
        id: 'chart-readiness',
        title: `Plans starting in the next ${readiness.windowDays} days failing each check`,
        description: readiness.summary,
      },
      {
        rows: readiness.plans
          ? checks.map((check) => ({ label: check.title, value: check.failing, valueText: plansFailing(check.failing) }))
          : [],
        colour: PALETTE.blue,
        empty: `No plans start in the next ${readiness.windowDays} days`,
      },
    ),
    table: {
      caption: `Plans starting in the next ${readiness.windowDays} days failing each check (of ${readiness.plans.toLocaleString('en-GB')}, ${readiness.ready.toLocaleString('en-GB')} ready)`,
      head: [{ text: 'Check' }, numeric('Plans failing it')],
      rows: checks.map((check) => [{ text: check.title }, count(check.failing)]),
    },
  };

  const answers = view.partnerResponse;
  const partners: DashboardSection = {
    id: 'partner-response',
    heading: 'Partner response time',
    summary: answers.summary,
    chart: horizontalBarChart(
      {
        id: 'chart-partner-response',
        title: `Hours from a team request to the partner’s answer, by agency, ${period}`,
        description: answers.summary,
      },
      {
        rows: answers.agencies.map((row) => ({
          label: agencyNamed(row.agency),
          value: row.medianHours,
          marker: row.p90Hours,
          valueText: `${row.medianHours.toFixed(1)} h (90th: ${row.p90Hours.toFixed(1)} h)`,
        })),
        colour: PALETTE.turquoise,
        markerLabel: 'Line: 90th percentile',
        empty: 'No partner agency answered a team request',
      },
    ),
    table: {
      caption: 'Hours from a team request to the partner’s answer (confirmed or declined), by the agency asked',
      head: [{ text: 'Agency' }, numeric('Requests answered'), numeric('Median hours'), numeric('90th percentile hours')],
      rows: answers.agencies.map((row) => [
        { text: agencyNamed(row.agency) },
        count(row.answered),
        hours(row.medianHours),
        hours(row.p90Hours),
      ]),
    },
  };

  const outcomes = view.outcomesPerMonth;
  const outcomeSeries = [
    { key: 'arrests', label: 'Arrests', colour: PALETTE.darkBlue },
    { key: 'potentialVictimsSafeguarded', label: 'Potential victims safeguarded', colour: PALETTE.green },
    { key: 'nrmReferrals', label: 'NRM referrals', colour: PALETTE.purple },
    { key: 'premisesVisited', label: 'Premises visited', colour: PALETTE.brown },
  ] as const;
  const results: DashboardSection = {
    id: 'outcomes',
    heading: 'Outcomes per month',
    summary: outcomes.summary,
    chart: lineChart(
      {
        id: 'chart-outcomes',
        title: `Outcomes of days of action completed or stood down, per month, ${period}`,
        description: outcomes.summary,
      },
      {
        categories: months,
        series: outcomeSeries.map((series) => ({ ...series, values: outcomes.months.map((month) => month[series.key]) })),
      },
    ),
    table: {
      caption: 'Outcomes of the days of action completed, and the outcomes so far of those stood down, by the month they started (UK time)',
      head: [{ text: 'Month' }, numeric('Completed'), numeric('Stood down'), ...outcomeSeries.map((series) => numeric(series.label))],
      rows: [...outcomes.months, outcomes.total].map((month, index, all) => [
        { text: index === all.length - 1 ? 'Total' : monthName(month.month) },
        count(month.completed),
        count(month.stoodDown),
        ...outcomeSeries.map((series) => count(month[series.key])),
      ]),
    },
  };

  return [plans, leadTime, upcoming, partners, results];
}
