import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CpsModule } from '../cps/cps.module';
import { DayLogModule } from '../day-log/day-log.module';
import { DeploymentsModule } from '../deployments/deployments.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationsModule } from '../operations/operations.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { BriefingService } from './briefing.service';
import { CardsService } from './cards.service';
import { ConsequencesService } from './consequences.service';
import { DocumentRenderer } from './documents/document-renderer';
import { DeconflictionRepository } from './deconfliction.repository';
import { DeconflictionService } from './deconfliction.service';
import { LifecycleService } from './lifecycle.service';
import { ReadinessService } from './readiness.service';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { SignOffController } from './sign-off.controller';
import { SignOffRepository } from './sign-off.repository';
import { SignOffService } from './sign-off.service';
import { WorkflowController } from './workflow.controller';

/** What happens to a plan after it is written: readiness, the lifecycle, review, each partner's sign-off, deconfliction, the briefing pack and the premises cards. */
@Module({
  imports: [OperationsModule, DeploymentsModule, DayLogModule, CpsModule, SubjectsModule, AuditModule, LeadPolicyModule],
  controllers: [WorkflowController, SignOffController],
  providers: [
    ReadinessService,
    LifecycleService,
    ReviewService,
    SignOffService,
    DeconflictionService,
    BriefingService,
    CardsService,
    DocumentRenderer,
    ConsequencesService,
    DeconflictionRepository,
    ReviewRepository,
    SignOffRepository,
  ],
  exports: [
    BriefingService,
    CardsService,
    ReadinessService,
    LifecycleService,
    ReviewService,
    SignOffService,
    DeconflictionService,
    ConsequencesService,
  ],
})
export class WorkflowModule {}
