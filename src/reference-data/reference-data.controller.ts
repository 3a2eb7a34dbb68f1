import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { AgenciesService } from './agencies.service';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { CreateTeamDto, TeamQueryDto, TeamView, UpdateTeamDto } from './dto/team.dto';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { TeamsService } from './teams.service';
import { UsersService } from './users.service';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOkResponse({ type: AgencyView, isArray: true })
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: AgencyView })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(caller, body);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: AgencyView })
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateAgencyDto): Promise<AgencyView> {
    return this.agencies.update(caller, id, body);
  }
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOkResponse({ type: TeamView, isArray: true })
  list(@Query() query: TeamQueryDto): Promise<TeamView[]> {
    return this.teams.list(query);
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: TeamView })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(caller, body);
  }

  @Patch(':id')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: TeamView })
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(caller, id, body);
  }
}

@ApiTags('reference data')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserView, isArray: true })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(caller, id, body);
  }
}
