import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeploymentsModule } from '../deployments/deployments.module';
import { OperationsModule } from '../operations/operations.module';
import { CpsController } from './cps.controller';
import { CpsService } from './cps.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [OperationsModule, DeploymentsModule, AuditModule],
  controllers: [CpsController, EvidenceController],
  providers: [CpsService, EvidenceService],
  exports: [CpsService, EvidenceService],
})
export class CpsModule {}
