import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { DayLogService } from './day-log.service';
import { DayLogStream } from './day-log-stream';
import { DayLogView, LogEntryView, PostLogEntryDto } from './dto/day-log.dto';
import { DaySummaryView } from './dto/day-summary.dto';
import { resumePoint } from './sse';

@ApiTags('the day’s log')
@ApiBearerAuth()
@Controller('operations/:id/log')
export class DayLogController {
  constructor(
    private readonly log: DayLogService,
    private readonly stream: DayLogStream,
  ) {}

  @Get()
  @ApiOkResponse({ type: DayLogView, description: 'What the caller may see of the day’s log (R14a), in the order recorded' })
  @ApiOperation({ summary: 'Read the day’s log' })
  @ApiErrors(400, 404)
  list(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<DayLogView> {
    return this.log.list(caller, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: LogEntryView,
    description:
      'Appends an entry: open while the plan is ACTIVE and for 72 hours after it ends (409 INVALID_TRANSITION otherwise); never changed or removed (correct with a new entry naming correctsId)',
  })
  @ApiOperation({ summary: 'Record an entry in the day’s log' })
  @ApiErrors(400, 403, 404, 409)
  post(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: PostLogEntryDto): Promise<LogEntryView> {
    return this.log.post(caller, id, body);
  }

  @Get('summary')
  @ApiOkResponse({
    type: DaySummaryView,
    description:
      'The day as the caller’s view of the log tells it: each count totalled (a corrected count replaced by its correction), the outcomes to complete the plan with, each premises’ statuses (with Places) and the decision log',
  })
  @ApiOperation({ summary: 'Sum up the day’s log' })
  @ApiErrors(400, 404)
  summary(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<DaySummaryView> {
    return this.log.summaryOf(caller, id);
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-sent events: every entry after Last-Event-ID (or ?after=), then each entry as it is recorded, on any instance; each event has the entry’s id, the name entry, and the entry as in GET …/log (what the caller may see of it, R14a); a comment every 15 seconds keeps it open',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this entry (browsers send it on reconnecting)' })
  @ApiQuery({ name: 'after', required: false, description: 'Resume after this entry, for a client that cannot set Last-Event-ID' })
  @ApiOperation({ summary: 'Follow the day’s log as it is written' })
  @ApiErrors(400, 404)
  async follow(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.stream.open(caller, id, resumePoint(lastEventId, after), reply);
  }
}
