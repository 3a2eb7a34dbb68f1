import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CpsModule } from '../cps/cps.module';
import { DeploymentsModule } from '../deployments/deployments.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationsModule } from '../operations/operations.module';
import { BriefingService } from './briefing.service';
import { DeconflictionService } from './deconfliction.service';
import { LifecycleService } from './lifecycle.service';
import { ReadinessService } from './readiness.service';
import { ReviewService } from './review.service';
import { WorkflowController } from './workflow.controller';

/** What happens to a plan after it is written: readiness, the lifecycle, review, deconfliction and the briefing pack. */
@Module({
  imports: [OperationsModule, DeploymentsModule, CpsModule, AuditModule, LeadPolicyModule],
  controllers: [WorkflowController],
  providers: [ReadinessService, LifecycleService, ReviewService, DeconflictionService, BriefingService],
  exports: [ReadinessService, LifecycleService, ReviewService, DeconflictionService],
})
export class WorkflowModule {}
