import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { RvPointWriteDto } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { RvPointsService } from '../../operations/rv-points.service';
import { checkedBody } from '../form-errors';
import { formText } from '../forms';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { savePlanChange } from '../plan-change';
import { asPosted, formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  changedCommunications,
  changedTimings,
  CommunicationsForm,
  communicationsForm,
  communicationsOf,
  EMPTY_RV,
  inRvOrder,
  postedRvPoint,
  postedTimings,
  RV_FIELDS,
  RV_GONE,
  RvForm,
  rvFormOf,
  rvPointBody,
  TIMINGS_FIELDS,
  TIMINGS_LABELS,
  TIMINGS_ORDER,
  TimingsForm,
  timingsOf,
} from './order.form';
import { communicationsView, rvRemovalPage, timingsView } from './order.view';

/** The operational order's timings and RV points, and its communications: the plan's sub-pages that edit them. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanOrderController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
    private readonly rvPoints: RvPointsService,
  ) {}

  @Get('timings')
  timings(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('change') change?: string,
  ): FastifyReply {
    const values = timingsOf(context.plan);
    return this.drawTimings(reply, request, this.pages.editing(context, values), values, rvFormOf(context.plan, change), []);
  }

  /** The briefing's time and place and the debrief's time, as far as the person changed them (R10); a time left empty is cleared. */
  @Post('timings')
  saveTimings(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const save = savePlanChange(this.editing, request, changedTimings, (ours, theirs) => inOrder(TIMINGS_ORDER, ours, theirs));
    const form = { current: timingsOf, posted: postedTimings(request.body), labels: TIMINGS_LABELS, fields: TIMINGS_FIELDS };
    return this.pages.edit(
      request,
      reply,
      reference,
      form,
      save,
      (errors, context, values, conflict) =>
        this.drawTimings(reply, request, context, values, EMPTY_RV, inOrder(TIMINGS_ORDER, errors), conflict),
      `/plans/${reference}/timings`,
    );
  }

  /** Adds an RV point, or changes the one named by `rvPointId`. */
  @Post('timings/rv-points')
  async saveRvPoint(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const rv = postedRvPoint(request.body);
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawTimings(reply, request, now, timingsOf(now.plan), rv, inRvOrder(problems), conflict);
    if (rv.id && !context.plan.rvPoints.some((point) => point.id === rv.id)) return redraw([RV_GONE], asPosted(context, request));
    const { plain, errors } = rvPointBody(rv, formVersion(request));
    const checked = await checkedBody(RvPointWriteDto, plain, errors, RV_FIELDS, inRvOrder);
    if (checked.errors) return redraw(checked.errors, asPosted(context, request));
    const [viewer, input, id] = [request.user!, checked.input, rv.id];
    const save = () =>
      id
        ? this.rvPoints.change(viewer, context.plan.id, id, input.version, input)
        : this.rvPoints.add(viewer, context.plan.id, input.version, input);
    return this.pages.change(request, reply, context, RV_FIELDS, save, redraw, `/plans/${context.plan.reference}/timings`);
  }

  /** Before an RV point is removed: what removing it will do (refused, with the reason, while a team still meets there). */
  @Get('timings/rv-points/:rvPointId/remove')
  removeRvPointPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Param('rvPointId') rvPointId: string,
  ): Promise<FastifyReply> {
    const point = context.plan.rvPoints.find((candidate) => candidate.id === rvPointId);
    if (!point) throw DomainError.notFound('RV point', rvPointId);
    const remove = (plan: OperationView) => this.rvPoints.remove(request.user!, plan.id, point.id, plan.version);
    return this.pages.confirmPage(request, reply, context, rvRemovalPage(context.plan, point), remove);
  }

  /** Refused (with the API's reason) while a team still meets there. */
  @Post('timings/rv-points/remove')
  removeRvPoint(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> | FastifyReply {
    const point = context.plan.rvPoints.find((candidate) => candidate.id === formText(request.body, 'rvPointId'));
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawTimings(reply, request, now, timingsOf(now.plan), EMPTY_RV, problems, conflict);
    if (!point) return redraw([RV_GONE], context);
    const remove = () => this.rvPoints.remove(request.user!, context.plan.id, point.id, formVersion(request));
    return this.pages.change(request, reply, context, RV_FIELDS, remove, redraw, `/plans/${context.plan.reference}/timings`);
  }

  @Get('communications')
  communications(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    const values = communicationsOf(context.plan);
    return this.drawCommunications(reply, request, this.pages.editing(context, values), values, []);
  }

  /** The radio channel or talkgroup and the control room's number, as far as the person changed them (R10); a field left empty is cleared. */
  @Post('communications')
  saveCommunications(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const save = savePlanChange(this.editing, request, changedCommunications);
    return this.pages.edit(
      request,
      reply,
      reference,
      communicationsForm(request.body),
      save,
      (errors, context, values, conflict) => this.drawCommunications(reply, request, context, values, errors, conflict),
      `/plans/${reference}/communications`,
    );
  }

  private drawTimings(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: TimingsForm,
    rv: RvForm,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const data = { values, rv, ...timingsView(context.plan, rv), errors, conflict, width: 'full' };
    return this.pages.draw(reply, request, 'order/timings.njk', 'Timings and RV points', context, data, errors.length ? 400 : 200);
  }

  private drawCommunications(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: CommunicationsForm,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const data = { values, ...communicationsView(context.plan), errors, conflict };
    return this.pages.draw(reply, request, 'order/communications.njk', 'Communications', context, data, errors.length ? 400 : 200);
  }
}
