import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Agency } from './agency.entity';
import { AgencyRepository } from './agency.repository';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeeder } from './demo-seeder';
import { Team } from './team.entity';
import { User } from './user.entity';
import { AgenciesService } from './agencies.service';
import { PowersController } from './powers.controller';
import { PowersRepository } from './powers.repository';
import { PowersService } from './powers.service';
import { AgenciesController, TeamsController, UsersController } from './reference-data.controller';
import { TeamsService } from './teams.service';
import { TeamRepository } from './team.repository';
import { UsersService } from './users.service';
import { UserRepository } from './user.repository';

@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([Agency, Team, User])],
  controllers: [AgenciesController, TeamsController, UsersController, PowersController],
  providers: [
    AgenciesService,
    TeamsService,
    UsersService,
    PowersService,
    DemoSeeder,
    AgencyRepository,
    DemoSeedRepository,
    PowersRepository,
    TeamRepository,
    UserRepository,
  ],
  exports: [UsersService, TeamsService, AgenciesService, PowersService, AgencyRepository],
})
export class ReferenceDataModule {}
