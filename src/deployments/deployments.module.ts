import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationsModule } from '../operations/operations.module';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsService } from './deployments.service';

@Module({
  imports: [OperationsModule, AuditModule, LeadPolicyModule],
  controllers: [DeploymentsController],
  providers: [DeploymentsService],
})
export class DeploymentsModule {}
