import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeploymentsModule } from '../deployments/deployments.module';
import { OperationsModule } from '../operations/operations.module';
import { CpsController } from './cps.controller';
import { CpsService } from './cps.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { InvolvementRepository } from './involvement.repository';

@Module({
  imports: [OperationsModule, DeploymentsModule, AuditModule],
  controllers: [CpsController, EvidenceController],
  providers: [CpsService, EvidenceService, EvidenceRepository, InvolvementRepository],
  exports: [CpsService, EvidenceService],
})
export class CpsModule {}
