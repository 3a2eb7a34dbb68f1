import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser } from '../../common/auth/auth-user';
import { Roles, WebPage } from '../../common/auth/decorators';
import { CreateOperationDto, OperationPage, OperationQueryDto } from '../../operations/dto/operation.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { PlansService } from '../../operations/plans.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { ExportsService, PLAN_EXPORT_LIMIT } from '../../dashboard/exports.service';
import { PlanViewsService } from '../plan-views.service';
import { formErrors, refusalOf, validated } from '../form-errors';
import { csvReply, FieldError, redirect, render } from '../page';
import { PlanContext } from '../plan-context';
import { inFormOrder, PLAN_FIELDS, planBody, PlanFormValues, planFormValues } from '../plan-form';
import { happenedOf } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { EMPTY_PLAN, listCriteria, listCursor, ListQuery } from './plans.form';
import { planPageView, plansListView, showsReadiness } from './plans.view';

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans')
export class PlansPagesController {
  constructor(
    private readonly plans: PlansService,
    private readonly editing: PlanEditingService,
    private readonly readiness: ReadinessService,
    private readonly views: PlanViewsService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: ListQuery): Promise<FastifyReply> {
    const { filters, errors, criteria } = listCriteria(query);
    const listed = errors.length
      ? { page: { items: [], nextCursor: null }, errors }
      : await this.listed(request.user!, criteria, listCursor(query));
    const changed = await this.views.changedSince(request.user!, listed.page.items);
    const view = plansListView(query, filters, listed.page, changed, listed.errors, PLAN_EXPORT_LIMIT);
    return render(reply, request, 'plans/plans.njk', view, listed.errors.length ? 400 : 200);
  }

  /** A page of the plans the list's criteria match, or (refused) none and what is wrong with the criteria. */
  private async listed(
    viewer: AuthUser,
    criteria: Record<string, string>,
    cursor: string,
  ): Promise<{ page: OperationPage; errors: FieldError[] }> {
    try {
      return {
        page: await this.plans.list(viewer, await validated(OperationQueryDto, { ...criteria, ...(cursor ? { cursor } : {}) })),
        errors: [],
      };
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return { page: { items: [], nextCursor: null }, errors: formErrors(error, { id: (field) => (field === 'cursor' ? '' : field) }) };
    }
  }

  /** Every plan the list's filters match (not one page), as CSV; with filters in error, the list says what is wrong. */
  @Get('export.csv')
  async download(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: ListQuery): Promise<FastifyReply> {
    const { errors, criteria } = listCriteria(query);
    if (errors.length) return this.list(request, reply, { ...query, cursor: undefined });
    try {
      const checked = await validated(OperationQueryDto, criteria);
      return csvReply(reply, await this.exports.plans(request.user!, checked));
    } catch (thrown) {
      if (!refusalOf(thrown)) throw thrown;
      return this.list(request, reply, { ...query, cursor: undefined });
    }
  }

  @Get('new')
  @Roles('COORDINATOR')
  newPlan(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): FastifyReply {
    return render(reply, request, 'plans/plan-new.njk', { pageTitle: 'New plan', section: 'new', values: EMPTY_PLAN });
  }

  @Post('new')
  @Roles('COORDINATOR')
  async create(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = planFormValues(request.body);
    const { body, errors } = planBody(values);
    const again = (theirs: FieldError[] = []) => this.drawNew(reply, request, values, inFormOrder(errors, theirs));
    try {
      const input = await validated(CreateOperationDto, body);
      if (errors.length) return again();
      const plan = await this.editing.create(request.user!, input);
      return redirect(reply, `/plans/${plan.reference}?created`);
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return again(formErrors(error, PLAN_FIELDS));
    }
  }

  /** The new plan's form again, with what was typed and why it was not made. */
  private drawNew(reply: FastifyReply, request: AuthenticatedRequest, values: PlanFormValues, errors: FieldError[]): FastifyReply {
    return render(reply, request, 'plans/plan-new.njk', { pageTitle: 'New plan', section: 'new', values, errors }, 400);
  }

  @Get(':reference')
  async show(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
    @Query() query: Record<string, unknown>,
  ): Promise<FastifyReply> {
    const [readiness] = await Promise.all([
      showsReadiness(plan) ? this.readiness.readinessOf(plan) : null,
      this.views.seen(request.user!, plan, request),
    ]);
    return render(reply, request, 'plans/plan.njk', planPageView(plan, readiness, { happened: happenedOf(request), query }));
  }
}
