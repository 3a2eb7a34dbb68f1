import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { BRIEFING_SECTIONS } from '../../common/domain';
import { agencyNamed } from '../../common/labels';
import { SetLeadAgencyDto, UpdateOperationDto } from '../../operations/dto/operation.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { SECTION_TITLES } from '../../workflow/briefing';
import { checkedBody, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import {
  inOrder,
  LOCATION_FORM_ORDER,
  LOCATION_LABELS,
  locationBody,
  locationFields,
  LocationFields,
  locationFieldsOf,
  locationFormOf,
  LocationFormValues,
  locationFormValues,
  locationFormValuesOf,
  storedLocation,
} from '../order-form';
import { asPosted, Conflict, formVersion, PlanContext, PlanPages } from '../plan-page';
import { DETAILS_LABELS, detailsBody, detailsFormValues, detailsValues, DetailsValues, inFormOrder, PLAN_FIELDS, planFormValues, planFormValuesOf } from '../plan-form';
import { WebExceptionFilter } from '../web-exception.filter';

/** The details form's fields as the plan holds them: the briefing sections the reader sees (R14a). */
function detailsOf(plan: OperationView): DetailsValues {
  return detailsValues(planFormValuesOf(plan), BRIEFING_SECTIONS.filter((section) => plan.briefing[section] !== undefined));
}

/** The place in a list that `change` names, if there is one. */
function indexIn(list: unknown[], change: string | undefined): number | undefined {
  return change !== undefined && /^\d{1,2}$/.test(change) && Number(change) < list.length ? Number(change) : undefined;
}

/** The location form's fields as the plan holds them now: the location at `index`, or none to add one. */
function locationAt(index: number | undefined): (plan: OperationView) => LocationFields {
  return (plan) => locationFieldsOf(locationFormValuesOf(index === undefined ? undefined : plan.locations?.[index]));
}

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
  async details(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = detailsOf(context.plan);
    return this.drawDetails(reply, request, this.pages.editing(context, values), values, []);
  }

  /** Saves only what the person changed (R10): a colleague's change made meanwhile stands. */
  @Post('details')
  async saveDetails(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const form = { current: detailsOf, posted: detailsValues(planFormValues(request.body), BRIEFING_SECTIONS), labels: DETAILS_LABELS, fields: PLAN_FIELDS };
    const save = async (values: DetailsValues, mine: (keyof DetailsValues)[], plan: OperationView) => {
      const { body, errors } = detailsBody(values, mine);
      const checked = await checkedBody(UpdateOperationDto, { ...body, version: plan.version }, errors, PLAN_FIELDS, inFormOrder);
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    return this.pages.edit(request, reply, reference, form, save, (errors, context, values, conflict) => this.drawDetails(reply, request, context, values, errors, conflict), `/plans/${reference}?saved`);
  }

  private drawDetails(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: DetailsValues, errors: FieldError[], conflict?: Conflict): FastifyReply {
    // A section the reader may not see (the Information, R14a) is absent from the plan they read: the page says so in its place.
    const sections = BRIEFING_SECTIONS.map((name) => ({ name, title: SECTION_TITLES[name], shared: context.plan.briefing[name] !== undefined }));
    return this.pages.draw(reply, request, 'details.njk', 'Details and briefing', context, { values: detailsFormValues(values), errors, conflict, sections }, errors.length ? 400 : 200);
  }

  @Get('locations')
  async locations(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query('change') change?: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const index = indexIn(context.plan.locations ?? [], change);
    const values = locationAt(index)(context.plan);
    return this.drawLocations(reply, request, this.pages.editing(context, values), locationFormOf(values), index, []);
  }

  /**
   * Adds, changes or removes one location. The API replaces the whole list, so every other
   * location goes back with all it has (strike time, entry basis, warrant): nothing else changes;
   * and of the one changed, only what the person changed (R10).
   */
  @Post('locations')
  async saveLocation(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const remove = formText(request.body, 'remove');
    const indexText = remove || formText(request.body, 'index');
    const index = /^\d{1,2}$/.test(indexText) ? Number(indexText) : undefined;
    if (remove) return this.removeLocation(request, reply, reference, index);
    const save = async (values: LocationFields, _mine: (keyof LocationFields)[], plan: OperationView) => {
      // Only the owner changes locations, and sees them all; anyone else is refused by the change itself.
      const locations: unknown[] = (plan.locations ?? []).map(storedLocation);
      const at = index !== undefined && index < locations.length ? index : locations.length;
      const posted = locationBody(locationFormOf(values));
      locations[at] = posted.location;
      const checked = await checkedBody(UpdateOperationDto, { version: plan.version, locations }, posted.errors, locationFields(at), (ours, theirs) => inOrder(LOCATION_FORM_ORDER, ours, theirs));
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      {
        current: locationAt(index),
        posted: locationFieldsOf(locationFormValues(request.body)),
        labels: LOCATION_LABELS,
        fields: (plan: OperationView) => locationFields(index ?? (plan.locations ?? []).length),
        creates: index === undefined,
      },
      save,
      (errors, context, values, conflict) => this.drawLocations(reply, request, context, locationFormOf(values), index, inOrder(LOCATION_FORM_ORDER, errors), conflict),
      `/plans/${reference}/locations`,
    );
  }

  /** Before a location is removed: what removing it will do. */
  @Get('locations/:index/remove')
  async removeLocationPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Param('index') index: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const at = indexIn(context.plan.locations ?? [], index);
    if (at === undefined) throw DomainError.notFound('Location', index);
    const place = context.plan.locations![at];
    return this.pages.confirmPage(
      request,
      reply,
      context,
      {
        title: `Remove ${place.label}`,
        doing: `Removing ${place.label}, ${place.address}, ${place.postcode} takes it off the plan with its strike time and entry basis.`,
        action: `/plans/${reference}/locations`,
        fields: { remove: String(at) },
        button: 'Remove the location',
        back: `/plans/${reference}/locations`,
      },
      (plan) => {
        const locations = (plan.locations ?? []).map(storedLocation).filter((_location, position) => position !== at);
        return validated(UpdateOperationDto, { version: plan.version, locations }).then((input) => this.editing.update(request.user!, plan.id, input));
      },
    );
  }

  private async removeLocation(request: AuthenticatedRequest, reply: FastifyReply, reference: string, index: number | undefined): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const locations: unknown[] = (context.plan.locations ?? []).map(storedLocation);
    if (index !== undefined) locations.splice(index, 1);
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) => this.drawLocations(reply, request, now, locationFormValuesOf(), undefined, problems, conflict);
    const remove = () => validated(UpdateOperationDto, { version: formVersion(request), locations }).then((input) => this.editing.update(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, locationFields(undefined), remove, redraw, `/plans/${reference}/locations`);
  }

  private drawLocations(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: LocationFormValues, index: number | undefined, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'locations.njk', 'Locations', context, { values, index, errors, conflict, width: 'full' }, errors.length ? 400 : 200);
  }

  @Get('lead')
  async lead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.drawLead(reply, request, context, context.plan.leadAgency?.id ?? '', []);
  }

  /**
   * Handing the lead to another agency makes it the plan's owner: the page says so, and what else
   * it does, before it is done (a confirmation page), then a banner says what happened.
   */
  @Post('lead')
  async saveLead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const chosen = formText(request.body, 'agencyId');
    if (!chosen) return this.drawLead(reply, request, asPosted(context, request), '', [{ field: 'agencyId', text: 'Select the agency that will lead the operation' }]);
    const fields = { id: () => 'agencyId' };
    const setLead = (version: number) => validated(SetLeadAgencyDto, { version, agencyId: chosen }).then((input) => this.leads.setLead(request.user!, context.plan.id, input));
    const choice = (await this.leads.choices(context.plan)).find((candidate) => candidate.agency.id === chosen);
    const page = {
      title: `Hand the lead to ${choice?.agency.name ?? 'another agency'}`,
      doing: `${choice?.agency.name ?? 'The agency'} will lead ${context.plan.reference}: its coordinators edit the plan from then on and its managers approve it.`,
      action: `/plans/${reference}/lead`,
      fields: { agencyId: chosen },
      button: 'Hand over the lead',
      back: `/plans/${reference}/lead`,
    };
    return this.pages.confirmFirst(request, reply, context, page, setLead, fields, (errors, now, conflict) => this.drawLead(reply, request, now, chosen, errors, conflict));
  }

  private async drawLead(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, chosen: string, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const choices = await this.leads.choices(context.plan);
    // Only agencies the policy lets lead are choices (R1); the others are listed with the reason.
    const items = choices
      .filter((choice) => choice.lead.permitted)
      .map((choice) => ({ value: choice.agency.id, text: agencyNamed(choice.agency), checked: choice.agency.id === chosen }));
    const refused = choices.filter((choice) => !choice.lead.permitted).map((choice) => ({ key: { text: agencyNamed(choice.agency) }, value: { text: choice.lead.reason } }));
    return this.pages.draw(reply, request, 'lead.njk', 'Lead agency', context, { items, errors, conflict, refused }, errors.length ? 400 : 200);
  }

}
