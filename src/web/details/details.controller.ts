import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { SetLeadAgencyDto, UpdateOperationDto } from '../../operations/dto/operation.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { validated } from '../form-errors';
import { formText } from '../forms';
import {
  inOrder,
  LOCATION_FORM_ORDER,
  locationFields,
  LocationFields,
  locationFormOf,
  LocationFormValues,
  locationFormValuesOf,
} from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { asPosted, Conflict, formVersion, PlanPages } from '../plan-page';
import { savePlanChange } from '../plan-change';
import { detailsFormValues, DetailsValues, inFormOrder } from '../plan-form';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  detailsChange,
  detailsForm,
  detailsOf,
  indexIn,
  locationAt,
  locationForm,
  inLocationOrder,
  locationsChange,
  locationsWithout,
  NO_LEAD_CHOSEN,
  postedLocation,
} from './details.form';
import { detailsView, handLeadPage, leadView, removeLocationPage } from './details.view';

/** A plan's details (with the IIMARCH briefing), its locations and its lead agency. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanDetailsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
    private readonly leads: LeadAssignmentService,
  ) {}

  @Get('details')
  details(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    const values = detailsOf(context.plan);
    return this.drawDetails(reply, request, this.pages.editing(context, values), values, []);
  }

  /** Saves only what the person changed (R10): a colleague's change made meanwhile stands. PlanPages.edit loads the plan as it is when the form is saved. */
  @Post('details')
  saveDetails(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const save = savePlanChange<DetailsValues>(this.editing, request, detailsChange, inFormOrder);
    return this.pages.edit(
      request,
      reply,
      reference,
      detailsForm(request.body),
      save,
      (errors, context, values, conflict) => this.drawDetails(reply, request, context, values, errors, conflict),
      `/plans/${reference}?saved`,
    );
  }

  private drawDetails(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: DetailsValues,
    errors: FieldError[],
    conflict?: Conflict,
  ): FastifyReply {
    const view = detailsView(context.plan);
    return this.pages.draw(
      reply,
      request,
      'details/details.njk',
      'Details and briefing',
      context,
      { ...view, values: detailsFormValues(values), errors, conflict },
      errors.length ? 400 : 200,
    );
  }

  @Get('locations')
  locations(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('change') change?: string,
  ): FastifyReply {
    const index = indexIn(context.plan.locations ?? [], change);
    const values = locationAt(index)(context.plan);
    return this.drawLocations(reply, request, this.pages.editing(context, values), locationFormOf(values), index, []);
  }

  /** Adds, changes or removes one location; of the one changed, only what the person changed (R10). */
  @Post('locations')
  saveLocation(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const { remove, index } = postedLocation(request.body);
    if (remove) return this.removeLocation(request, reply, reference, index);
    const save = savePlanChange<LocationFields>(
      this.editing,
      request,
      (values, _mine, plan) => locationsChange(values, plan, index),
      inLocationOrder,
    );
    const redraw = (errors: FieldError[], context: PlanContext, values: LocationFields, conflict?: Conflict) =>
      this.drawLocations(reply, request, context, locationFormOf(values), index, inOrder(LOCATION_FORM_ORDER, errors), conflict);
    return this.pages.edit(request, reply, reference, locationForm(request.body, index), save, redraw, `/plans/${reference}/locations`);
  }

  /** Before a location is removed: what removing it will do. */
  @Get('locations/:index/remove')
  removeLocationPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Param('index') index: string,
  ): Promise<FastifyReply> {
    const at = indexIn(context.plan.locations ?? [], index);
    if (at === undefined) throw DomainError.notFound('Location', index);
    const remove = (plan: OperationView) =>
      validated(UpdateOperationDto, { version: plan.version, locations: locationsWithout(plan, at) }).then((input) =>
        this.editing.update(request.user!, plan.id, input),
      );
    return this.pages.confirmPage(request, reply, context, removeLocationPage(context.plan, at), remove);
  }

  /** Removes a location once confirmed; a remove without a location to remove sends the list back as it is, for the API to answer. */
  private async removeLocation(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    reference: string,
    index: number | undefined,
  ): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawLocations(reply, request, now, locationFormValuesOf(), undefined, problems, conflict);
    const remove = () =>
      validated(UpdateOperationDto, { version: formVersion(request), locations: locationsWithout(context.plan, index) }).then((input) =>
        this.editing.update(request.user!, context.plan.id, input),
      );
    return this.pages.change(request, reply, context, locationFields(undefined), remove, redraw, `/plans/${reference}/locations`);
  }

  private drawLocations(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: LocationFormValues,
    index: number | undefined,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    return this.pages.draw(
      reply,
      request,
      'details/locations.njk',
      'Locations',
      context,
      { values, index, errors, conflict, width: 'full' },
      errors.length ? 400 : 200,
    );
  }

  @Get('lead')
  lead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.drawLead(reply, request, context, context.plan.leadAgency?.id ?? '', []);
  }

  /**
   * Handing the lead to another agency makes it the plan's owner: the page says so, and what else
   * it does, before it is done (a confirmation page), then a banner says what happened.
   */
  @Post('lead')
  async saveLead(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const chosen = formText(request.body, 'agencyId');
    if (!chosen) return this.drawLead(reply, request, asPosted(context, request), '', [NO_LEAD_CHOSEN]);
    const setLead = (version: number) => this.handLeadTo(request.user!, context.plan.id, chosen, version);
    const choice = (await this.leads.choices(context.plan)).find((candidate) => candidate.agency.id === chosen);
    const page = handLeadPage(context.plan, chosen, choice);
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawLead(reply, request, now, chosen, errors, conflict);
    return this.pages.confirmFirst(request, reply, context, page, setLead, { id: () => 'agencyId' }, redraw);
  }

  /** Hands the lead to the chosen agency, checked as the API checks it, against the plan's version the person saw. */
  private async handLeadTo(viewer: AuthUser, planId: string, agencyId: string, version: number): Promise<unknown> {
    return this.leads.setLead(viewer, planId, await validated(SetLeadAgencyDto, { version, agencyId }));
  }

  private async drawLead(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    chosen: string,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const view = leadView(await this.leads.choices(context.plan), chosen);
    return this.pages.draw(
      reply,
      request,
      'details/lead.njk',
      'Lead agency',
      context,
      { ...view, errors, conflict },
      errors.length ? 400 : 200,
    );
  }
}
