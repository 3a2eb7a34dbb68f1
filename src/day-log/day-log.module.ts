import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { DayLogController } from './day-log.controller';
import { DayLogRepository } from './day-log.repository';
import { DayLogService } from './day-log.service';

/** The day itself: a log of what happened, shared by every agency on the plan as it happens (issue 29). */
@Module({
  imports: [OperationsModule],
  controllers: [DayLogController],
  providers: [DayLogService, DayLogRepository],
  exports: [DayLogService],
})
export class DayLogModule {}
