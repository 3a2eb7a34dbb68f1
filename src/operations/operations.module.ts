import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AdditionLimit } from './addition-limit';
import { AdditionLimitRepository } from './addition-limit.repository';
import { HitBudget } from './hit-budget';
import { LeadAgencyController } from './lead-agency.controller';
import { LeadAssignmentService } from './lead-assignment.service';
import { OperationAccess } from './operation-access';
import { OperationRepository } from './operation.repository';
import { OperationsController } from './operations.controller';
import { OrderRepository } from './order.repository';
import { PlanEditingService } from './plan-editing.service';
import { PlanEvents } from './plan-events';
import { PlanHistoryRepository } from './plan-history.repository';
import { PlanReadRepository } from './plan-read.repository';
import { PlansService } from './plans.service';
import { RvPointsController } from './rv-points.controller';
import { RvPointsService } from './rv-points.service';
import { SharingController } from './sharing.controller';
import { SharingRepository } from './sharing.repository';
import { SharingService } from './sharing.service';

/** The core every other plan module builds on: plans, their lead, their read model, and the gate for writing them. */
@Module({
  imports: [AuditModule, LeadPolicyModule, ReferenceDataModule],
  controllers: [OperationsController, LeadAgencyController, RvPointsController, SharingController],
  providers: [
    PlansService,
    PlanEditingService,
    LeadAssignmentService,
    OperationAccess,
    PlanEvents,
    RvPointsService,
    SharingService,
    HitBudget,
    AdditionLimit,
    AdditionLimitRepository,
    OperationRepository,
    OrderRepository,
    PlanHistoryRepository,
    PlanReadRepository,
    SharingRepository,
  ],
  exports: [
    PlansService,
    PlanEditingService,
    LeadAssignmentService,
    OperationAccess,
    PlanEvents,
    RvPointsService,
    SharingService,
    HitBudget,
    AdditionLimit,
    PlanHistoryRepository,
  ],
})
export class OperationsModule {}
