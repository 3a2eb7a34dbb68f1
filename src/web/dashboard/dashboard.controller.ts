import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConstraints } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { DashboardService } from '../../dashboard/dashboard.service';
import { DashboardQueryDto } from '../../dashboard/dto/dashboard.dto';
import { ExportsService } from '../../dashboard/exports.service';
import { MAX_MONTHS, monthName, Period } from '../../dashboard/period';
import { BROWSER } from '../callers';
import { dashboardSections } from './dashboard.view';
import { formErrors, isRefusal, validated } from '../form-errors';
import { csvReply, FieldError, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';

type PageQuery = Record<string, string | string[] | undefined>;
const QUICK_PERIODS = [3, 6, 12, 24, MAX_MONTHS];

/** The fields of the period form as the API's query names them: `from-month` 3 and `from-year` 2027 are `from` 2027-03. */
function periodQuery(query: PageQuery): { criteria: Record<string, string>; errors: FieldError[]; form: Record<string, string> } {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const form = Object.fromEntries(['from-month', 'from-year', 'to-month', 'to-year'].map((name) => [name, text(name)]));
  const criteria: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const name of ['months', 'from', 'to']) if (text(name)) criteria[name] = text(name);
  for (const end of ['from', 'to'] as const) {
    const [month, year] = [form[`${end}-month`], form[`${end}-year`]];
    if (!month && !year) continue;
    if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12 || !/^20\d{2}$/.test(year)) {
      errors.push({ field: `${end}-month`, text: `The ${end === 'from' ? 'first' : 'last'} month must be a real month, for example 3 2027` });
    } else {
      criteria[end] = `${year}-${month.padStart(2, '0')}`;
    }
  }
  return { criteria, errors, form };
}

/** Where the API's field is entered on the form. */
const FIELD_IDS: Record<string, string> = { from: 'from-month', to: 'to-month', months: 'from-month' };

/**
 * The dashboard page (issue 18): the period form, then five sections, each a chart, a sentence and
 * a table of the same numbers, from the service GET /dashboard answers with. A browser reaches
 * this route; an API client with a bearer token reaches the JSON at the same address (callers.ts).
 */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Roles('MANAGER', 'COORDINATOR')
@Controller('dashboard')
export class DashboardPageController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @RouteConstraints(BROWSER)
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: PageQuery): Promise<FastifyReply> {
    const { criteria, errors, form } = periodQuery(query);
    if (!errors.length) {
      try {
        const view = await this.dashboard.dashboard(request.user!, await validated(DashboardQueryDto, criteria));
        return render(reply, request, 'dashboard/dashboard.njk', {
          pageTitle: 'Dashboard',
          section: 'dashboard',
          view,
          sections: dashboardSections(view),
          periodText: view.period.months === 1 ? monthName(view.period.from) : `${monthName(view.period.from)} to ${monthName(view.period.to)}`,
          form: formOf(view.period),
          quick: QUICK_PERIODS.map((months) => ({ months, current: view.period.months === months && !criteria.from && !criteria.to })),
          csvHref: `/dashboard/outcomes.csv?${new URLSearchParams({ from: view.period.from, to: view.period.to })}`,
        });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        errors.push(...formErrors(error, { id: (field) => FIELD_IDS[field] ?? '' }));
      }
    }
    return render(reply, request, 'dashboard/dashboard.njk', { pageTitle: 'Dashboard', section: 'dashboard', form, errors, quick: QUICK_PERIODS.map((months) => ({ months })) }, 400);
  }

  /** The outcomes table of the dashboard for the same period, as CSV. */
  @Get('outcomes.csv')
  async outcomesCsv(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: PageQuery): Promise<FastifyReply> {
    const { criteria, errors } = periodQuery(query);
    if (errors.length) return this.page(request, reply, query);
    try {
      return csvReply(reply, await this.exports.outcomes(request.user!, await validated(DashboardQueryDto, criteria)));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return this.page(request, reply, query);
    }
  }
}

function formOf(period: Period): Record<string, string> {
  const [fromYear, fromMonth] = period.from.split('-');
  const [toYear, toMonth] = period.to.split('-');
  return { 'from-month': String(Number(fromMonth)), 'from-year': fromYear, 'to-month': String(Number(toMonth)), 'to-year': toYear };
}
