import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OperationsModule } from '../operations/operations.module';
import { CpsController } from './cps.controller';
import { CpsService } from './cps.service';

@Module({
  imports: [OperationsModule, AuditModule],
  controllers: [CpsController],
  providers: [CpsService],
})
export class CpsModule {}
