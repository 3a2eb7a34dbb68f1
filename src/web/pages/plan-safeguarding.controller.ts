import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { NRM_FIRST_RESPONDER_KINDS } from '../../common/domain';
import { label } from '../../common/labels';
import { ukClock } from '../../common/uk-time';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { AgenciesService } from '../../reference-data/agencies.service';
import { checkedBody, FieldMap, formErrors, isRefusal, validated } from '../form-errors';
import { formText } from '../forms';
import { dateTimeFieldsOf, inOrder, optionalInstantAt } from '../order-form';
import { FieldError } from '../page';
import { asPosted, formVersion, PlanContext, PlanPages } from '../plan-page';
import { DateTimeFields, dateTimeOf, languagesOf, PLAN_FIELDS } from '../plan-form';
import { WebExceptionFilter } from '../web-exception.filter';

/** What the page's three forms show: as typed, kept when the form that was posted comes back with errors. */
type SafeguardingFormValues = {
  expectedPotentialVictims: string;
  languages: string;
  receptionCentre: string;
  receptionOpensAt: DateTimeFields;
  receptionClosesAt: DateTimeFields;
  medicalCover: string;
  responder: { name: string; agencyId: string; phone: string };
  interpreter: { language: string; name: string };
};

/** The fields of the page in the order they appear. */
const FORM_ORDER = ['expectedPotentialVictims', 'languages', 'receptionCentre', 'receptionOpensAt', 'receptionClosesAt', 'medicalCover', 'responder-name', 'responder-agencyId', 'responder-phone', 'interpreter-language', 'interpreter-name'];

/** The API's safeguarding fields → the form's; a problem of a person already listed (not on the form) goes in the error summary alone. */
function safeguardingFields(added?: number): FieldMap {
  return {
    id: (field) => {
      const person = /^safeguarding\.(firstResponders|interpreters)\.(\d+)\.(\w+)$/.exec(field);
      if (person) return Number(person[2]) === added ? `${person[1] === 'firstResponders' ? 'responder' : 'interpreter'}-${person[3]}` : '';
      const own = /^safeguarding\.(\w+)$/.exec(field)?.[1];
      if (own === 'receptionOpensAt' || own === 'receptionClosesAt') return `${own}-day`;
      return own && FORM_ORDER.includes(own) ? own : '';
    },
    messages: { expectedPotentialVictims: PLAN_FIELDS.messages!.expectedPotentialVictims },
  };
}

const NO_PERSON = { responder: { name: '', agencyId: '', phone: '' }, interpreter: { language: '', name: '' } };

/** The arrangements form's fields, one by one, as the three-way merge compares them (form-merge.ts). */
type Arrangements = Omit<SafeguardingFormValues, 'responder' | 'interpreter'>;

const ARRANGEMENT_LABELS: Record<keyof Arrangements, string> = {
  expectedPotentialVictims: 'Expected number of potential victims',
  languages: 'Languages they may speak',
  receptionCentre: 'Reception centre',
  receptionOpensAt: 'Reception centre opens',
  receptionClosesAt: 'Reception centre closes',
  medicalCover: 'Medical cover',
};

function arrangementsOf(plan: OperationView): Arrangements {
  const s = plan.safeguarding;
  return {
    expectedPotentialVictims: String(s.expectedPotentialVictims),
    languages: s.languages.join(', '),
    receptionCentre: s.receptionCentre ?? '',
    receptionOpensAt: dateTimeFieldsOf(s.receptionOpensAt),
    receptionClosesAt: dateTimeFieldsOf(s.receptionClosesAt),
    medicalCover: s.medicalCover ?? '',
  };
}

function valuesOf(context: PlanContext): SafeguardingFormValues {
  return { ...arrangementsOf(context.plan), ...NO_PERSON };
}

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
  async safeguarding(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.draw(reply, request, this.pages.editing(context, arrangementsOf(context.plan)), valuesOf(context), []);
  }

  /** The arrangements, as far as the person changed them (R10): potential victims, their languages, the reception centre and its hours (UK time), medical cover. */
  @Post('safeguarding')
  async saveArrangements(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const form = request.body;
    const posted: Arrangements = {
      expectedPotentialVictims: formText(form, 'expectedPotentialVictims').trim(),
      languages: formText(form, 'languages'),
      receptionCentre: formText(form, 'receptionCentre'),
      receptionOpensAt: dateTimeOf(form, 'receptionOpensAt'),
      receptionClosesAt: dateTimeOf(form, 'receptionClosesAt'),
      medicalCover: formText(form, 'medicalCover'),
    };
    const save = async (values: Arrangements, mine: (keyof Arrangements)[], plan: OperationView) => {
      const changed = (key: keyof Arrangements) => mine.includes(key);
      const errors: FieldError[] = [];
      const safeguarding: Record<string, unknown> = {};
      if (changed('expectedPotentialVictims')) {
        if (/^\d{1,5}$/.test(values.expectedPotentialVictims)) safeguarding.expectedPotentialVictims = Number(values.expectedPotentialVictims);
        else errors.push({ field: 'expectedPotentialVictims', text: PLAN_FIELDS.messages!.expectedPotentialVictims });
      }
      if (changed('languages')) safeguarding.languages = languagesOf(values.languages);
      if (changed('receptionCentre')) safeguarding.receptionCentre = values.receptionCentre.trim() || null;
      // The hours are checked together: a changed opening or closing sends both.
      if (changed('receptionOpensAt') || changed('receptionClosesAt')) {
        const opens = optionalInstantAt('receptionOpensAt', 'opening', values.receptionOpensAt);
        const closes = optionalInstantAt('receptionClosesAt', 'closing', values.receptionClosesAt);
        for (const { error } of [opens, closes]) if (error) errors.push(error);
        Object.assign(safeguarding, { receptionOpensAt: opens.iso, receptionClosesAt: closes.iso });
      }
      if (changed('medicalCover')) safeguarding.medicalCover = values.medicalCover.trim() || null;
      const checked = await checkedBody(UpdateOperationDto, { version: plan.version, safeguarding }, errors, safeguardingFields(), (ours, theirs) => inOrder(FORM_ORDER, ours, theirs));
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      { current: arrangementsOf, posted, labels: ARRANGEMENT_LABELS, fields: safeguardingFields() },
      save,
      (errors, context, values, conflict) => this.draw(reply, request, context, { ...values, ...NO_PERSON }, inOrder(FORM_ORDER, errors), conflict),
      `/plans/${reference}/safeguarding`,
    );
  }

  /** Adds or removes a named NRM first responder; the API replaces the list, so the others go back as they are. */
  @Post('safeguarding/first-responders')
  async saveFirstResponder(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const responders = context.plan.safeguarding.firstResponders.map((r) => ({ name: r.name, agencyId: r.agency.id, phone: r.phone }));
    const responder = { name: formText(request.body, 'responder-name'), agencyId: formText(request.body, 'responder-agencyId'), phone: formText(request.body, 'responder-phone') };
    const values = { ...valuesOf(context), responder };
    const remove = formText(request.body, 'remove');
    const errors: FieldError[] = [];
    if (remove) {
      if (!this.removeFrom(responders, remove)) return this.draw(reply, request, context, valuesOf(context), [{ field: '', text: 'That first responder is no longer listed: the list below is up to date' }]);
    } else {
      if (!responder.agencyId) errors.push({ field: 'responder-agencyId', text: 'Select the first responder’s agency' });
      responders.push(responder);
    }
    return this.save(request, reply, context, remove ? valuesOf(context) : values, { safeguarding: { firstResponders: responders } }, safeguardingFields(remove ? undefined : responders.length - 1), errors);
  }

  /** Adds or removes an interpreter; the API replaces the list, so the others go back as they are. */
  @Post('safeguarding/interpreters')
  async saveInterpreter(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const interpreters = context.plan.safeguarding.interpreters.map(({ language, name }) => ({ language, name }));
    const interpreter = { language: formText(request.body, 'interpreter-language'), name: formText(request.body, 'interpreter-name') };
    const remove = formText(request.body, 'remove');
    if (remove) {
      if (!this.removeFrom(interpreters, remove)) return this.draw(reply, request, context, valuesOf(context), [{ field: '', text: 'That interpreter is no longer listed: the list below is up to date' }]);
    } else interpreters.push(interpreter);
    const values = remove ? valuesOf(context) : { ...valuesOf(context), interpreter };
    return this.save(request, reply, context, values, { safeguarding: { interpreters } }, safeguardingFields(remove ? undefined : interpreters.length - 1), []);
  }

  private removeFrom(list: unknown[], text: string): boolean {
    if (!/^\d{1,2}$/.test(text) || Number(text) >= list.length) return false;
    list.splice(Number(text), 1);
    return true;
  }

  /** Checks the change as the API would, then makes it: refusals come back on the page, each against its field. */
  private async save(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    values: SafeguardingFormValues,
    change: Record<string, unknown>,
    fields: FieldMap,
    ours: FieldError[],
  ): Promise<FastifyReply> {
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, values, inOrder(FORM_ORDER, errors), conflict);
    let input: UpdateOperationDto;
    try {
      input = await validated(UpdateOperationDto, { version: formVersion(request), ...change });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return redraw(inOrder(FORM_ORDER, ours, formErrors(error, fields)), asPosted(context, request));
    }
    if (ours.length) return redraw(ours, asPosted(context, request));
    return this.pages.change(request, reply, context, fields, () => this.editing.update(request.user!, context.plan.id, input), redraw, `/plans/${context.plan.reference}/safeguarding`);
  }

  private async draw(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: SafeguardingFormValues, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const { plan } = context;
    const s = plan.safeguarding;
    const agencies = (await this.agencies.list()).filter((agency) => NRM_FIRST_RESPONDER_KINDS.includes(agency.kind));
    const agencyItems = [
      { value: '', text: 'Select an agency', selected: !values.responder.agencyId },
      ...agencies.map((agency) => ({ value: agency.id, text: agency.name === label('agencyKind', agency.kind) ? agency.name : `${agency.name} (${label('agencyKind', agency.kind)})`, selected: agency.id === values.responder.agencyId })),
    ];
    // Hints: the languages no interpreter is booked for, and whether the reception centre is open at each strike.
    const booked = new Set(s.interpreters.map((interpreter) => interpreter.language.trim().toLowerCase()));
    const uncovered = s.languages.filter((language) => !booked.has(language.trim().toLowerCase()));
    const hours = s.receptionOpensAt && s.receptionClosesAt ? { opensAt: new Date(s.receptionOpensAt), closesAt: new Date(s.receptionClosesAt) } : null;
    // The strikes are the Places section's (R14a): a reader it is not shared with sees no hint about them.
    const strikes = (plan.locations ?? []).map((place) => {
      if (!place.strikeAt) return { label: place.label, text: 'no strike time set yet' };
      const at = new Date(place.strikeAt);
      const open = hours && at >= hours.opensAt && at <= hours.closesAt;
      return { label: place.label, text: `strike at ${ukClock(at)}: ${!hours ? 'the reception centre’s hours are not recorded' : open ? 'the reception centre is open' : 'the reception centre is closed'}`, closed: Boolean(hours) && !open };
    });
    return this.pages.draw(reply, request, 'safeguarding.njk', 'Safeguarding and the NRM', context, { values, agencyItems, uncovered, strikes, errors, conflict }, errors.length ? 400 : 200);
  }
}
