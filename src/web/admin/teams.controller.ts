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
import { formList, formText } from '../forms';
import { FieldError, render } from '../page';
import { saveThen, savedNow } from './reference-forms';
import { WebExceptionFilter } from '../web-exception.filter';

type Values = Record<string, string | string[]>;

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
  async teamsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('change') change?: string): Promise<FastifyReply> {
    const teams = await this.teams.list({});
    const editing = teams.find((team) => team.id === change);
    return this.drawTeams(reply, request, editing ? { id: editing.id, agencyId: editing.agencyId, name: editing.name, capabilities: editing.capabilities, capacity: String(editing.capacity) } : { capabilities: [] }, []);
  }

  @Post()
  async saveTeam(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = { id: formText(request.body, 'id'), agencyId: formText(request.body, 'agencyId'), name: formText(request.body, 'name'), capabilities: formList(request.body, 'capabilities'), capacity: formText(request.body, 'capacity').trim() };
    const capacity = /^\d{1,6}$/.test(values.capacity) ? Number(values.capacity) : values.capacity;
    const body = { name: values.name, capabilities: values.capabilities, capacity };
    return saveThen(
      reply,
      () => (values.id ? validated(UpdateTeamDto, body).then((input) => this.teams.update(request.user!, values.id, input)) : validated(CreateTeamDto, { ...body, agencyId: values.agencyId }).then((input) => this.teams.create(request.user!, input))),
      '/admin/teams',
      (errors) => this.drawTeams(reply, request, values, errors),
    );
  }

  private async drawTeams(reply: FastifyReply, request: AuthenticatedRequest, values: Values, errors: FieldError[]): Promise<FastifyReply> {
    // A coordinator sees, and adds to, their own agency's teams; an admin every agency's.
    const viewer = request.user!;
    const own = hasRole(viewer, 'ADMIN') ? {} : { agencyId: viewer.agencyId };
    const [teams, agencies] = await Promise.all([this.teams.list(own), this.agencies.list()]);
    const offered = own.agencyId ? agencies.filter((agency) => agency.id === own.agencyId) : agencies;
    return render(reply, request, 'admin/teams.njk', { pageTitle: 'Teams', section: 'admin', teams, agencies: offered, values, errors, saved: savedNow(request, 'Team saved') }, errors.length ? 400 : 200);
  }
}
