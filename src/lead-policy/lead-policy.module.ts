import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';

@Module({
  imports: [AuditModule],
  controllers: [PolicyController],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class LeadPolicyModule {}
