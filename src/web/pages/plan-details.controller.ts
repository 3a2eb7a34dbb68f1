import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { BRIEFING_SECTIONS } from '../../common/domain';
import { SetLeadAgencyDto, UpdateOperationDto } from '../../operations/dto/operation.dto';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { SECTION_TITLES } from '../../workflow/briefing';
import { formErrors, isRefusal, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { inOrder, LOCATION_FORM_ORDER, locationBody, locationFields, LocationFormValues, locationFormValues, locationFormValuesOf, storedLocation } from '../order-form';
import { asPosted, formVersion, PlanContext, PlanPages } from '../plan-page';
import { inFormOrder, PLAN_FIELDS, planBody, planFormValues, planFormValuesOf, PlanFormValues } from '../plan-form';
import { WebExceptionFilter } from '../web-exception.filter';

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
    return this.drawDetails(reply, request, context, planFormValuesOf(context.plan), []);
  }

  @Post('details')
  async saveDetails(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = planFormValues(request.body);
    const { body, errors } = planBody(values, { location: false, briefing: true, safeguarding: false });
    let input: UpdateOperationDto;
    try {
      input = await validated(UpdateOperationDto, { ...body, version: formVersion(request) });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return this.drawDetails(reply, request, asPosted(context, request), values, inFormOrder(errors, formErrors(error, PLAN_FIELDS)));
    }
    if (errors.length) return this.drawDetails(reply, request, asPosted(context, request), values, inFormOrder(errors));
    return this.pages.change(request, reply, context, PLAN_FIELDS, () => this.editing.update(request.user!, context.plan.id, input), (problems, now, conflict) =>
      this.drawDetails(reply, request, now, values, inFormOrder(problems), conflict),
      `/plans/${reference}?saved`,
    );
  }

  private drawDetails(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: PlanFormValues, errors: FieldError[], conflict?: unknown): FastifyReply {
    // A section the reader may not see (the Information, R14a) is absent from the plan they read: the page says so in its place.
    const sections = BRIEFING_SECTIONS.map((name) => ({ name, title: SECTION_TITLES[name], shared: context.plan.briefing[name] !== undefined }));
    return this.pages.draw(reply, request, 'details.njk', 'Details and briefing', context, { values, errors, conflict, sections }, errors.length ? 400 : 200);
  }

  @Get('locations')
  async locations(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query('change') change?: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const locations = context.plan.locations ?? [];
    const index = change !== undefined && /^\d{1,2}$/.test(change) && Number(change) < locations.length ? Number(change) : undefined;
    return this.drawLocations(reply, request, context, locationFormValuesOf(index === undefined ? undefined : locations[index]), index, []);
  }

  /**
   * Adds, changes or removes one location. The API replaces the whole list, so every other
   * location goes back with all it has (strike time, entry basis, warrant): nothing else changes.
   */
  @Post('locations')
  async saveLocation(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = locationFormValues(request.body);
    const remove = formText(request.body, 'remove');
    const indexText = remove || formText(request.body, 'index');
    const index = /^\d{1,2}$/.test(indexText) ? Number(indexText) : undefined;
    // Only the owner changes locations, and sees them all; anyone else is refused by the change itself.
    const locations: unknown[] = (context.plan.locations ?? []).map(storedLocation);
    let errors: FieldError[] = [];
    let fields = locationFields(undefined);
    if (remove) {
      if (index !== undefined) locations.splice(index, 1);
    } else {
      const at = index !== undefined && index < locations.length ? index : locations.length;
      const posted = locationBody(values);
      locations[at] = posted.location;
      errors = posted.errors;
      fields = locationFields(at);
    }
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawLocations(reply, request, now, remove ? locationFormValuesOf() : values, remove ? undefined : index, inOrder(LOCATION_FORM_ORDER, problems), conflict);
    let input: UpdateOperationDto;
    try {
      input = await validated(UpdateOperationDto, { version: formVersion(request), locations });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return redraw(inOrder(LOCATION_FORM_ORDER, errors, formErrors(error, fields)), asPosted(context, request));
    }
    if (errors.length) return redraw(errors, asPosted(context, request));
    return this.pages.change(request, reply, context, fields, () => this.editing.update(request.user!, context.plan.id, input), redraw, `/plans/${reference}/locations`);
  }

  private drawLocations(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: LocationFormValues, index: number | undefined, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'locations.njk', 'Locations', context, { values, index, errors, conflict, width: 'full' }, errors.length ? 400 : 200);
  }

  @Get('lead')
  async lead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.drawLead(reply, request, context, context.plan.leadAgency?.id ?? '', []);
  }

  @Post('lead')
  async saveLead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const chosen = formText(request.body, 'agencyId');
    if (!chosen) return this.drawLead(reply, request, asPosted(context, request), '', [{ field: 'agencyId', text: 'Select the agency that will lead the operation' }]);
    const fields = { id: () => 'agencyId' };
    const setLead = () => validated(SetLeadAgencyDto, { version: formVersion(request), agencyId: chosen }).then((input) => this.leads.setLead(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, fields, setLead, (errors, now, conflict) =>
      this.drawLead(reply, request, now, chosen, errors, conflict),
    );
  }

  private async drawLead(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, chosen: string, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const choices = await this.leads.choices(context.plan);
    const items = choices.map((choice) => ({
      value: choice.agency.id,
      text: `${choice.agency.name} (${choice.agency.code})`,
      checked: choice.agency.id === chosen,
      hint: { text: choice.lead.permitted ? 'The policy permits this agency to lead.' : `Cannot lead: ${choice.lead.reason}` },
    }));
    return this.pages.draw(reply, request, 'lead.njk', 'Lead agency', context, { items, errors, conflict, refused: choices.filter((choice) => !choice.lead.permitted).length }, errors.length ? 400 : 200);
  }
}
