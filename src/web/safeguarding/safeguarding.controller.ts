import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { AgenciesService } from '../../reference-data/agencies.service';
import { formErrors, refusalOf, validated } from '../form-errors';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { savePlanChange } from '../plan-change';
import { asPosted, formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  arrangementsForm,
  arrangementsOf,
  changedArrangements,
  firstRespondersChange,
  FORM_ORDER,
  interpretersChange,
  NO_PERSON,
  PersonChange,
  SafeguardingFormValues,
  valuesOf,
} from './safeguarding.form';
import { safeguardingView } from './safeguarding.view';

/** Safeguarding and the NRM: potential victims, the reception centre and its hours, medical cover, first responders and interpreters. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanSafeguardingController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get('safeguarding')
  safeguarding(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.draw(reply, request, this.pages.editing(context, arrangementsOf(context.plan)), valuesOf(context.plan), []);
  }

  /** The arrangements, as far as the person changed them (R10): potential victims, their languages, the reception centre and its hours (UK time), medical cover. */
  @Post('safeguarding')
  saveArrangements(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const save = savePlanChange(this.editing, request, changedArrangements, (ours, theirs) => inOrder(FORM_ORDER, ours, theirs));
    return this.pages.edit(
      request,
      reply,
      reference,
      arrangementsForm(request.body),
      save,
      (errors, context, values, conflict) =>
        this.draw(reply, request, context, { ...values, ...NO_PERSON }, inOrder(FORM_ORDER, errors), conflict),
      `/plans/${reference}/safeguarding`,
    );
  }

  /** Adds or removes a named NRM first responder; the API replaces the list, so the others go back as they are. */
  @Post('safeguarding/first-responders')
  saveFirstResponder(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.save(request, reply, context, firstRespondersChange(context.plan, request.body));
  }

  /** Adds or removes an interpreter; the API replaces the list, so the others go back as they are. */
  @Post('safeguarding/interpreters')
  saveInterpreter(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.save(request, reply, context, interpretersChange(context.plan, request.body));
  }

  /** Checks the change as the API would, then makes it: refusals come back on the page, each against its field. */
  private async save(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    person: PersonChange,
  ): Promise<FastifyReply> {
    if (person.gone) return this.draw(reply, request, context, person.values, [person.gone]);
    const { values, fields, errors: ours } = person;
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.draw(reply, request, now, values, inOrder(FORM_ORDER, errors), conflict);
    let input: UpdateOperationDto;
    try {
      input = await validated(UpdateOperationDto, { version: formVersion(request), ...person.change });
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return redraw(inOrder(FORM_ORDER, ours, formErrors(error, fields)), asPosted(context, request));
    }
    if (ours.length) return redraw(ours, asPosted(context, request));
    return this.pages.change(
      request,
      reply,
      context,
      fields,
      () => this.editing.update(request.user!, context.plan.id, input),
      redraw,
      `/plans/${context.plan.reference}/safeguarding`,
    );
  }

  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: SafeguardingFormValues,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const data = { values, ...safeguardingView(context.plan, await this.agencies.list(), values), errors, conflict };
    return this.pages.draw(
      reply,
      request,
      'safeguarding/safeguarding.njk',
      'Safeguarding and the NRM',
      context,
      data,
      errors.length ? 400 : 200,
    );
  }
}
