import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { hasRole } from '../../common/auth/auth-user';
import { Roles, WebPage } from '../../common/auth/decorators';
import { AgenciesService } from '../../reference-data/agencies.service';
import { CreateTeamDto, UpdateTeamDto } from '../../reference-data/dto/team.dto';
import { TeamsService } from '../../reference-data/teams.service';
import { validated } from '../form-errors';
import { FieldError, render } from '../page';
import { saveThen, savedNow } from './reference-forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { teamForm, Values } from './admin.form';
import { teamValuesOf } from './admin.view';

/** Teams: an admin manages every agency's, a coordinator their own agency's (the service decides which). */
@ApiExcludeController()
@WebPage()
@Roles('ADMIN', 'COORDINATOR')
@UseFilters(WebExceptionFilter)
@Controller('admin/teams')
export class TeamsPagesController {
  constructor(
    private readonly teams: TeamsService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  async teamsPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('change') change?: string,
  ): Promise<FastifyReply> {
    const editing = (await this.teams.list({})).find((team) => team.id === change);
    return this.drawTeams(reply, request, teamValuesOf(editing), []);
  }

  @Post()
  async saveTeam(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { values, body } = teamForm(request.body);
    const save = () =>
      values.id
        ? validated(UpdateTeamDto, body).then((input) => this.teams.update(request.user!, values.id, input))
        : validated(CreateTeamDto, { ...body, agencyId: values.agencyId }).then((input) => this.teams.create(request.user!, input));
    return saveThen(reply, save, '/admin/teams', (errors) => this.drawTeams(reply, request, values, errors));
  }

  private async drawTeams(reply: FastifyReply, request: AuthenticatedRequest, values: Values, errors: FieldError[]): Promise<FastifyReply> {
    // A coordinator sees, and adds to, their own agency's teams; an admin every agency's.
    const viewer = request.user!;
    const own = hasRole(viewer, 'ADMIN') ? {} : { agencyId: viewer.agencyId };
    const [teams, agencies] = await Promise.all([this.teams.list(own), this.agencies.list()]);
    const offered = own.agencyId ? agencies.filter((agency) => agency.id === own.agencyId) : agencies;
    return render(
      reply,
      request,
      'admin/teams.njk',
      { pageTitle: 'Teams', section: 'admin', teams, agencies: offered, values, errors, saved: savedNow(request, 'Team saved') },
      errors.length ? 400 : 200,
    );
  }
}
