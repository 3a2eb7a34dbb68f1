import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { SUBJECT_KINDS } from '../../common/domain';
import { label } from '../../common/labels';
import { AddSubjectDto, SubjectView } from '../../subjects/dto/subject.dto';
import { SubjectsService } from '../../subjects/subjects.service';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

interface SubjectForm {
  kind: string;
  fullName: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  aliases: string;
  phone: string;
  registration: string;
  email: string;
}

const EMPTY: SubjectForm = { kind: '', fullName: '', dobDay: '', dobMonth: '', dobYear: '', aliases: '', phone: '', registration: '', email: '' };
const FIELDS: FieldMap = {
  id: (field) => ({ kind: 'kind', fullName: 'fullName', dateOfBirth: 'dateOfBirth-day', phone: 'phone', registration: 'registration', email: 'email' })[field.replace(/^aliases\.\d+$/, 'aliases')] ?? (field.startsWith('aliases') ? 'aliases' : ''),
  messages: { kind: 'Select what kind of subject this is' },
};

/** A date of birth from its three boxes, as YYYY-MM-DD (what is not a date is left for the API's validation to refuse). */
function dateOfBirth(form: SubjectForm): string {
  const pad = (value: string, length: number) => value.trim().padStart(length, '0');
  return form.dobDay || form.dobMonth || form.dobYear ? `${pad(form.dobYear, 4)}-${pad(form.dobMonth, 2)}-${pad(form.dobDay, 2)}` : '';
}

/** What the form sends the API: only the chosen kind's fields. */
function subjectBody(form: SubjectForm, version: number): Record<string, unknown> {
  switch (form.kind) {
    case 'PERSON': {
      const aliases = form.aliases.split(/\r?\n/).map((alias) => alias.trim()).filter(Boolean);
      return { version, kind: form.kind, fullName: form.fullName, dateOfBirth: dateOfBirth(form), ...(aliases.length ? { aliases } : {}) };
    }
    case 'PHONE':
      return { version, kind: form.kind, phone: form.phone };
    case 'VEHICLE':
      return { version, kind: form.kind, registration: form.registration };
    case 'EMAIL':
      return { version, kind: form.kind, email: form.email };
    default:
      return { version, kind: form.kind };
  }
}

/** A subject in one line, as its plan's readers see it. */
function describe(subject: SubjectView): string {
  switch (subject.kind) {
    case 'PERSON':
      return `${subject.fullName}, born ${subject.dateOfBirth}${subject.aliases.length ? `; also known as ${subject.aliases.join(', ')}` : ''}`;
    case 'PHONE':
      return subject.phone ?? '';
    case 'VEHICLE':
      return subject.registration ?? '';
    case 'EMAIL':
      return subject.email ?? '';
  }
}

/** The plan's subjects of interest: those who may see the plan see them; its owner adds and removes them. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference/subjects')
export class PlanSubjectsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly subjects: SubjectsService,
    private readonly deconfliction: DeconflictionService,
  ) {}

  @Get()
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.draw(reply, request, await this.pages.load(request, reference), EMPTY, []);
  }

  @Post()
  async add(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const form = Object.fromEntries(Object.keys(EMPTY).map((field) => [field, formText(request.body, field)])) as unknown as SubjectForm;
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, form, errors, conflict);
    const save = () => validated(AddSubjectDto, subjectBody(form, formVersion(request))).then((input) => this.subjects.add(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, FIELDS, save, redraw, `/plans/${reference}/subjects`);
  }

  @Post('remove')
  async remove(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, EMPTY, errors, conflict);
    const subjectId = formText(request.body, 'subjectId');
    return this.pages.change(request, reply, context, FIELDS, () => this.subjects.remove(request.user!, context.plan.id, subjectId, formVersion(request)), redraw, `/plans/${reference}/subjects`);
  }

  private async draw(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: SubjectForm, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const [subjects, hits] = await Promise.all([this.subjects.subjectsOf(context.plan), this.deconfliction.conflicts(request.user!, context.plan.id)]);
    const rows = subjects.map((subject) => ({ id: subject.id, kind: label('subjectKind', subject.kind), text: describe(subject), addedBy: subject.addedBy.name, addedAt: subject.addedAt }));
    const subjectHits = hits.filter((hit) => hit.basis === 'SUBJECT' && hit.current);
    const kinds = SUBJECT_KINDS.map((kind) => ({ value: kind, text: label('subjectKind', kind) }));
    return this.pages.draw(reply, request, 'subjects.njk', 'Subjects of interest', context, { rows, subjectHits, kinds, values, errors, conflict }, errors.length ? 400 : 200);
  }
}
