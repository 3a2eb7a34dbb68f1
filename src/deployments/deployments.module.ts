import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationsModule } from '../operations/operations.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { DeploymentEvents } from './deployment-events';
import { DeploymentRepository } from './deployment.repository';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsService } from './deployments.service';
import { PlanFollowers } from './plan-followers';

@Module({
  imports: [OperationsModule, AuditModule, LeadPolicyModule, ReferenceDataModule],
  controllers: [DeploymentsController],
  providers: [DeploymentsService, DeploymentEvents, PlanFollowers, DeploymentRepository],
  exports: [DeploymentsService, DeploymentEvents],
})
export class DeploymentsModule {}
