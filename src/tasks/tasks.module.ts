import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [OperationsModule, WorkflowModule],
  controllers: [TasksController],
  providers: [TasksService, TasksRepository],
  exports: [TasksService],
})
export class TasksModule {}
