import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { TasksService } from '../../tasks/tasks.service';
import { formText } from '../forms';
import { redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { taskRows } from './tasks.view';

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller()
export class TasksPageController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  async page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ): Promise<FastifyReply> {
    const tasks = await this.tasks.forUser(request.user!);
    return render(reply, request, 'tasks/tasks.njk', {
      pageTitle: 'Your tasks',
      section: 'tasks',
      declined: 'declined' in query,
      lookedInto: 'looked-into' in query,
      tasks: taskRows(tasks, Date.now()),
    });
  }

  /** A manager marks a report of the daily limit on additions as looked into (the page says first that it leaves every manager's tasks). */
  @Post('addition-limit-reports/looked-into')
  @Roles('MANAGER')
  async lookedInto(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.tasks.lookedInto(request.user!, formText(request.body, 'reportId'));
    return redirect(reply, '/?looked-into');
  }
}
