import { Module } from '@nestjs/common';
import { AgenciesService } from './agencies.service';
import { AgenciesController, TeamsController, UsersController } from './reference-data.controller';
import { TeamsService } from './teams.service';
import { UsersService } from './users.service';

@Module({
  controllers: [AgenciesController, TeamsController, UsersController],
  providers: [AgenciesService, TeamsService, UsersService],
  exports: [UsersService],
})
export class ReferenceDataModule {}
