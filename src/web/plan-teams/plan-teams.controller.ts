import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { CreateDeploymentDto, DeclineDeploymentDto, UpdateDeploymentDto } from '../../deployments/dto/deployment.dto';
import { DeploymentsService } from '../../deployments/deployments.service';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { DeploymentInFull } from '../../operations/plan-views';
import { TeamsService } from '../../reference-data/teams.service';
import { checkedBody, FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError, render } from '../page';
import { PlanContext } from '../plan-context';
import { asTheyCome } from '../plan-change';
import { asPosted, formVersion, PlanPages, Save } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  activeDeployment,
  againstPowers,
  changedOrderBody,
  EMPTY,
  ORDER_LABELS,
  OrderForm,
  orderFormOf,
  orderWords,
  requestBody,
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
    const deployment = context.plan.deployments.find((candidate) => candidate.id === formText(request.body, 'deploymentId'));
    if (!deployment)
      return this.drawTeams(reply, request, context, EMPTY, [
        { field: '', text: 'That request is no longer on this plan: the list below is up to date' },
      ]);
    const [viewer, version, reason] = [
      request.user!,
      Number(formText(request.body, 'deploymentVersion')),
      formText(request.body, 'reason'),
    ];
    const fields: FieldMap = { id: (field) => (field === 'reason' ? `reason-${deployment.id}` : '') };
    const redraw = (errors: FieldError[], now: PlanContext) =>
      this.drawTeams(reply, request, now, EMPTY, errors, undefined, { [deployment.id]: reason });
    if (formText(request.body, 'answer') === 'confirm') {
      const confirm = () => this.deployments.confirm(viewer, context.plan.id, deployment.id, version);
      return this.pages.change(request, reply, context, fields, confirm, redraw, `/plans/${context.plan.reference}/teams`);
    }
    const decline = () =>
      validated(DeclineDeploymentDto, { version, reason }).then((input) =>
        this.deployments.decline(viewer, context.plan.id, deployment.id, input),
      );
    // Declining ends the agency's sight of the plan (R14): the user goes back to their tasks.
    return this.pages.change(request, reply, context, fields, decline, redraw, '/?declined');
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
    const save: Save<OrderForm> = async (values, mine, plan) => {
      const checked = await checkedBody(UpdateDeploymentDto, changedOrderBody(plan.version, values, mine), [], TEAM_FIELDS, asTheyCome);
      if (checked.errors) return checked.errors;
      await againstPowers(() => this.deployments.changeOrder(request.user!, plan.id, deploymentId, checked.input));
    };
    const form = {
      current: taskingOf(deploymentId),
      posted: orderFormOf(request.body),
      labels: ORDER_LABELS,
      fields: TEAM_FIELDS,
      words: orderWords,
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      form,
      save,
      (errors, context, values, conflict) =>
        this.drawTasking(reply, request, context, activeDeployment(context.plan, deploymentId), values, errors, conflict),
      `/plans/${reference}/teams`,
    );
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
