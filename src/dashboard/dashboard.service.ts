import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ukInstant } from '../common/uk-time';
import { validationError } from '../common/validation';
import { together } from '../database/together';
import { CPS_LEAD_TIME_DAYS } from '../workflow/readiness';
import { DashboardRepository, LEAD_TIME_BOUNDS, MonthRow, PeriodRow } from './dashboard.repository';
import {
  CpsLeadTimeView,
  DashboardQueryDto,
  DashboardView,
  OutcomesMonthView,
  OutcomesPerMonthView,
  PartnerResponsesView,
  PlansPerMonthView,
  UpcomingReadinessView,
} from './dto/dashboard.dto';
import { addMonths, Period, resolvePeriod } from './period';
import { DASHBOARD_CHECKS, READINESS_WINDOW_DAYS } from './readiness-checks';
import { leadTimeSummary, outcomesSummary, partnerSummary, plansSummary, readinessSummary } from './summaries';

/** The instant a UK month (YYYY-MM) begins: midnight, which the clocks never skip. */
function monthStart(month: string): Date {
  const [year, number] = month.split('-').map(Number);
  return ukInstant({ year, month: number, day: 1, hour: 0, minute: 0 }) as Date;
}

const bucketLabel = (index: number) => {
  const from = index === 0 ? 0 : LEAD_TIME_BOUNDS[index - 1];
  const to = index < LEAD_TIME_BOUNDS.length ? LEAD_TIME_BOUNDS[index] - 1 : null;
  return {
    label: to === null ? `${from} days or more` : index === 0 ? `Under ${to + 1} days` : `${from} to ${to} days`,
    fromDays: from,
    toDays: to,
  };
};

/**
 * How days of action go, from what is stored (issue 18): for managers, every plan they may see
 * (R14); for coordinators, their own agency's. Computed in Postgres in two statements, run side
 * by side; the numbers the web page draws and tabulates are these.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly numbers: DashboardRepository,
  ) {}

  /** The period asked for, or VALIDATION_FAILED saying what is wrong with it. */
  period(query: DashboardQueryDto, now = new Date()): Period {
    const resolved = resolvePeriod(query, now);
    if (Array.isArray(resolved)) throw validationError(resolved);
    return resolved;
  }

  async dashboard(viewer: AuthUser, query: DashboardQueryDto): Promise<DashboardView> {
    assertMayUse(viewer);
    const period = this.period(query);
    const manager = this.dataSource.manager;
    const [numbers, upcoming] = await together(manager, [
      () => this.numbers.period(manager, viewer, this.bounds(period)),
      () => this.numbers.upcoming(manager, viewer, READINESS_WINDOW_DAYS),
    ] as const);
    const checks = DASHBOARD_CHECKS.map((check, index) => ({ id: check.id, title: check.title, failing: upcoming.failing[index] })).sort(
      (a, b) => b.failing - a.failing,
    );
    const readiness: UpcomingReadinessView = {
      windowDays: READINESS_WINDOW_DAYS,
      plans: upcoming.plans,
      ready: upcoming.ready,
      checks,
      summary: readinessSummary(READINESS_WINDOW_DAYS, upcoming.plans, upcoming.ready, checks),
    };
    return {
      period,
      scope: { agencyCode: viewer.agencyCode, basis: hasRole(viewer, 'MANAGER') ? 'VISIBLE' : 'OWNED_OR_SUPPORTED' },
      plansPerMonth: plansPerMonth(period, numbers.months),
      cpsLeadTime: leadTime(numbers.leadTime),
      readiness,
      partnerResponse: partners(numbers.partners),
      outcomesPerMonth: outcomesPerMonth(period, numbers.months),
    };
  }

  /** The outcomes per month alone (for the CSV download): one statement. */
  async outcomes(viewer: AuthUser, query: DashboardQueryDto): Promise<{ period: Period; outcomes: OutcomesPerMonthView }> {
    assertMayUse(viewer);
    const period = this.period(query);
    const numbers = await this.numbers.period(this.dataSource.manager, viewer, this.bounds(period));
    return { period, outcomes: outcomesPerMonth(period, numbers.months) };
  }

  private bounds(period: Period) {
    return {
      firstMonth: period.from,
      lastMonth: period.to,
      startsFrom: monthStart(period.from),
      startsBefore: monthStart(addMonths(period.to, 1)),
    };
  }
}

/** Managers and coordinators; admins keep reference data, not operations (R15), and a CPS liaison's plans are few and their own. */
function assertMayUse(viewer: AuthUser): void {
  if (!hasRole(viewer, 'MANAGER', 'COORDINATOR')) throw DomainError.forbidden('The dashboard is for managers and coordinators');
}

function plansPerMonth(period: Period, rows: MonthRow[]): PlansPerMonthView {
  const months = rows.map(({ month, total, led, supported, byStatus }) => ({ month, total, led, supported, byStatus }));
  return { months, total: months.reduce((sum, month) => sum + month.total, 0), summary: plansSummary(period, months) };
}

function leadTime(row: PeriodRow['leadTime']): CpsLeadTimeView {
  const view = {
    thresholdDays: CPS_LEAD_TIME_DAYS,
    plans: row.plans,
    inTime: row.inTime,
    percentInTime: row.plans ? Math.round((100 * row.inTime) / row.plans) : null,
    medianDays: row.medianDays,
    buckets: row.buckets.map((plans, index) => ({ ...bucketLabel(index), plans })),
  };
  return { ...view, summary: leadTimeSummary(view) };
}

function partners(rows: PeriodRow['partners']): PartnerResponsesView {
  const agencies = rows.map((row) => ({
    agency: { code: row.code, name: row.name },
    answered: row.answered,
    medianHours: row.medianHours,
    p90Hours: row.p90Hours,
  }));
  return { agencies, summary: partnerSummary(agencies) };
}

function outcomesPerMonth(period: Period, rows: MonthRow[]): OutcomesPerMonthView {
  const months: OutcomesMonthView[] = rows.map(
    ({ month, completed, stoodDown, arrests, potentialVictimsSafeguarded, nrmReferrals, premisesVisited }) => ({
      month,
      completed,
      stoodDown,
      arrests,
      potentialVictimsSafeguarded,
      nrmReferrals,
      premisesVisited,
    }),
  );
  const sum = (key: keyof Omit<OutcomesMonthView, 'month'>) => months.reduce((total, month) => total + month[key], 0);
  const total: OutcomesMonthView = {
    month: `${period.from} to ${period.to}`,
    completed: sum('completed'),
    stoodDown: sum('stoodDown'),
    arrests: sum('arrests'),
    potentialVictimsSafeguarded: sum('potentialVictimsSafeguarded'),
    nrmReferrals: sum('nrmReferrals'),
    premisesVisited: sum('premisesVisited'),
  };
  return { months, total, summary: outcomesSummary(total) };
}
