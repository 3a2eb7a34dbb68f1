import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { DayLogController } from './day-log.controller';
import { DayLogListener } from './day-log-listener';
import { DayLogRepository } from './day-log.repository';
import { DayLogService } from './day-log.service';
import { DayLogStream } from './day-log-stream';

/** The day itself: a log of what happened, shared by every agency on the plan as it happens (issue 29). */
@Module({
  imports: [OperationsModule],
  controllers: [DayLogController],
  providers: [DayLogService, DayLogRepository, DayLogListener, DayLogStream],
  exports: [DayLogService, DayLogStream],
})
export class DayLogModule {}
