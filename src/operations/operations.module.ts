import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LeadAgencyController } from '../lead-policy/lead-agency.controller';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationAccess } from './operation-access';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

@Module({
  imports: [AuditModule, LeadPolicyModule],
  controllers: [OperationsController, LeadAgencyController],
  providers: [OperationsService, OperationAccess],
  exports: [OperationsService, OperationAccess],
})
export class OperationsModule {}
