import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { ExportsService } from './exports.service';
import { PlanExportRepository } from './plan-export.repository';

/** The dashboard (issue 18) and the CSV downloads of the plan list and the outcomes. */
@Module({
  controllers: [DashboardController],
  providers: [DashboardService, ExportsService, DashboardRepository, PlanExportRepository],
  exports: [DashboardService, ExportsService],
})
export class DashboardModule {}
