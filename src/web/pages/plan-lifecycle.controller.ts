import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { isActiveDeployment } from '../../common/domain';
import { WebPage } from '../../common/auth/decorators';
import { completionRefusal, LIFECYCLE, LifecycleAction, transitionRefusal } from '../../common/lifecycle';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { CancelDto, CompleteDto, StandDownDto } from '../../workflow/dto/workflow.dto';
import { LifecycleService } from '../../workflow/lifecycle.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { readinessItems } from '../plan-sections';
import { WebExceptionFilter } from '../web-exception.filter';

const OUTCOMES = ['arrests', 'potentialVictimsSafeguarded', 'nrmReferrals', 'premisesVisited'] as const;
const OUTCOME_FIELDS: FieldMap = { id: (field) => field.replace(/^outcomes\./, '').replace(/^version$/, '') };
const CANCEL_FIELDS: FieldMap = { id: (field) => (field === 'reason' ? 'reason' : '') };

/** The outcome fields of a form as typed, and as the API reads them: whole numbers as numbers, anything else as typed, for the API to refuse in words. */
function outcomesOf(body: unknown): { values: Record<string, string>; outcomes: Record<string, unknown> } {
  const values: Record<string, string> = Object.fromEntries([...OUTCOMES, 'notes'].map((field) => [field, formText(body, field).trim()]));
  const counts = Object.fromEntries(OUTCOMES.map((field) => [field, /^\d{1,6}$/.test(values[field]) ? Number(values[field]) : values[field] || undefined]));
  return { values, outcomes: { ...counts, ...(values.notes ? { notes: values.notes } : {}) } };
}

/**
 * Why a page offers no button for `action`, said in its place: the plan's status does not allow the
 * move (the lifecycle's own words), the day has not come, or the move is not the reader's to make.
 */
function unavailable(plan: OperationView, action: LifecycleAction): string {
  const early = action === 'complete' ? completionRefusal({ reference: plan.reference, startsAt: new Date(plan.startsAt) }, new Date()) : null;
  const who = LIFECYCLE[action].by === 'owner' ? `a coordinator of ${plan.owningAgency.name}` : `a manager of ${plan.owningAgency.name} who has not worked on the plan`;
  return `${transitionRefusal(plan, action) ?? early ?? `Only ${who} can do this`}.`;
}

/**
 * The owner withdraws a plan from review, starts the day of action, completes it with its outcomes,
 * stands it down, or cancels the plan; each after a page that says what will happen, offering the
 * move only when the plan view's `actions` do.
 */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanLifecycleController {
  constructor(
    private readonly pages: PlanPages,
    private readonly lifecycle: LifecycleService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get('start')
  async startPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawStart(reply, request, await this.pages.load(request, reference), []);
  }

  @Post('start')
  async start(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.lifecycle.start(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.drawStart(reply, request, now, errors, conflict),
      `/plans/${reference}?started`,
    );
  }

  private async drawStart(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const readiness = await this.readiness.readinessOf(context.plan, undefined, 'start');
    return this.pages.draw(
      reply,
      request,
      'start.njk',
      'Start the day of action',
      context,
      { readiness, readinessItems: readinessItems(context.plan.reference, readiness), unavailable: unavailable(context.plan, 'start'), errors, conflict },
      errors.length ? 400 : 200,
    );
  }

  @Get('withdraw')
  async withdrawPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawWithdraw(reply, request, await this.pages.load(request, reference), []);
  }

  @Post('withdraw')
  async withdraw(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.lifecycle.withdraw(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.drawWithdraw(reply, request, now, errors, conflict),
      `/plans/${reference}?withdrawn`,
    );
  }

  private drawWithdraw(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'withdraw.njk', 'Withdraw the plan from review', context, { unavailable: unavailable(context.plan, 'withdraw'), errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('complete')
  async completePage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawComplete(reply, request, await this.pages.load(request, reference), {}, []);
  }

  @Post('complete')
  async complete(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const { values, outcomes } = outcomesOf(request.body);
    const complete = () => validated(CompleteDto, { version: formVersion(request), outcomes }).then((input) => this.lifecycle.complete(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, OUTCOME_FIELDS, complete, (problems, now, conflict) =>
      this.drawComplete(reply, request, now, values, problems, conflict),
      `/plans/${reference}?completed`,
    );
  }

  private drawComplete(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'complete.njk', 'Complete the day of action', context, { values, unavailable: unavailable(context.plan, 'complete'), errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('cancel')
  async cancelPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawCancel(reply, request, await this.pages.load(request, reference), '', []);
  }

  @Post('cancel')
  async cancel(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const reason = formText(request.body, 'reason');
    return this.pages.change(request, reply, context, CANCEL_FIELDS, () => validated(CancelDto, { version: formVersion(request), reason }).then((input) => this.lifecycle.cancel(request.user!, context.plan.id, input.version, input.reason)), (errors, now, conflict) =>
      this.drawCancel(reply, request, now, reason, errors, conflict),
      `/plans/${reference}?cancelled`,
    );
  }

  private drawCancel(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, reason: string, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(
      reply,
      request,
      'cancel.njk',
      'Cancel the plan',
      context,
      { released: teamsHeld(context.plan), reason, unavailable: unavailable(context.plan, 'cancel'), errors, conflict },
      errors.length ? 400 : 200,
    );
  }

  @Get('stand-down')
  async standDownPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawStandDown(reply, request, await this.pages.load(request, reference), { reason: '' }, []);
  }

  /** The reason, and the outcomes so far if any of them is given: then all of them, checked as on completion. */
  @Post('stand-down')
  async standDown(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const { values, outcomes } = outcomesOf(request.body);
    const reason = formText(request.body, 'reason');
    const given = Object.values(values).some(Boolean);
    const standDown = () =>
      validated(StandDownDto, { version: formVersion(request), reason, ...(given ? { outcomes } : {}) }).then((input) => this.lifecycle.standDown(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, OUTCOME_FIELDS, standDown, (errors, now, conflict) =>
      this.drawStandDown(reply, request, now, { ...values, reason }, errors, conflict),
      `/plans/${reference}?stood-down`,
    );
  }

  private drawStandDown(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown): FastifyReply {
    const cpsRequestOpen = context.plan.cpsInvolvement?.status === 'REQUESTED';
    return this.pages.draw(
      reply,
      request,
      'stand-down.njk',
      'Stand the day of action down',
      context,
      { released: teamsHeld(context.plan), cpsRequestOpen, values, unavailable: unavailable(context.plan, 'stand-down'), errors, conflict },
      errors.length ? 400 : 200,
    );
  }
}

/** The teams a plan holds, which ending it releases. */
function teamsHeld(plan: OperationView) {
  return plan.deployments.filter((deployment) => isActiveDeployment(deployment.status));
}
