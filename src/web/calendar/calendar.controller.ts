import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { CalendarService, feedPath } from '../../calendar/calendar.service';
import { HORIZON_DAYS } from '../../calendar/calendar.repository';
import { siteUrlOf } from '../../calendar/site-url';
import { WebPage } from '../../common/auth/decorators';
import { redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';

/**
 * "Your calendar feed" (issue 18): the user makes, replaces or turns off their secret calendar
 * link. The link is shown in the answer to the POST that made it, and never again (it is not put
 * in an address, which browsers and logs keep); reloading that answer makes another link.
 */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('calendar')
export class CalendarPageController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): Promise<FastifyReply> {
    return this.draw(reply, request, { turnedOff: 'off' in query });
  }

  @Post()
  async create(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const feed = await this.calendar.create(request.user!);
    return this.draw(reply, request, { url: `${siteUrlOf(request)}${feedPath(feed.token)}` });
  }

  @Post('turn-off')
  async turnOff(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.calendar.revoke(request.user!);
    return redirect(reply, '/calendar?off');
  }

  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    shown: { url?: string; turnedOff?: boolean },
  ): Promise<FastifyReply> {
    const feed = await this.calendar.state(request.user!);
    return render(reply, request, 'calendar/calendar.njk', {
      pageTitle: 'Your calendar feed',
      section: 'calendar',
      feed,
      horizonDays: HORIZON_DAYS,
      ...shown,
    });
  }
}
