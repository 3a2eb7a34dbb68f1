import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OperationsModule } from '../operations/operations.module';
import { SubjectMatchKey } from './match-key';
import { SubjectsController } from './subjects.controller';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';

/** Subjects of interest on a plan, matched blind between plans (subject deconfliction). */
@Module({
  imports: [AuditModule, OperationsModule],
  controllers: [SubjectsController],
  providers: [SubjectsService, SubjectMatchKey, SubjectsRepository],
  exports: [SubjectsService],
})
export class SubjectsModule {}
