import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { AddSubjectDto } from '../../subjects/dto/subject.dto';
import { SubjectsService } from '../../subjects/subjects.service';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { EMPTY_SUBJECT, subjectBody, SubjectForm, subjectForm, SUBJECT_FIELDS } from './subjects.form';
import { subjectsView } from './subjects.view';

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
  page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.draw(reply, request, context, EMPTY_SUBJECT, []);
  }

  @Post()
  add(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const form = subjectForm(request.body);
    const save = () =>
      validated(AddSubjectDto, subjectBody(form, formVersion(request))).then((input) =>
        this.subjects.add(request.user!, context.plan.id, input),
      );
    return this.pages.change(
      request,
      reply,
      context,
      SUBJECT_FIELDS,
      save,
      this.redraw(reply, request, form),
      `/plans/${context.plan.reference}/subjects`,
    );
  }

  @Post('remove')
  remove(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const remove = () => this.subjects.remove(request.user!, context.plan.id, formText(request.body, 'subjectId'), formVersion(request));
    return this.pages.change(
      request,
      reply,
      context,
      SUBJECT_FIELDS,
      remove,
      this.redraw(reply, request, EMPTY_SUBJECT),
      `/plans/${context.plan.reference}/subjects`,
    );
  }

  private redraw(reply: FastifyReply, request: AuthenticatedRequest, values: SubjectForm) {
    return (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, values, errors, conflict);
  }

  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: SubjectForm,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    // Both reads hold to the Intelligence section (R14a): a reader it is not shared with gets none, and the page says so.
    const [subjects, hits] = await Promise.all([
      this.subjects.subjectsOf(request.user!, context.plan),
      this.deconfliction.hitsSeenBy(request.user!, context.plan),
    ]);
    const view = subjectsView(context.plan, subjects, hits);
    return this.pages.draw(
      reply,
      request,
      'subjects/subjects.njk',
      'Subjects of interest',
      context,
      { ...view, values, errors, conflict },
      errors.length ? 400 : 200,
    );
  }
}
