import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { TaskKind, TaskView } from '../../tasks/dto/task.dto';
import { TasksService } from '../../tasks/tasks.service';
import { formText } from '../forms';
import { redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';

/**
 * Where each kind of task is done, under the plan's address: its page, or the sub-page that shows
 * what it is about; a released team's own record (its agency may no longer see the plan).
 */
const WHERE: Record<TaskKind, (task: TaskView) => string> = {
  FINISH_PLAN: () => '',
  MAKE_CHANGES: () => '',
  CHASE_APPROVAL: () => '',
  START_PLAN: () => '',
  COMPLETE_PLAN: () => '',
  ACKNOWLEDGE_HIT: () => '/conflicts',
  ANSWER_TEAM_REQUEST: () => '/teams',
  GATHER_EVIDENCE: () => '/evidence',
  ACCEPT_CPS_REQUEST: () => '/cps',
  DECIDE_EVIDENCE: () => '/evidence',
  REVIEW_PLAN: () => '/review',
  NEEDS_ANOTHER_MANAGER: () => '/review',
  SIGN_OFF_PART: () => '/sign-off',
  TEAM_RELEASED: (task) => `/teams/${task.deploymentId}`,
  TEAM_DECLINED: () => '/teams',
  // What the user added is in the history of the plan they were changing.
  LOOK_INTO_ADDITIONS: () => '/history',
};

/**
 * The urgency tag of a task, in words: an active plan is under way; one starting within a day says
 * in how many hours; one within 7 days says so; one whose window opened without it being started
 * says that; none for a plan further off, or whose day is over.
 */
function urgencyOf(task: TaskView): string | undefined {
  const now = Date.now();
  const plan = task.operation;
  if (!plan) return undefined;
  if (plan.status === 'ACTIVE') return 'Under way';
  if (!task.urgent || Date.parse(plan.endsAt) <= now) return undefined;
  if (task.startsInHours === 0) return 'Starts within the hour';
  if (task.startsInHours !== undefined) return `Starts in ${task.startsInHours} ${task.startsInHours === 1 ? 'hour' : 'hours'}`;
  return Date.parse(plan.startsAt) > now ? 'Starts within 7 days' : 'Due to start now';
}

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller()
export class TasksPageController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): Promise<FastifyReply> {
    const tasks = await this.tasks.forUser(request.user!);
    return render(reply, request, 'tasks/tasks.njk', {
      pageTitle: 'Your tasks',
      section: 'tasks',
      declined: 'declined' in query,
      lookedInto: 'looked-into' in query,
      tasks: tasks.map((task) => ({ ...task, href: task.operation && `/plans/${task.operation.reference}${WHERE[task.kind](task)}`, urgency: urgencyOf(task) })),
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
