import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OperationsModule } from '../operations/operations.module';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { PlansPagesController } from './pages/plans-pages.controller';
import { SignInController } from './pages/sign-in.controller';
import { TasksPageController } from './pages/tasks-page.controller';

/** The web UI (DESIGN §6): pages that call the same services as the API and add no rule of their own. */
@Module({
  imports: [AuthModule, OperationsModule, WorkflowModule, TasksModule],
  controllers: [SignInController, TasksPageController, PlansPagesController],
})
export class WebModule {}
