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
import { hitsOnPage } from '../hits-view';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

/**
 * The form's fields, keyed by the names the page posts them under, so the form and its reading
 * cannot drift apart: the date of birth is a GOV.UK date input, `dateOfBirth-day`, `-month`, `-year`.
 */
interface SubjectForm {
  kind: string;
  fullName: string;
  'dateOfBirth-day': string;
  'dateOfBirth-month': string;
  'dateOfBirth-year': string;
  aliases: string;
  phone: string;
  registration: string;
  email: string;
}

const EMPTY: SubjectForm = { kind: '', fullName: '', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', aliases: '', phone: '', registration: '', email: '' };
const FIELDS: FieldMap = {
  id: (field) => ({ kind: 'kind', fullName: 'fullName', dateOfBirth: 'dateOfBirth-day', phone: 'phone', registration: 'registration', email: 'email' })[field.replace(/^aliases\.\d+$/, 'aliases')] ?? (field.startsWith('aliases') ? 'aliases' : ''),
  // The API's message asks for YYYY-MM-DD; the page asks for three numbers.
  messages: { kind: 'Select what kind of subject this is', 'dateOfBirth-day': 'Enter the date of birth as a real date, for example 1 2 1980' },
};

/**
 * A date of birth from its three boxes, as YYYY-MM-DD. What is not a date is left for the API's
 * validation to refuse; the year is not padded, so a two-digit year is refused, not read as 0080.
 */
function dateOfBirth(form: SubjectForm): string {
  const [day, month, year] = [form['dateOfBirth-day'], form['dateOfBirth-month'], form['dateOfBirth-year']].map((part) => part.trim());
  return day || month || year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
}

const birthDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A date of birth (YYYY-MM-DD, a calendar date with no time zone) as the GOV.UK style writes dates: 1 February 1980. */
function ukBirthDate(date: string): string {
  return birthDateFormat.format(new Date(`${date}T00:00:00Z`));
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
      return `${subject.fullName}${subject.dateOfBirth ? `, born ${ukBirthDate(subject.dateOfBirth)}` : ''}${subject.aliases.length ? `; also known as ${subject.aliases.join(', ')}` : ''}`;
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
    // Both reads hold to the Intelligence section (R14a): a reader it is not shared with gets none, and the page says so.
    const [subjects, hits] = await Promise.all([this.subjects.subjectsOf(request.user!, context.plan), this.deconfliction.hitsSeenBy(request.user!, context.plan)]);
    const rows = subjects.map((subject) => ({ id: subject.id, kind: label('subjectKind', subject.kind), text: describe(subject), addedBy: subject.addedBy.name, addedAt: subject.addedAt }));
    // Drawn from every hit, then narrowed: whether one is covered by a later hit depends on hits of any kind.
    const subjectHits = hitsOnPage(hits).filter((hit) => hit.kinds.some((kind) => kind !== 'PLACE'));
    const kinds = SUBJECT_KINDS.map((kind) => ({ value: kind, text: label('subjectKind', kind) }));
    return this.pages.draw(reply, request, 'subjects.njk', 'Subjects of interest', context, { rows, subjectHits, kinds, values, errors, conflict, shared: context.plan.sections.includes('INTELLIGENCE') }, errors.length ? 400 : 200);
  }
}
