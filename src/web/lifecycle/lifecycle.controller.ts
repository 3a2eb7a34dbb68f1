import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { LifecycleAction } from '../../common/lifecycle';
import { CancelDto, CompleteDto, StandDownDto } from '../../workflow/dto/workflow.dto';
import { LifecycleService } from '../../workflow/lifecycle.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { formVersion, PlanPages, Redraw } from '../plan-page';
import { readinessItems } from '../plan-sections';
import { WebExceptionFilter } from '../web-exception.filter';
import { CANCEL_FIELDS, NO_FIELDS, OUTCOME_FIELDS, outcomesOf, standDownForm } from './lifecycle.form';
import { cancelView, completeView, standDownView, unavailable } from './lifecycle.view';

/** Each move's page: its template and title. */
const PAGES: Record<Exclude<LifecycleAction, 'submit' | 'approve' | 'request-changes'>, { template: string; title: string }> = {
  start: { template: 'lifecycle/start.njk', title: 'Start the day of action' },
  withdraw: { template: 'lifecycle/withdraw.njk', title: 'Withdraw the plan from review' },
  complete: { template: 'lifecycle/complete.njk', title: 'Complete the day of action' },
  cancel: { template: 'lifecycle/cancel.njk', title: 'Cancel the plan' },
  'stand-down': { template: 'lifecycle/stand-down.njk', title: 'Stand the day of action down' },
};
type Move = keyof typeof PAGES;

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
  startPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.drawStart(reply, request, context, []);
  }

  @Post('start')
  start(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const start = () => this.lifecycle.start(request.user!, context.plan.id, formVersion(request));
    return this.move(
      request,
      reply,
      context,
      NO_FIELDS,
      start,
      (errors, now, conflict) => this.drawStart(reply, request, now, errors, conflict),
      'started',
    );
  }

  private async drawStart(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const readiness = await this.readiness.readinessOf(context.plan, undefined, 'start');
    return this.draw(
      reply,
      request,
      'start',
      context,
      { readiness, readinessItems: readinessItems(context.plan.reference, readiness), unavailable: unavailable(context.plan, 'start') },
      errors,
      conflict,
    );
  }

  @Get('withdraw')
  withdrawPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    return this.drawWithdraw(reply, request, context, []);
  }

  @Post('withdraw')
  withdraw(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const withdraw = () => this.lifecycle.withdraw(request.user!, context.plan.id, formVersion(request));
    return this.move(
      request,
      reply,
      context,
      NO_FIELDS,
      withdraw,
      (errors, now, conflict) => this.drawWithdraw(reply, request, now, errors, conflict),
      'withdrawn',
    );
  }

  private drawWithdraw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    return this.draw(reply, request, 'withdraw', context, { unavailable: unavailable(context.plan, 'withdraw') }, errors, conflict);
  }

  /** The outcomes start from what the day's log counted: the owner checks them and changes any the log got wrong. */
  @Get('complete')
  completePage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.drawComplete(reply, request, context, undefined, []);
  }

  @Post('complete')
  complete(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const { values, outcomes } = outcomesOf(request.body);
    const complete = () =>
      validated(CompleteDto, { version: formVersion(request), outcomes }).then((input) =>
        this.lifecycle.complete(request.user!, context.plan.id, input),
      );
    return this.move(
      request,
      reply,
      context,
      OUTCOME_FIELDS,
      complete,
      (errors, now, conflict) => this.drawComplete(reply, request, now, values, errors, conflict),
      'completed',
    );
  }

  /** The completion form: with `typed` what the owner typed, or else the log's figures; each field says what the log counted. */
  private async drawComplete(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    typed: Record<string, string> | undefined,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const logged = context.plan.actions.complete ? await this.lifecycle.countedByLog(request.user!, context.plan.id) : null;
    const view = { ...completeView(typed, logged), unavailable: unavailable(context.plan, 'complete') };
    return this.draw(reply, request, 'complete', context, view, errors, conflict);
  }

  @Get('cancel')
  cancelPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    return this.draw(reply, request, 'cancel', context, { ...cancelView(context.plan), reason: '' }, []);
  }

  @Post('cancel')
  cancel(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const reason = formText(request.body, 'reason');
    const cancel = () =>
      validated(CancelDto, { version: formVersion(request), reason }).then((input) =>
        this.lifecycle.cancel(request.user!, context.plan.id, input.version, input.reason),
      );
    const redraw: Redraw = (errors, now, conflict) =>
      this.draw(reply, request, 'cancel', now, { ...cancelView(now.plan), reason }, errors, conflict);
    return this.move(request, reply, context, CANCEL_FIELDS, cancel, redraw, 'cancelled');
  }

  @Get('stand-down')
  standDownPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    return this.draw(reply, request, 'stand-down', context, { ...standDownView(context.plan), values: { reason: '' } }, []);
  }

  /** The reason, and the outcomes so far if any of them is given: then all of them, checked as on completion. */
  @Post('stand-down')
  standDown(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const { values, body } = standDownForm(request);
    const standDown = () => validated(StandDownDto, body).then((input) => this.lifecycle.standDown(request.user!, context.plan.id, input));
    const redraw: Redraw = (errors, now, conflict) =>
      this.draw(reply, request, 'stand-down', now, { ...standDownView(now.plan), values }, errors, conflict);
    return this.move(request, reply, context, OUTCOME_FIELDS, standDown, redraw, 'stood-down');
  }

  /** Makes the move, then shows the plan with the banner its flag names; a refusal draws the move's page again. */
  private move(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    fields: FieldMap,
    act: () => Promise<unknown>,
    redraw: Redraw,
    flag: string,
  ): Promise<FastifyReply> {
    return this.pages.change(request, reply, context, fields, act, redraw, `/plans/${context.plan.reference}?${flag}`);
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    move: Move,
    context: PlanContext,
    data: Record<string, unknown>,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const page = PAGES[move];
    return this.pages.draw(reply, request, page.template, page.title, context, { ...data, errors, conflict }, errors.length ? 400 : 200);
  }
}
