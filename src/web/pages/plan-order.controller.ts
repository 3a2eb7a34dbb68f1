import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { ukClock, ukDateTime } from '../../common/uk-time';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import { RvPointWriteDto } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { seenInFull } from '../../operations/plan-views';
import { RvPointsService } from '../../operations/rv-points.service';
import { checkedBody, FieldMap, formErrors, isRefusal, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { dateTimeFieldsOf, inOrder, NO_TIME, optionalInstantAt } from '../order-form';
import { DateTimeFields, dateTimeOf, instantOf } from '../plan-form';
import { asPosted, formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

type TimingsForm = {
  briefingAt: DateTimeFields;
  briefingPlace: string;
  debriefAt: DateTimeFields;
};

interface RvForm {
  /** The RV point being changed; absent to add one. */
  id?: string;
  name: string;
  address: string;
  meetAt: DateTimeFields;
}

const TIMINGS_ORDER = ['briefingAt', 'briefingPlace', 'debriefAt'];
const TIMINGS_LABELS: Record<keyof TimingsForm, string> = { briefingAt: 'Briefing time', briefingPlace: 'Briefing place', debriefAt: 'Debrief time' };
const TIMINGS_FIELDS: FieldMap = {
  id: (field) => ({ 'timings.briefingAt': 'briefingAt-day', 'timings.briefingPlace': 'briefingPlace', 'timings.debriefAt': 'debriefAt-day' })[field] ?? '',
};
const RV_ORDER = ['rv-name', 'rv-address', 'meetAt'];
const RV_FIELDS: FieldMap = { id: (field) => ({ name: 'rv-name', address: 'rv-address', meetAt: 'meetAt-day' })[field] ?? '' };
const COMMUNICATIONS_FIELDS: FieldMap = {
  id: (field) => ({ 'communications.radioChannel': 'radioChannel', 'communications.controlRoomNumber': 'controlRoomNumber' })[field] ?? '',
  messages: { radioChannel: 'Enter a radio channel or talkgroup of at most 200 characters', controlRoomNumber: 'Enter a control room number of at most 40 characters' },
};
const ACTIVE = ['REQUESTED', 'CONFIRMED'];
const EMPTY_RV: RvForm = { name: '', address: '', meetAt: { ...NO_TIME } };

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
  async timings(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query('change') change?: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const point = context.plan.rvPoints.find((candidate) => candidate.id === change);
    const rv = point ? { id: point.id, name: point.name, address: point.address, meetAt: dateTimeFieldsOf(point.meetAt) } : EMPTY_RV;
    const values = timingsOf(context.plan);
    return this.drawTimings(reply, request, this.pages.editing(context, values), values, rv, []);
  }

  /** The briefing's time and place and the debrief's time, as far as the person changed them (R10); a time left empty is cleared. */
  @Post('timings')
  async saveTimings(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const posted: TimingsForm = { briefingAt: dateTimeOf(request.body, 'briefingAt'), briefingPlace: formText(request.body, 'briefingPlace'), debriefAt: dateTimeOf(request.body, 'debriefAt') };
    const save = async (values: TimingsForm, mine: (keyof TimingsForm)[], plan: OperationView) => {
      const briefing = optionalInstantAt('briefingAt', 'briefing', values.briefingAt);
      const debrief = optionalInstantAt('debriefAt', 'debrief', values.debriefAt);
      const sent = { briefingAt: briefing.iso ?? null, briefingPlace: values.briefingPlace, debriefAt: debrief.iso ?? null };
      const errors = [mine.includes('briefingAt') && briefing.error, mine.includes('debriefAt') && debrief.error].filter((error): error is FieldError => Boolean(error));
      const timings = Object.fromEntries(mine.map((key) => [key, sent[key]]));
      const checked = await checkedBody(UpdateOperationDto, { version: plan.version, timings }, errors, TIMINGS_FIELDS, (ours, theirs) => inOrder(TIMINGS_ORDER, ours, theirs));
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      { current: timingsOf, posted, labels: TIMINGS_LABELS, fields: TIMINGS_FIELDS },
      save,
      (errors, context, values, conflict) => this.drawTimings(reply, request, context, values, EMPTY_RV, inOrder(TIMINGS_ORDER, errors), conflict),
      `/plans/${reference}/timings`,
    );
  }

  /** Adds an RV point, or changes the one named by `rvPointId`. */
  @Post('timings/rv-points')
  async saveRvPoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const id = formText(request.body, 'rvPointId');
    const rv: RvForm = { ...(id ? { id } : {}), name: formText(request.body, 'rv-name'), address: formText(request.body, 'rv-address'), meetAt: dateTimeOf(request.body, 'meetAt') };
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) => this.drawTimings(reply, request, now, timingsOf(now.plan), rv, inOrder(RV_ORDER, problems), conflict);
    if (id && !context.plan.rvPoints.some((point) => point.id === id)) {
      return redraw([{ field: '', text: 'That RV point is no longer on this plan: the list below is up to date' }], asPosted(context, request));
    }
    const meet = instantOf('meetAt', rv.meetAt, 'meeting');
    const errors = meet.error ? [meet.error] : [];
    let input: RvPointWriteDto;
    try {
      input = await validated(RvPointWriteDto, { version: formVersion(request), name: rv.name, address: rv.address, meetAt: meet.iso ?? '' });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return redraw(inOrder(RV_ORDER, errors, formErrors(error, RV_FIELDS)), asPosted(context, request));
    }
    if (errors.length) return redraw(errors, asPosted(context, request));
    const viewer = request.user!;
    const save = () => (id ? this.rvPoints.change(viewer, context.plan.id, id, input.version, input) : this.rvPoints.add(viewer, context.plan.id, input.version, input));
    return this.pages.change(request, reply, context, RV_FIELDS, save, redraw, `/plans/${reference}/timings`);
  }

  /** Before an RV point is removed: what removing it will do (refused, with the reason, while a team still meets there). */
  @Get('timings/rv-points/:rvPointId/remove')
  async removeRvPointPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Param('rvPointId') rvPointId: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const point = context.plan.rvPoints.find((candidate) => candidate.id === rvPointId);
    if (!point) throw DomainError.notFound('RV point', rvPointId);
    return this.pages.confirmPage(
      request,
      reply,
      context,
      {
        title: `Remove ${point.name}`,
        doing: `Removing ${point.name}, ${point.address} (${ukDateTime(point.meetAt)}) takes it off the plan’s timings.`,
        action: `/plans/${reference}/timings/rv-points/remove`,
        fields: { rvPointId: point.id },
        button: 'Remove the RV point',
        back: `/plans/${reference}/timings`,
      },
      (plan) => this.rvPoints.remove(request.user!, plan.id, point.id, plan.version),
    );
  }

  /** Refused (with the API's reason) while a team still meets there. */
  @Post('timings/rv-points/remove')
  async removeRvPoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const point = context.plan.rvPoints.find((candidate) => candidate.id === formText(request.body, 'rvPointId'));
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) => this.drawTimings(reply, request, now, timingsOf(now.plan), EMPTY_RV, problems, conflict);
    if (!point) return redraw([{ field: '', text: 'That RV point is no longer on this plan: the list below is up to date' }], context);
    return this.pages.change(request, reply, context, RV_FIELDS, () => this.rvPoints.remove(request.user!, context.plan.id, point.id, formVersion(request)), redraw, `/plans/${reference}/timings`);
  }

  private drawTimings(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: TimingsForm, rv: RvForm, errors: FieldError[], conflict?: unknown): FastifyReply {
    const rvRows = context.plan.rvPoints.map((point) => ({ ...point, meetText: ukDateTime(point.meetAt) }));
    const changing = context.plan.rvPoints.some((point) => point.id === rv.id) ? rv.id : undefined;
    return this.pages.draw(reply, request, 'timings.njk', 'Timings and RV points', context, { values, rv, changing, rvRows, errors, conflict, width: 'full' }, errors.length ? 400 : 200);
  }

  @Get('communications')
  async communications(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = communicationsOf(context.plan);
    return this.drawCommunications(reply, request, this.pages.editing(context, values), values, []);
  }

  /** The radio channel or talkgroup and the control room's number, as far as the person changed them (R10); a field left empty is cleared. */
  @Post('communications')
  async saveCommunications(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const posted = { radioChannel: formText(request.body, 'radioChannel'), controlRoomNumber: formText(request.body, 'controlRoomNumber') };
    const save = async (values: typeof posted, mine: (keyof typeof posted)[], plan: OperationView) => {
      const communications = Object.fromEntries(mine.map((key) => [key, values[key]]));
      const checked = await checkedBody(UpdateOperationDto, { version: plan.version, communications }, [], COMMUNICATIONS_FIELDS, (ours, theirs = []) => [...ours, ...theirs]);
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      { current: communicationsOf, posted, labels: { radioChannel: 'Radio channel or talkgroup', controlRoomNumber: 'Control room number' }, fields: COMMUNICATIONS_FIELDS },
      save,
      (errors, context, values, conflict) => this.drawCommunications(reply, request, context, values, errors, conflict),
      `/plans/${reference}/communications`,
    );
  }

  private drawCommunications(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown): FastifyReply {
    const teams = context.plan.deployments
      .filter((deployment) => ACTIVE.includes(deployment.status))
      .map((deployment) => ({ ...deployment, full: seenInFull(deployment), rvText: deployment.rvPoint ? `${deployment.rvPoint.name}, ${ukClock(deployment.rvPoint.meetAt)}` : '' }));
    return this.pages.draw(reply, request, 'communications.njk', 'Communications', context, { values, teams, errors, conflict }, errors.length ? 400 : 200);
  }
}

/** The plan's timings as the form shows them, in UK time. */
function timingsOf(plan: OperationView): TimingsForm {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return { briefingAt: dateTimeFieldsOf(briefingAt), briefingPlace: briefingPlace ?? '', debriefAt: dateTimeFieldsOf(debriefAt) };
}

/** The plan's communications as the form shows them. */
function communicationsOf(plan: OperationView): { radioChannel: string; controlRoomNumber: string } {
  const { radioChannel, controlRoomNumber } = plan.communications;
  return { radioChannel: radioChannel ?? '', controlRoomNumber: controlRoomNumber ?? '' };
}
