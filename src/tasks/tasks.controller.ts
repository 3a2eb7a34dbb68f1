import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { TaskView } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ type: TaskView, isArray: true, description: 'What waits for the caller, by role, soonest plan first' })
  @ApiOperation({ summary: 'List your tasks' })
  @ApiErrors()
  list(@CurrentUser() caller: AuthUser): Promise<TaskView[]> {
    return this.tasks.forUser(caller);
  }

  @Post('addition-limit-reports/:reportId/looked-into')
  @HttpCode(200)
  @Roles('MANAGER')
  @ApiOkResponse({
    type: TaskView,
    isArray: true,
    description:
      'A manager has looked into a report of the daily limit on additions (a LOOK_INTO_ADDITIONS task) of their agency: it leaves every manager’s tasks. Answers the caller’s tasks',
  })
  @ApiOperation({ summary: 'Mark a limit report looked into' })
  @ApiErrors(400, 404)
  async lookedInto(@CurrentUser() caller: AuthUser, @IdParam('reportId') reportId: string): Promise<TaskView[]> {
    await this.tasks.lookedInto(caller, reportId);
    return this.tasks.forUser(caller);
  }
}
