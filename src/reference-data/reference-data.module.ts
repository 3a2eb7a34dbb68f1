import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AgenciesService } from './agencies.service';
import { AgenciesController, TeamsController, UsersController } from './reference-data.controller';
import { TeamsService } from './teams.service';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  controllers: [AgenciesController, TeamsController, UsersController],
  providers: [AgenciesService, TeamsService, UsersService],
  exports: [UsersService],
})
export class ReferenceDataModule {}
