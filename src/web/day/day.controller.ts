import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { DayLogService } from '../../day-log/day-log.service';
import { PostLogEntryDto } from '../../day-log/dto/day-log.dto';
import { validated } from '../form-errors';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { entryBody, entryFields, inFormOrder, PostedEntry, postedEntry, recordedBanner } from './day.form';
import { boardView, dayForms } from './day.view';

/**
 * The day's board (issue 29): each premises' status, the counts, the decision log, the latest situation reports and
 * the planned times against what happened, with the forms to record each; read by reload ("Refresh") with JavaScript off.
 */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference/day')
export class PlanDayController {
  constructor(
    private readonly pages: PlanPages,
    private readonly log: DayLogService,
  ) {}

  @Get()
  board(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) context: PlanContext,
  ): Promise<FastifyReply> {
    return this.draw(reply, request, context, null, []);
  }

  /** One of the four forms (`status`, `decision`, `count`, `message`): recorded, then the board again with a banner. */
  @Post(':form')
  record(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) context: PlanContext,
    @Param('form') form: string,
  ): Promise<FastifyReply> {
    const posted = postedEntry(form, request.body);
    if (!posted) throw DomainError.notFound('Page');
    const save = () => validated(PostLogEntryDto, entryBody(posted)).then((input) => this.log.post(request.user!, context.plan.id, input));
    const redraw = (errors: FieldError[], now: PlanContext) => this.draw(reply, request, now, posted, inFormOrder(posted.kind, errors));
    const done = `/plans/${context.plan.reference}/day?recorded=${form}`;
    return this.pages.change(request, reply, context, entryFields(posted.kind), save, redraw, done);
  }

  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    posted: PostedEntry | null,
    errors: FieldError[],
  ): Promise<FastifyReply> {
    const viewer = request.user!;
    const [entries, standing] = await Promise.all([this.log.entries(viewer, context.plan.id), this.log.standing(viewer, context.plan.id)]);
    const data = {
      ...boardView(context.plan, entries, new Date()),
      forms: dayForms(context.plan, entries, standing, posted),
      happened: recordedBanner(request.query),
      width: 'full',
      errors,
    };
    return this.pages.draw(reply, request, 'day/day.njk', 'The day’s board', context, data, errors.length ? 400 : 200);
  }
}
