import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConstraints } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser } from '../../common/auth/auth-user';
import { Roles, WebPage } from '../../common/auth/decorators';
import { DashboardService } from '../../dashboard/dashboard.service';
import { DashboardQueryDto, DashboardView } from '../../dashboard/dto/dashboard.dto';
import { ExportsService } from '../../dashboard/exports.service';
import { BROWSER } from '../callers';
import { formErrors, refusalOf, validated } from '../form-errors';
import { csvReply, FieldError, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { PageQuery, periodFieldId, periodQuery } from './dashboard.form';
import { dashboardPageView, periodErrorsView } from './dashboard.view';

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
    const shown = errors.length ? { errors } : await this.numbers(request.user!, criteria);
    if ('view' in shown) return render(reply, request, 'dashboard/dashboard.njk', dashboardPageView(shown.view, criteria));
    return render(reply, request, 'dashboard/dashboard.njk', periodErrorsView(form, shown.errors), 400);
  }

  /** The dashboard's numbers for the period asked for, or what is wrong with the period. */
  private async numbers(viewer: AuthUser, criteria: Record<string, string>): Promise<{ view: DashboardView } | { errors: FieldError[] }> {
    try {
      return { view: await this.dashboard.dashboard(viewer, await validated(DashboardQueryDto, criteria)) };
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return { errors: formErrors(error, { id: periodFieldId }) };
    }
  }

  /** The outcomes table of the dashboard for the same period, as CSV. */
  @Get('outcomes.csv')
  async outcomesCsv(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: PageQuery): Promise<FastifyReply> {
    const { criteria, errors } = periodQuery(query);
    if (errors.length) return this.page(request, reply, query);
    try {
      return csvReply(reply, await this.exports.outcomes(request.user!, await validated(DashboardQueryDto, criteria)));
    } catch (thrown) {
      if (!refusalOf(thrown)) throw thrown;
      return this.page(request, reply, query);
    }
  }
}
