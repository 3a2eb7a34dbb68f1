import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { CreateDeploymentDto, DeclineDeploymentDto, UpdateDeploymentDto } from '../../deployments/dto/deployment.dto';
import { DeploymentsService } from '../../deployments/deployments.service';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { DeploymentInFull } from '../../operations/plan-views';
import { TeamsService } from '../../reference-data/teams.service';
import { checkedBody, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError, render } from '../page';
import { PlanContext } from '../plan-context';
import { asTheyCome } from '../plan-change';
import { asPosted, formVersion, PlanPages, Save } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  activeDeployment,
  againstPowers,
  Answer,
  answerFields,
  answerOf,
  changedOrderBody,
  EMPTY,
  OrderForm,
  REQUEST_GONE,
  requestBody,
  taskingForm,
  taskingOf,
  TEAM_FIELDS,
  teamRequestOf,
  TeamsForm,
} from './plan-teams.form';
import { answeringAgencies, orderItems, recordRows, releasePage, teamsView } from './plan-teams.view';

/** The teams of a plan: requested and released by its owner, confirmed or declined by their agencies. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanTeamsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly deployments: DeploymentsService,
    private readonly teams: TeamsService,
    private readonly leads: LeadAssignmentService,
  ) {}

  @Get('teams')
  teamsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.drawTeams(reply, request, context, EMPTY, []);
  }

  @Post('teams')
  async requestTeam(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const posted = teamRequestOf(request.body);
    if (posted.errors.length) return this.drawTeams(reply, request, asPosted(context, request), posted.values, posted.errors);
    const requestTeam = () =>
      validated(CreateDeploymentDto, requestBody(formVersion(request), posted)).then((input) =>
        againstPowers(() => this.deployments.request(request.user!, context.plan.id, input)),
      );
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawTeams(reply, request, now, posted.values, problems, conflict);
    return this.pages.change(request, reply, context, TEAM_FIELDS, requestTeam, redraw, `/plans/${context.plan.reference}/teams`);
  }

  /** Before a team is released: what releasing it will do. */
  @Get('teams/:deploymentId/release')
  releasePage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Param('deploymentId') deploymentId: string,
  ): Promise<FastifyReply> {
    const deployment = activeDeployment(context.plan, deploymentId);
    const release = (plan: OperationView) => this.deployments.release(request.user!, plan.id, deployment.id, plan.version);
    return this.pages.confirmPage(request, reply, context, releasePage(context.plan, deployment), release);
  }

  @Post('teams/release')
  releaseTeam(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const deployment = context.plan.deployments.find((candidate) => candidate.id === formText(request.body, 'deploymentId'));
    if (!deployment)
      return this.drawTeams(reply, request, context, EMPTY, [
        { field: '', text: 'That team is no longer on this plan: the list below is up to date' },
      ]);
    const release = () => this.deployments.release(request.user!, context.plan.id, deployment.id, formVersion(request));
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.drawTeams(reply, request, now, EMPTY, problems, conflict);
    return this.pages.change(request, reply, context, TEAM_FIELDS, release, redraw, `/plans/${context.plan.reference}/teams`);
  }

  /** A partner coordinator answers a request for their agency's team, against the deployment's own version (R7). */
  @Post('teams/answer')
  answerRequest(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const answer = answerOf(request.body);
    const deployment = context.plan.deployments.find((candidate) => candidate.id === answer.deploymentId);
    if (!deployment) return this.drawTeams(reply, request, context, EMPTY, [REQUEST_GONE]);
    const redraw = (errors: FieldError[], now: PlanContext) =>
      this.drawTeams(reply, request, now, EMPTY, errors, undefined, { [deployment.id]: answer.reason });
    const act = () => this.answer(request.user!, context.plan.id, deployment.id, answer);
    // Declining ends the agency's sight of the plan (R14): the user goes back to their tasks.
    const done = answer.confirms ? `/plans/${context.plan.reference}/teams` : '/?declined';
    return this.pages.change(request, reply, context, answerFields(deployment.id), act, redraw, done);
  }

  /** Confirms the team, or declines it with the reason, against the version of the request the person answered (R7). */
  private async answer(viewer: AuthUser, planId: string, deploymentId: string, answer: Answer): Promise<unknown> {
    if (answer.confirms) return this.deployments.confirm(viewer, planId, deploymentId, answer.version);
    const input = await validated(DeclineDeploymentDto, { version: answer.version, reason: answer.reason });
    return this.deployments.decline(viewer, planId, deploymentId, input);
  }

  /**
   * One team's record: what it was asked for and what became of it. Its own agency reads it even
   * once it has left the plan (declined, or released by the owner), when the plan itself is no longer theirs to see (R14).
   */
  @Get('teams/:deploymentId')
  async record(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('deploymentId') deploymentId: string,
  ): Promise<FastifyReply> {
    if (!/^[0-9a-f-]{36}$/i.test(deploymentId)) throw DomainError.notFound('Team on this plan', deploymentId);
    const record = await this.deployments.record(request.user!, { reference }, deploymentId);
    const pageTitle = `${record.deployment.team.name}: ${record.reference}`;
    return render(reply, request, 'plan-teams/team-record.njk', {
      pageTitle,
      section: 'plans',
      record,
      marking: record.marking,
      rows: recordRows(record),
    });
  }

  /** The owner changes a requested or confirmed team's part in the order: tasking, powers, RV point, call sign. */
  @Get('teams/:deploymentId/tasking')
  taskingPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Param('deploymentId') deploymentId: string,
  ): FastifyReply {
    const values = taskingOf(deploymentId)(context.plan);
    return this.drawTasking(reply, request, this.pages.editing(context, values), activeDeployment(context.plan, deploymentId), values, []);
  }

  /** Changes what the person changed of a team's part in the order (R10): its tasking, powers, RV point, call sign. */
  @Post('teams/:deploymentId/tasking')
  changeTasking(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('deploymentId') deploymentId: string,
  ): Promise<FastifyReply> {
    return this.pages.edit(
      request,
      reply,
      reference,
      taskingForm(request.body, deploymentId),
      this.savingOrder(request, deploymentId),
      (errors, context, values, conflict) =>
        this.drawTasking(reply, request, context, activeDeployment(context.plan, deploymentId), values, errors, conflict),
      `/plans/${reference}/teams`,
    );
  }

  /** Saves the changed fields of a team's order once checked as the API checks them; answers the errors otherwise. */
  private savingOrder(request: AuthenticatedRequest, deploymentId: string): Save<OrderForm> {
    return async (values, mine, plan) => {
      const checked = await checkedBody(UpdateDeploymentDto, changedOrderBody(plan.version, values, mine), [], TEAM_FIELDS, asTheyCome);
      if (checked.errors) return checked.errors;
      await againstPowers(() => this.deployments.changeOrder(request.user!, plan.id, deploymentId, checked.input));
    };
  }

  private drawTasking(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    deployment: DeploymentInFull,
    values: OrderForm,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const data = { deployment, values, ...orderItems(context.plan, values), errors, conflict };
    return this.pages.draw(
      reply,
      request,
      'plan-teams/team-tasking.njk',
      `Tasking of ${deployment.team.name}`,
      context,
      data,
      errors.length ? 400 : 200,
    );
  }

  private async drawTeams(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: TeamsForm,
    errors: FieldError[],
    conflict?: unknown,
    reasons: Record<string, string> = {},
  ): Promise<FastifyReply> {
    const { plan } = context;
    const viewer = request.user!;
    const [teams, busy, choices, answerers] = await Promise.all([
      this.teams.list({}),
      this.deployments.busyTeams(plan),
      this.leads.choices(plan),
      this.deployments.answerers(answeringAgencies(plan, viewer)),
    ]);
    const data = {
      ...teamsView({ plan, viewer, teams, busy, choices, answerers }, values),
      values,
      reasons,
      errors,
      conflict,
      width: 'full',
    };
    return this.pages.draw(reply, request, 'plan-teams/teams.njk', 'Teams', context, data, errors.length ? 400 : 200);
  }
}
