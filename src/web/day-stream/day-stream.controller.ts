import { Controller, Get, Headers, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DayLogStream } from '../../day-log/day-log-stream';
import { resumePoint } from '../../day-log/sse';
import { PlanContext } from '../plan-context';
import { WebExceptionFilter } from '../web-exception.filter';

/** The day's log as server-sent events for the board page's script, signed in by the session as every page is. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference/day')
export class DayStreamController {
  constructor(private readonly stream: DayLogStream) {}

  @Get('stream')
  async follow(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: unknown,
  ): Promise<void> {
    await this.stream.open(request.user!, plan.id, resumePoint(lastEventId, after), reply);
  }
}
