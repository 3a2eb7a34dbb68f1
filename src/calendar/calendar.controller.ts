import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/decorators';
import { ApiErrors, ApiPublicErrors } from '../common/errors/api-errors';
import { CalendarService, feedPath } from './calendar.service';
import { CalendarFeedCreatedView, CalendarFeedStateView } from './dto/calendar-feed.dto';
import { siteUrlOf } from './site-url';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('feed')
  @ApiBearerAuth()
  @ApiCreatedResponse({
    type: CalendarFeedCreatedView,
    description: 'A new secret feed address, shown once; any earlier address of the caller stops working',
  })
  @ApiOperation({ summary: 'Make a new calendar feed address' })
  @ApiErrors()
  async create(@CurrentUser() caller: AuthUser, @Req() request: FastifyRequest): Promise<CalendarFeedCreatedView> {
    const feed = await this.calendar.create(caller);
    return { url: `${siteUrlOf(request)}${feedPath(feed.token)}`, createdAt: feed.createdAt.toISOString() };
  }

  @Get('feed')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarFeedStateView, description: 'Whether the caller has a feed; never its address' })
  @ApiOperation({ summary: 'Say whether you have a calendar feed' })
  @ApiErrors()
  async state(@CurrentUser() caller: AuthUser): Promise<CalendarFeedStateView> {
    const state = await this.calendar.state(caller);
    return { exists: state.exists, createdAt: state.createdAt?.toISOString() ?? null, lastUsedAt: state.lastUsedAt?.toISOString() ?? null };
  }

  @Delete('feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The feed is turned off: its address stops working (also when there was none)' })
  @ApiOperation({ summary: 'Turn off your calendar feed' })
  @ApiErrors()
  async revoke(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.calendar.revoke(caller);
  }

  @Public()
  @Get(':token.ics')
  @ApiParam({ name: 'token', description: 'The secret token of the address POST /calendar/feed gave' })
  @ApiOkResponse({
    content: { 'text/calendar': { schema: { type: 'string' } } },
    description:
      'iCalendar (RFC 5545): the plans the user’s agency owns and its confirmed teams; plans cancelled or stood down, and teams released, as STATUS:CANCELLED. Each event holds the reference, name, status, times, the marking (CLASS:CONFIDENTIAL for OFFICIAL-SENSITIVE, PRIVATE for OFFICIAL) and a link to the plan page; a plan’s own event, in its owning agency’s feed, why it was cancelled or stood down; no operational detail',
  })
  @ApiOperation({
    summary: 'Read a calendar feed',
    description:
      'A 404 for no such feed: unknown, replaced or turned off, or its user has since been disabled, changed their password, been given a new one, or had their roles or agency changed',
  })
  @ApiPublicErrors(404)
  async feed(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = await this.calendar.feed(token, siteUrlOf(request));
    // The address is the credential: no shared cache may keep what it shows.
    reply.header('cache-control', 'private, no-store').header('content-type', 'text/calendar; charset=utf-8');
    return body;
  }
}
