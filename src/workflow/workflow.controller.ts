import { Body, Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { VersionDto } from '../common/dto';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { OperationView } from '../operations/dto/plan-view.dto';
import { AcknowledgeDto, CancelDto, CompleteDto, ConflictView, ReadinessView, ReviewDto, StandDownDto } from './dto/workflow.dto';
import { BriefingService } from './briefing.service';
import { WORD_MEDIA_TYPE } from './documents/printable';
import { CardsService } from './cards.service';
import { DeconflictionService } from './deconfliction.service';
import { LifecycleService } from './lifecycle.service';
import { ReadinessService } from './readiness.service';
import { ReviewService } from './review.service';

/** HTML when the client asks for it before Markdown; Markdown otherwise. */
function briefingFormat(accept: string | undefined): 'markdown' | 'html' {
  const html = accept?.indexOf('text/html') ?? -1;
  const markdown = accept?.indexOf('text/markdown') ?? -1;
  return html >= 0 && (markdown < 0 || html < markdown) ? 'html' : 'markdown';
}

@ApiTags('review and lifecycle')
@ApiBearerAuth()
@Controller('operations/:id')
export class WorkflowController {
  constructor(
    private readonly readinessChecks: ReadinessService,
    private readonly deconfliction: DeconflictionService,
    private readonly lifecycle: LifecycleService,
    private readonly reviews: ReviewService,
    private readonly briefings: BriefingService,
    private readonly cards: CardsService,
  ) {}

  @Get('readiness')
  @ApiOkResponse({ type: ReadinessView })
  @ApiOperation({ summary: 'Check a plan’s readiness' })
  @ApiErrors(400, 404)
  readiness(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<ReadinessView> {
    return this.readinessChecks.readiness(caller, id);
  }

  @Get('conflicts')
  @ApiOkResponse({ type: ConflictView, isArray: true })
  @ApiOperation({ summary: 'List deconfliction hits' })
  @ApiErrors(400, 404)
  conflicts(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<ConflictView[]> {
    return this.deconfliction.conflicts(caller, id);
  }

  @Post('conflicts/:hitId/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: ConflictView, isArray: true, description: 'hitId: the hit’s id in GET …/conflicts' })
  @ApiOperation({ summary: 'Acknowledge a deconfliction hit' })
  @ApiErrors(400, 404, 409)
  acknowledge(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('hitId') hitId: string,
    @Body() body: AcknowledgeDto,
  ): Promise<ConflictView[]> {
    return this.deconfliction.acknowledge(caller, id, hitId, body);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView, description: '422 NOT_READY lists the failing blocking checks' })
  @ApiOperation({ summary: 'Submit a plan for review' })
  @ApiErrors(400, 404, 409, 422)
  submit(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.lifecycle.submit(caller, id, body.version);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({ summary: 'Withdraw a submitted plan' })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.lifecycle.withdraw(caller, id, body.version);
  }

  @Post('review')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView, description: '403 SELF_APPROVAL for the plan’s creator or last editor' })
  @ApiOperation({ summary: 'Approve or send back a plan' })
  @ApiErrors(400, 404, 409, 422)
  decide(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: ReviewDto): Promise<OperationView> {
    return this.reviews.review(caller, id, body);
  }

  @Post('start')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({ summary: 'Start the day of action' })
  @ApiErrors(400, 404, 409, 422)
  start(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.lifecycle.start(caller, id, body.version);
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView, description: 'Records the outcomes and releases every team' })
  @ApiOperation({ summary: 'Complete the day of action' })
  @ApiErrors(400, 404, 409)
  complete(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CompleteDto): Promise<OperationView> {
    return this.lifecycle.complete(caller, id, body);
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView, description: 'Any status before ACTIVE; releases every team' })
  @ApiOperation({ summary: 'Cancel a plan' })
  @ApiErrors(400, 404, 409)
  cancel(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CancelDto): Promise<OperationView> {
    return this.lifecycle.cancel(caller, id, body.version, body.reason);
  }

  @Post('stand-down')
  @HttpCode(200)
  @ApiOkResponse({
    type: OperationView,
    description:
      'An ACTIVE day of action called off: releases every team (they stay on the record), withdraws an open CPS request, and keeps the reason and any outcomes so far',
  })
  @ApiOperation({ summary: 'Stand down the day of action' })
  @ApiErrors(400, 404, 409)
  standDown(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: StandDownDto): Promise<OperationView> {
    return this.lifecycle.standDown(caller, id, body);
  }

  @Get('briefing')
  @ApiOkResponse({
    description: 'The IIMARCH briefing pack, printable: HTML when the Accept header asks for it before Markdown, Markdown otherwise',
    content: { 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'Read the briefing pack' })
  @ApiErrors(400, 404)
  async briefing(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = briefingFormat(accept);
    const body = await this.briefings.briefing(caller, id, format);
    reply.header('content-type', format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8');
    return body;
  }

  @Get('briefing.pdf')
  @ApiOkResponse({
    description:
      'The briefing pack as an A4 PDF: the marking at the top and foot of every page, the reference with "page N of M", the version and when it was produced; only the sections shared with the caller',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Download the briefing pack as PDF' })
  @ApiErrors(400, 404)
  async briefingPdf(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.briefings.pdfOf(caller, id);
    reply.header('content-type', 'application/pdf').header('cache-control', 'no-store');
    return pdf;
  }

  @Get('briefing.docx')
  @ApiProduces(WORD_MEDIA_TYPE)
  @ApiOkResponse({
    description:
      'The briefing pack as an A4 Word document: the marking at the top and foot of every page, the reference with "page N of M", the version and when it was produced; only the sections shared with the caller',
    content: { [WORD_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Download the briefing pack as a Word document' })
  @ApiErrors(400, 404)
  async briefingDocx(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const docx = await this.briefings.docxOf(caller, id);
    reply.header('content-type', WORD_MEDIA_TYPE).header('cache-control', 'no-store');
    return docx;
  }

  @Get('cards.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description:
      'The premises cards as an A4 PDF, a page for each location the caller sees: its address, strike time, entry, site commander, the teams allocated there, the risks that name it, the reception centre, interpreters and communications; the marking at the top and foot of every page with "page N of M". A caller the premises are not shared with gets one page saying so',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Download the premises cards as PDF' })
  @ApiErrors(400, 404)
  async cardsPdf(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const pdf = await this.cards.cardsPdfOf(caller, id);
    reply.header('content-type', 'application/pdf').header('cache-control', 'no-store');
    return pdf;
  }
}
