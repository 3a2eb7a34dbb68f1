import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { hasRole } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { isActiveDeployment, POWERS } from '../../common/domain';
import { DomainError } from '../../common/errors/domain-error';
import { counted, label } from '../../common/labels';
import { ukClock, ukDateTime } from '../../common/uk-time';
import { validationError } from '../../common/validation';
import { CreateDeploymentDto, DeclineDeploymentDto, UpdateDeploymentDto } from '../../deployments/dto/deployment.dto';
import type { Answerer } from '../../deployments/deployment.repository';
import { DeploymentsService } from '../../deployments/deployments.service';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { DeploymentInFull, seenInFull } from '../../operations/plan-views';
import { LeadAssignmentService } from '../../operations/lead-assignment.service';
import { TeamsService } from '../../reference-data/teams.service';
import { checkedBody, FieldMap, validated } from '../form-errors';
import { formList, formText } from '../forms';
import { FieldError, render } from '../page';
import { DateTimeFields, dateTimeOf, instantOf, isBlank } from '../plan-form';
import { asPosted, formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

const TEAM_FIELDS: FieldMap = {
  id: (field) => (field === 'version' ? '' : field === 'startsAt' || field === 'endsAt' ? `${field}-day` : field.split('.')[0]),
  messages: {
    teamId: 'Select a team',
    headcount: 'Enter the number of officers, a whole number from 1 to the team’s capacity',
    rvPointId: 'Select one of this plan’s RV points, or none',
    callSign: 'Enter a call sign of at most 40 characters',
  },
};

interface TeamsForm {
  teamId: string;
  headcount: string;
  tasking: string;
  powers: string[];
  rvPointId: string;
  callSign: string;
  startsAt?: DateTimeFields;
  endsAt?: DateTimeFields;
}

/** The parts of a team's order the request and change forms share: tasking, powers, RV point, call sign. */
type OrderForm = { tasking: string; powers: string[]; rvPointId: string; callSign: string };
const EMPTY: TeamsForm = { teamId: '', headcount: '', tasking: '', powers: [], rvPointId: '', callSign: '' };

const orderFormOf = (form: unknown): OrderForm => ({
  tasking: formText(form, 'tasking'),
  powers: formList(form, 'powers'),
  rvPointId: formText(form, 'rvPointId'),
  callSign: formText(form, 'callSign'),
});
const orderBody = (values: OrderForm) => ({ tasking: values.tasking, powers: values.powers, rvPointId: values.rvPointId || null, callSign: values.callSign });

const ORDER_LABELS: Record<keyof OrderForm, string> = { tasking: 'Tasking', powers: 'Powers the tasking needs', rvPointId: 'RV point', callSign: 'Call sign' };

/** A team's order as the form shows it: the powers by their names. */
function orderWords(key: keyof OrderForm, value: unknown): string {
  if (key === 'powers') return (value as string[]).map((power) => label('power', power)).join(', ') || 'None';
  return String(value || '(empty)');
}

/** The tasking form's fields as the plan holds them now, of a team the viewer sees in full. */
function taskingOf(deploymentId: string): (plan: OperationView) => OrderForm {
  return (plan) => {
    const deployment = activeDeployment({ plan, seen: 0 }, deploymentId);
    return { tasking: deployment.tasking, powers: deployment.powers, rvPointId: deployment.rvPoint?.id ?? '', callSign: deployment.callSign ?? '' };
  };
}

/** POWER_NOT_HELD is about the powers chosen: shown against them. */
async function againstPowers<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POWER_NOT_HELD') throw validationError([{ field: 'powers', problems: [error.message] }]);
    throw error;
  }
}


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
  async teamsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawTeams(reply, request, await this.pages.load(request, reference), EMPTY, []);
  }

  @Post('teams')
  async requestTeam(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values: TeamsForm = {
      teamId: formText(request.body, 'teamId'),
      headcount: formText(request.body, 'headcount').trim(),
      ...orderFormOf(request.body),
      startsAt: dateTimeOf(request.body, 'startsAt'),
      endsAt: dateTimeOf(request.body, 'endsAt'),
    };
    const errors: FieldError[] = [];
    // Only part of the plan's window: both ends given, in UK time; none given, the whole window (and it follows the plan's).
    const window: Record<string, string> = {};
    for (const field of ['startsAt', 'endsAt'] as const) {
      const fields = values[field]!;
      if (isBlank(fields)) continue;
      const { iso, error } = instantOf(field, fields);
      if (error) errors.push(error);
      else window[field] = iso!;
    }
    if (!values.teamId) errors.push({ field: 'teamId', text: 'Select a team' });
    if (!/^\d{1,4}$/.test(values.headcount) || Number(values.headcount) < 1) errors.push({ field: 'headcount', text: TEAM_FIELDS.messages!.headcount });
    const stale = asPosted(context, request);
    if (errors.length) return this.drawTeams(reply, request, stale, values, errors);
    const requestTeam = () =>
      validated(CreateDeploymentDto, { version: formVersion(request), teamId: values.teamId, headcount: Number(values.headcount), ...orderBody(values), ...window }).then((input) =>
        againstPowers(() => this.deployments.request(request.user!, context.plan.id, input)),
      );
    return this.pages.change(request, reply, context, TEAM_FIELDS, requestTeam, (problems, now, conflict) =>
      this.drawTeams(reply, request, now, values, problems, conflict),
      `/plans/${reference}/teams`,
    );
  }

  /** Before a team is released: what releasing it will do. */
  @Get('teams/:deploymentId/release')
  async releasePage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Param('deploymentId') deploymentId: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const deployment = activeDeployment(context, deploymentId);
    const title = `Release ${deployment.team.name}`;
    return this.pages.confirmPage(
      request,
      reply,
      context,
      {
        title,
        doing: `Releasing ${deployment.team.name} (${deployment.agency.name}) takes the team off this plan and frees it for other plans. ${deployment.agency.id === context.plan.owningAgency.id ? '' : `${deployment.agency.name} is told on Your tasks. `}Evidence assigned to the team goes back to having no team.`,
        action: `/plans/${reference}/teams/release`,
        fields: { deploymentId: deployment.id },
        button: 'Release the team',
        back: `/plans/${reference}/teams`,
      },
      (plan) => this.deployments.release(request.user!, plan.id, deployment.id, plan.version),
    );
  }

  @Post('teams/release')
  async releaseTeam(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const deployment = context.plan.deployments.find((candidate) => candidate.id === formText(request.body, 'deploymentId'));
    const values = EMPTY;
    if (!deployment) return this.drawTeams(reply, request, context, values, [{ field: '', text: 'That team is no longer on this plan: the list below is up to date' }]);
    return this.pages.change(request, reply, context, TEAM_FIELDS, () => this.deployments.release(request.user!, context.plan.id, deployment.id, formVersion(request)), (problems, now, conflict) =>
      this.drawTeams(reply, request, now, values, problems, conflict),
      `/plans/${reference}/teams`,
    );
  }

  /** A partner coordinator answers a request for their agency's team, against the deployment's own version (R7). */
  @Post('teams/answer')
  async answerRequest(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const deployment = context.plan.deployments.find((candidate) => candidate.id === formText(request.body, 'deploymentId'));
    const values = EMPTY;
    if (!deployment) return this.drawTeams(reply, request, context, values, [{ field: '', text: 'That request is no longer on this plan: the list below is up to date' }]);
    const version = Number(formText(request.body, 'deploymentVersion'));
    const reasonField = `reason-${deployment.id}`;
    const fields: FieldMap = { id: (field) => (field === 'reason' ? reasonField : '') };
    const redraw = (errors: FieldError[], now: PlanContext) => this.drawTeams(reply, request, now, values, errors, undefined, { [deployment.id]: formText(request.body, 'reason') });
    if (formText(request.body, 'answer') === 'confirm') {
      return this.pages.change(request, reply, context, fields, () => this.deployments.confirm(request.user!, context.plan.id, deployment.id, version), redraw, `/plans/${reference}/teams`);
    }
    // Declining ends the agency's sight of the plan (R14): the user goes back to their tasks.
    return this.pages.change(request, reply, context, fields, () => validated(DeclineDeploymentDto, { version, reason: formText(request.body, 'reason') }).then((input) => this.deployments.decline(request.user!, context.plan.id, deployment.id, input)), redraw, '/?declined');
  }

  /**
   * One team's record: what it was asked for and what became of it. Its own agency reads it even
   * once it has left the plan (declined, or released by the owner), when the plan itself is no longer theirs to see (R14).
   */
  @Get('teams/:deploymentId')
  async record(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Param('deploymentId') deploymentId: string): Promise<FastifyReply> {
    if (!/^[0-9a-f-]{36}$/i.test(deploymentId)) throw DomainError.notFound('Team on this plan', deploymentId);
    const record = await this.deployments.record(request.user!, { reference }, deploymentId);
    const { deployment } = record;
    const rows: [string, string][] = [
      ['Status', label('deploymentStatus', deployment.status)],
      ...(deployment.releasedAt ? [['Released', `${ukDateTime(deployment.releasedAt)}: ${deployment.releaseReason}`] as [string, string]] : []),
      ...(deployment.declineReason ? [['Why it was declined', deployment.declineReason] as [string, string]] : []),
      ...(seenInFull(deployment)
        ? ([
            ['Officers', String(deployment.headcount)],
            ['When', `${ukDateTime(deployment.startsAt)} to ${ukDateTime(deployment.endsAt)}`],
            ['Tasking', deployment.tasking || 'None given'],
            ['Powers needed', deployment.powers.map((power) => label('power', power)).join(', ') || 'None'],
            ['Call sign', deployment.callSign || 'None given'],
          ] as [string, string][])
        : []),
    ];
    return render(reply, request, 'team-record.njk', {
      pageTitle: `${deployment.team.name}: ${record.reference}`,
      section: 'plans',
      record,
      marking: record.marking,
      rows: rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
    });
  }

  /** The owner changes a requested or confirmed team's part in the order: tasking, powers, RV point, call sign. */
  @Get('teams/:deploymentId/tasking')
  async taskingPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('deploymentId') deploymentId: string,
  ): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = taskingOf(deploymentId)(context.plan);
    return this.drawTasking(reply, request, this.pages.editing(context, values), activeDeployment(context, deploymentId), values, []);
  }

  /** Changes what the person changed of a team's part in the order (R10): its tasking, powers, RV point, call sign. */
  @Post('teams/:deploymentId/tasking')
  async changeTasking(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('deploymentId') deploymentId: string,
  ): Promise<FastifyReply> {
    const save = async (values: OrderForm, mine: (keyof OrderForm)[], plan: OperationView) => {
      const changed = Object.fromEntries(Object.entries(orderBody(values)).filter(([key]) => mine.includes(key as keyof OrderForm)));
      const checked = await checkedBody(UpdateDeploymentDto, { version: plan.version, ...changed }, [], TEAM_FIELDS, (ours, theirs = []) => [...ours, ...theirs]);
      if (checked.errors) return checked.errors;
      await againstPowers(() => this.deployments.changeOrder(request.user!, plan.id, deploymentId, checked.input));
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      { current: taskingOf(deploymentId), posted: orderFormOf(request.body), labels: ORDER_LABELS, fields: TEAM_FIELDS, words: orderWords },
      save,
      (errors, context, values, conflict) => this.drawTasking(reply, request, context, activeDeployment(context, deploymentId), values, errors, conflict),
      `/plans/${reference}/teams`,
    );
  }

  private drawTasking(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, deployment: DeploymentInFull, values: OrderForm, errors: FieldError[], conflict?: unknown): FastifyReply {
    const title = `Tasking of ${deployment.team.name}`;
    return this.pages.draw(reply, request, 'team-tasking.njk', title, context, { deployment, values, ...orderItems(context, values), errors, conflict }, errors.length ? 400 : 200);
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
    const viewer = request.user!;
    const requested = context.plan.deployments.filter((deployment) => deployment.status === 'REQUESTED');
    const [teams, busy, choices, answerers] = await Promise.all([
      this.teams.list({}),
      this.deployments.busyTeams(context.plan),
      this.leads.choices(context.plan),
      this.deployments.answerers([viewer.agencyId, ...requested.map((deployment) => deployment.agency.id)]),
    ]);
    // Teams of an agency the support policy refuses are not offered (R2): the agency is named with the reason instead.
    const support = new Map(choices.map((choice) => [choice.agency.id, choice.support]));
    const refused = choices.filter((choice) => !choice.support.permitted && teams.some((team) => team.agencyId === choice.agency.id));
    const onPlan = new Set(context.plan.deployments.filter((deployment) => isActiveDeployment(deployment.status)).map((deployment) => deployment.team.id));
    const availability = { CONFIRMED: 'Confirmed for another plan at this time: it cannot be confirmed here too', REQUESTED: 'Requested by another plan at this time' };
    const items = teams
      .filter((team) => !onPlan.has(team.id) && support.get(team.agencyId)?.permitted)
      .map((team) => ({
        value: team.id,
        text: `${team.name} (${team.agencyCode})`,
        checked: team.id === values.teamId,
        hint: {
          text: `${team.capabilities.map((capability) => label('capability', capability)).join(', ')}. ${counted(team.capacity, 'officer')}. ${busy.has(team.id) ? availability[busy.get(team.id)!] : 'Free in this plan’s window'}.`,
        },
      }));
    // Another agency's team is shown as team, agency and status unless the viewer sees all of Teams (R14a).
    const deployments = context.plan.deployments.map((deployment) => ({
      ...deployment,
      full: seenInFull(deployment),
      active: isActiveDeployment(deployment.status),
      powersText: (deployment.powers ?? []).map((power) => label('power', power)).join(', '),
      rvText: deployment.rvPoint ? `${deployment.rvPoint.name}, ${ukClock(deployment.rvPoint.meetAt)}` : '',
      answeredBy: deployment.status === 'REQUESTED' ? whoAnswers(deployment.agency.name, answerers.get(deployment.agency.id)) : '',
    }));
    // R7: the agency's coordinators answer its requests; its managers while it has no coordinator.
    const answerer = answerers.get(viewer.agencyId);
    const mayAnswer = (answerer === 'COORDINATOR' || answerer === 'MANAGER') && hasRole(viewer, answerer);
    const toAnswer = mayAnswer ? deployments.filter((deployment) => deployment.status === 'REQUESTED' && deployment.agency.id === viewer.agencyId) : [];
    const notOffered = refused.map((choice) => ({ key: { text: choice.agency.name }, value: { text: choice.support.reason } }));
    return this.pages.draw(reply, request, 'teams.njk', 'Teams', context, { items, notOffered, values, ...orderItems(context, values), deployments, toAnswer, reasons, errors, conflict, width: 'full' }, errors.length ? 400 : 200);
  }
}

/** Who will confirm or decline a request to an agency, when it is not its coordinators (R7). */
function whoAnswers(agency: string, answerer: Answerer | undefined): string {
  if (answerer === 'MANAGER') return `${agency} has no coordinator: a manager of ${agency} will confirm or decline this request`;
  if (answerer === 'NOBODY') return `${agency} has no coordinator or manager, so nobody can answer this request: ask an administrator to add one, or release the team`;
  return '';
}

/** A team on the plan whose order may change, as the viewer sees it in full: requested or confirmed. */
function activeDeployment(context: PlanContext, deploymentId: string): DeploymentInFull {
  const deployment = context.plan.deployments.filter(seenInFull).find((candidate) => candidate.id === deploymentId && isActiveDeployment(candidate.status));
  if (!deployment) throw DomainError.notFound('Team on this plan', deploymentId);
  return deployment;
}

/** The choices of a team's order: each power (ticked as chosen) and the plan's RV points, or none. */
function orderItems(context: PlanContext, values: OrderForm) {
  return {
    powerItems: POWERS.map((power) => ({ value: power, text: label('power', power), checked: values.powers.includes(power) })),
    rvItems: [
      { value: '', text: 'No RV point', selected: !values.rvPointId },
      ...context.plan.rvPoints.map((point) => ({ value: point.id, text: `${point.name}, ${ukClock(point.meetAt)}`, selected: point.id === values.rvPointId })),
    ],
  };
}
