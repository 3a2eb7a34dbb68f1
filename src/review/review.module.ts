import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { OperationsModule } from '../operations/operations.module';
import { ReviewController } from './review.controller';
import { DeconflictionService } from './deconfliction.service';
import { ReviewService } from './review.service';

@Module({
  imports: [OperationsModule, AuditModule, LeadPolicyModule],
  controllers: [ReviewController],
  providers: [ReviewService, DeconflictionService],
})
export class ReviewModule {}
