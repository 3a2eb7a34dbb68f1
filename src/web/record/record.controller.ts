import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { mayMove } from '../../common/lifecycle';
import { toHtml, toMarkdown } from '../../workflow/briefing';
import { BriefingService } from '../../workflow/briefing.service';
import { WORD_MEDIA_TYPE } from '../../workflow/documents/printable';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { ReadinessView, ReviewDto } from '../../workflow/dto/workflow.dto';
import { LifecycleService } from '../../workflow/lifecycle.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { ReviewService } from '../../workflow/review.service';
import { validated } from '../form-errors';
import { download, FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { formVersion, PlanPages, Redraw } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { EMPTY_REVIEW, reviewBody, REVIEW_FIELDS, ReviewFormValues, reviewValues } from './record.form';
import { briefingView, failingChecks, historyView, notUnderReview, reviewView, submitView } from './record.view';

/** Checking and submitting a plan, its briefing pack, and its history. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanRecordController {
  constructor(
    private readonly pages: PlanPages,
    private readonly readiness: ReadinessService,
    private readonly lifecycle: LifecycleService,
    private readonly reviews: ReviewService,
    private readonly deconfliction: DeconflictionService,
    private readonly briefings: BriefingService,
  ) {}

  @Get('submit')
  checkAnswers(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.drawSubmit(reply, request, context, []);
  }

  @Post('submit')
  submit(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const submit = () => this.lifecycle.submit(request.user!, context.plan.id, formVersion(request));
    const redraw: Redraw = async (errors, now, conflict) => {
      const readiness = await this.readiness.readinessOf(now.plan);
      const failing = failingChecks(now.plan.reference, readiness);
      return this.drawSubmit(reply, request, now, conflict || !failing.length ? errors : failing, conflict, readiness);
    };
    return this.pages.change(request, reply, context, { id: () => '' }, submit, redraw, `/plans/${context.plan.reference}?submitted`);
  }

  private async drawSubmit(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    errors: FieldError[],
    conflict?: unknown,
    known?: ReadinessView,
  ): Promise<FastifyReply> {
    const view = submitView(context.plan, known ?? (await this.readiness.readinessOf(context.plan)));
    return this.pages.draw(
      reply,
      request,
      'record/submit.njk',
      'Check your answers before submitting the plan',
      context,
      { ...view, errors, conflict },
      errors.length ? 400 : 200,
    );
  }

  @Get('review')
  reviewPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.drawReview(reply, request, context, EMPTY_REVIEW, []);
  }

  @Post('review')
  review(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const values = reviewValues(request.body);
    const review = () =>
      validated(ReviewDto, reviewBody(request, values)).then((input) => this.reviews.review(request.user!, context.plan.id, input));
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawReview(reply, request, now, values, errors, conflict);
    return this.pages.change(request, reply, context, REVIEW_FIELDS, review, redraw, `/plans/${context.plan.reference}?reviewed`);
  }

  private async drawReview(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: ReviewFormValues,
    errors: FieldError[],
    conflict?: unknown,
  ): Promise<FastifyReply> {
    const { plan } = context;
    const [history, readiness, hits, refusal] = await Promise.all([
      this.pages.history(request, context),
      this.readiness.readinessOf(plan),
      this.deconfliction.hitsSeenBy(request.user!, plan),
      mayMove(plan.status, 'approve') ? this.reviews.whyNotReview(request.user!, plan) : notUnderReview(plan),
    ]);
    const view = reviewView(plan, history, readiness, hits, refusal);
    return this.pages.draw(
      reply,
      request,
      'record/review.njk',
      'Review the plan',
      context,
      { ...view, values, errors, conflict },
      errors.length ? 400 : 200,
    );
  }

  @Get('briefing')
  async briefingPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const blocks = await this.briefings.blocks(request.user!, context.plan);
    return this.pages.draw(reply, request, 'record/briefing.njk', 'Briefing pack', context, briefingView(blocks));
  }

  @Get('briefing/pack.md')
  async markdown(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
  ): Promise<FastifyReply> {
    const body = toMarkdown(await this.briefings.blocks(request.user!, plan));
    return download(reply, { filename: `${plan.reference}-briefing.md`, type: 'text/markdown; charset=utf-8', body });
  }

  @Get('briefing/pack.html')
  async html(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
  ): Promise<FastifyReply> {
    const body = toHtml(await this.briefings.blocks(request.user!, plan), plan.marking);
    return download(reply, { filename: `${plan.reference}-briefing.html`, type: 'text/html; charset=utf-8', body });
  }

  @Get('briefing/pack.pdf')
  async pdf(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
  ): Promise<FastifyReply> {
    const body = await this.briefings.pdf(request.user!, plan);
    return download(reply, { filename: `${plan.reference}-briefing.pdf`, type: 'application/pdf', body });
  }

  @Get('briefing/pack.docx')
  async docx(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
  ): Promise<FastifyReply> {
    const body = await this.briefings.docx(request.user!, plan);
    return download(reply, { filename: `${plan.reference}-briefing.docx`, type: WORD_MEDIA_TYPE, body });
  }

  @Get('history')
  async history(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    return this.pages.draw(
      reply,
      request,
      'record/history.njk',
      'History',
      context,
      historyView(await this.pages.history(request, context)),
    );
  }
}
