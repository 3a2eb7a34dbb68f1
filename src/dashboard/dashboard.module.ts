import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ExportsService } from './exports.service';

/** The dashboard (issue 18) and the CSV downloads of the plan list and the outcomes. */
@Module({
  controllers: [DashboardController],
  providers: [DashboardService, ExportsService],
  exports: [DashboardService, ExportsService],
})
export class DashboardModule {}
