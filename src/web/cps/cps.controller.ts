import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { hasRole } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { CpsRequestDto, DeclineCpsRequestDto } from '../../cps/dto/cps.dto';
import { CpsService } from '../../cps/cps.service';
import { AcknowledgeDto } from '../../workflow/dto/workflow.dto';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { acknowledgement, ANSWER_FIELDS, CPS_FIELDS, CpsFormValues, EMPTY_CPS_FORM, requestBody, requestValues } from './cps.form';
import { conflictsView, cpsView } from './cps.view';

/** Early CPS involvement (request, withdraw, answer) and the deconfliction hits of a plan. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanCpsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly cps: CpsService,
    private readonly deconfliction: DeconflictionService,
  ) {}

  @Get('cps')
  cpsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    return this.drawCps(reply, request, context, EMPTY_CPS_FORM, []);
  }

  @Post('cps')
  requestCps(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const values = requestValues(request.body);
    const ask = () =>
      validated(CpsRequestDto, requestBody(request, values)).then((input) => this.cps.request(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, CPS_FIELDS, ask, this.redrawCps(reply, request, values), this.cpsAddress(context));
  }

  @Post('cps/withdraw')
  withdrawCps(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const withdraw = () => this.cps.withdraw(request.user!, context.plan.id, formVersion(request));
    return this.pages.change(
      request,
      reply,
      context,
      CPS_FIELDS,
      withdraw,
      this.redrawCps(reply, request, EMPTY_CPS_FORM),
      this.cpsAddress(context),
    );
  }

  /** A CPS liaison accepts a request for early involvement (and becomes the plan's liaison), or declines it with a reason. */
  @Post('cps/answer')
  answerCps(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const values = { ...EMPTY_CPS_FORM, reason: formText(request.body, 'reason') };
    const redraw = this.redrawCps(reply, request, values);
    if (formText(request.body, 'answer') === 'accept') {
      const accept = () => this.cps.accept(request.user!, context.plan.id, formVersion(request));
      return this.pages.change(request, reply, context, ANSWER_FIELDS, accept, redraw, this.cpsAddress(context));
    }
    const decline = () =>
      validated(DeclineCpsRequestDto, { version: formVersion(request), reason: values.reason }).then((input) =>
        this.cps.decline(request.user!, context.plan.id, input),
      );
    // A declined request leaves every liaison's view of the plan (R14): back to their tasks.
    return this.pages.change(request, reply, context, ANSWER_FIELDS, decline, redraw, '/?declined');
  }

  @Get('conflicts')
  conflictsPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.drawConflicts(reply, request, context, {}, []);
  }

  @Post('conflicts')
  acknowledge(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const { hitId, notes, fields } = acknowledgement(request.body);
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawConflicts(reply, request, now, notes, errors, conflict);
    const acknowledge = () =>
      validated(AcknowledgeDto, { version: formVersion(request), note: notes[hitId] }).then((input) =>
        this.deconfliction.acknowledge(request.user!, context.plan.id, hitId, input),
      );
    return this.pages.change(request, reply, context, fields, acknowledge, redraw, `/plans/${context.plan.reference}/conflicts`);
  }

  private cpsAddress(context: PlanContext): string {
    return `/plans/${context.plan.reference}/cps`;
  }

  private redrawCps(reply: FastifyReply, request: AuthenticatedRequest, values: CpsFormValues) {
    return (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.drawCps(reply, request, now, values, errors, conflict);
  }

  private drawCps(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: CpsFormValues,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const view = cpsView(context.plan, hasRole(request.user!, 'CPS_LIAISON'));
    return this.pages.draw(
      reply,
      request,
      'cps/cps.njk',
      'Early CPS involvement',
      context,
      { values, errors, conflict, ...view },
      errors.length ? 400 : 200,
    );
  }

  private async drawConflicts(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    notes: Record<string, string>,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const view = conflictsView(context.plan, await this.deconfliction.hitsSeenBy(request.user!, context.plan));
    return this.pages.draw(
      reply,
      request,
      'cps/conflicts.njk',
      'Deconfliction',
      context,
      { ...view, notes, errors, conflict },
      errors.length ? 400 : 200,
    );
  }
}
