import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TasksModule } from '../tasks/tasks.module';
import { SignInController } from './pages/sign-in.controller';
import { TasksPageController } from './pages/tasks-page.controller';

/** The web UI (DESIGN §6): pages that call the same services as the API and add no rule of their own. */
@Module({
  imports: [AuthModule, TasksModule],
  controllers: [SignInController, TasksPageController],
})
export class WebModule {}
