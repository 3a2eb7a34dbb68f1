import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
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
  @ApiOperation({ summary: 'List agencies' })
  @ApiErrors()
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: AgencyView })
  @ApiOperation({ summary: 'Add an agency' })
  @ApiErrors(400, 409)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(caller, body);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: AgencyView })
  @ApiOperation({ summary: 'Change an agency' })
  @ApiErrors(400, 404, 409)
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
  @ApiOperation({ summary: 'List teams' })
  @ApiErrors(400)
  list(@Query() query: TeamQueryDto): Promise<TeamView[]> {
    return this.teams.list(query);
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: TeamView })
  @ApiOperation({ summary: 'Add a team' })
  @ApiErrors(400, 404, 409)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(caller, body);
  }

  @Patch(':id')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: TeamView })
  @ApiOperation({ summary: 'Change a team' })
  @ApiErrors(400, 404, 409)
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
  @ApiOperation({ summary: 'List users' })
  @ApiErrors()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: UserView })
  @ApiOperation({ summary: 'Add a user' })
  @ApiErrors(400, 409)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiOperation({ summary: 'Change a user' })
  @ApiErrors(400, 404, 409)
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(caller, id, body);
  }
}
