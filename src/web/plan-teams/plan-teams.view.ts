import { AuthUser, hasRole } from '../../common/auth/auth-user';
import { isActiveDeployment, POWERS } from '../../common/domain';
import { counted, label } from '../../common/labels';
import { ukDateTime } from '../../common/uk-time';
import type { DeploymentRecordView } from '../../deployments/dto/deployment.dto';
import type { Answerer } from '../../deployments/deployment.repository';
import type { Verdict } from '../../lead-policy/policy';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import type { TeamView } from '../../reference-data/dto/team.dto';
import type { StoredLocationView } from '../../operations/dto/operation.dto';
import type { DeploymentView, OperationView } from '../../operations/dto/plan-view.dto';
import { seenInFull } from '../../operations/plan-views';
import { rvText } from '../../workflow/briefing';
import type { ConfirmationPage } from '../plan-page';
import type { OrderForm, TeamsForm } from './plan-teams.form';

/** What the teams page is drawn from besides the plan: the teams, which are busy elsewhere, the support policy's verdicts, who answers each agency's requests. */
export interface TeamsFacts {
  plan: OperationView;
  viewer: AuthUser;
  teams: TeamView[];
  busy: Map<string, 'CONFIRMED' | 'REQUESTED'>;
  choices: { agency: AgencyView; support: Verdict }[];
  answerers: Map<string, Answerer>;
}

const AVAILABILITY = {
  CONFIRMED: 'Confirmed for another plan at this time: it cannot be confirmed here too',
  REQUESTED: 'Requested by another plan at this time',
};
const ELSEWHERE = { CONFIRMED: 'Confirmed for another plan: confirming here is refused', REQUESTED: 'Also requested by another plan' };

/** A location as the premises choices and list name it: its label and postcode. */
const premisesName = (location: StoredLocationView) => `${location.label} (${location.postcode})`;

/** The choices of a team's order: each power (ticked as chosen), the plan's RV points or none, and its premises (ticked as allocated). */
export function orderItems(plan: OperationView, values: OrderForm) {
  return {
    locationItems: (plan.locations ?? []).map((location) => ({
      value: location.id,
      text: premisesName(location),
      checked: values.locationIds.includes(location.id),
    })),
    powerItems: POWERS.map((power) => ({ value: power, text: label('power', power), checked: values.powers.includes(power) })),
    rvItems: [
      { value: '', text: 'No RV point', selected: !values.rvPointId },
      ...plan.rvPoints.map((point) => ({
        value: point.id,
        text: rvText(point),
        selected: point.id === values.rvPointId,
      })),
    ],
  };
}

/** Who will confirm or decline a request to an agency, when it is not its coordinators (R7). */
function whoAnswers(agency: string, answerer: Answerer | undefined): string {
  if (answerer === 'MANAGER') return `${agency} has no coordinator: a manager of ${agency} will confirm or decline this request`;
  if (answerer === 'NOBODY')
    return `${agency} has no coordinator or manager, so nobody can answer this request: ask an administrator to add one, or release the team`;
  return '';
}

/** The teams of agencies the support policy allows (R2) that are not on the plan yet, each with what it can do and whether it is free. */
function teamItems({ plan, teams, busy, choices }: TeamsFacts, values: TeamsForm) {
  const support = new Map(choices.map((choice) => [choice.agency.id, choice.support]));
  const onPlan = new Set(
    plan.deployments.filter((deployment) => isActiveDeployment(deployment.status)).map((deployment) => deployment.team.id),
  );
  return teams
    .filter((team) => !onPlan.has(team.id) && support.get(team.agencyId)?.permitted)
    .map((team) => {
      const capabilities = team.capabilities.map((capability) => label('capability', capability)).join(', ');
      const free = busy.has(team.id) ? AVAILABILITY[busy.get(team.id)!] : 'Free in this plan’s window';
      return {
        value: team.id,
        text: `${team.name} (${team.agencyCode})`,
        checked: team.id === values.teamId,
        hint: { text: `${capabilities}. ${counted(team.capacity, 'officer')}. ${free}.` },
      };
    });
}

/** The premises a team is allocated to, in words, in the plan's order; said plainly when the viewer's agency does not see the locations. */
function premisesText(plan: OperationView, deployment: DeploymentView): string {
  if (!deployment.locationIds || !plan.locations) return 'Not shared with your agency';
  const allocated = plan.locations.filter((location) => deployment.locationIds!.includes(location.id));
  return allocated.map(premisesName).join(', ') || 'None';
}

/** A team on the plan as the page lists it; another agency's team only as team, agency and status unless the viewer sees all of Teams (R14a). */
function teamRow(plan: OperationView, deployment: DeploymentView, answerers: Map<string, Answerer>) {
  const active = isActiveDeployment(deployment.status);
  const requested = deployment.status === 'REQUESTED';
  return {
    ...deployment,
    full: seenInFull(deployment),
    active,
    confirmedElsewhere: active && deployment.bookedElsewhere === 'CONFIRMED',
    elsewhereText: deployment.bookedElsewhere ? ELSEWHERE[deployment.bookedElsewhere] : 'Free',
    powersText: (deployment.powers ?? []).map((power) => label('power', power)).join(', '),
    premisesText: premisesText(plan, deployment),
    rvText: deployment.rvPoint ? rvText(deployment.rvPoint) : '',
    requested,
    answeredBy: requested ? whoAnswers(deployment.agency.name, answerers.get(deployment.agency.id)) : '',
  };
}

type TeamRow = ReturnType<typeof teamRow>;

/** A summary list's rows from pairs of key and value. */
const summaryRows = (rows: [string, string][]) => rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }));

/** What a partner is asked for, above their answer: the premises only when their agency sees the plan's places. */
function askedRows(plan: OperationView, row: TeamRow) {
  const premises: [string, string][] = row.locationIds && plan.locations ? [['Premises', row.premisesText]] : [];
  return summaryRows([
    ['When', `${ukDateTime(row.startsAt!)} to ${ukDateTime(row.endsAt!)}`],
    ['Officers', `${row.headcount} of ${row.team.capacity}`],
    ['Tasking', row.tasking || 'None given'],
    ...premises,
    ['Powers needed', row.powersText || 'None'],
    ['RV point', row.rvText || 'None'],
    ['Call sign', row.callSign || 'None given'],
    ['Asked by', `${row.requestedBy!.name}, ${ukDateTime(row.requestedAt!)}`],
    ['Elsewhere at this time', row.elsewhereText],
  ]);
}

/**
 * The teams page: the teams on the plan, the requests the viewer answers (R7: the agency's
 * coordinators; its managers while it has no coordinator), the teams that may be requested, and
 * the agencies the support policy refuses (R2), named with the reason instead of their teams.
 */
export function teamsView(facts: TeamsFacts, values: TeamsForm) {
  const { plan, viewer, teams, choices, answerers } = facts;
  const deployments = plan.deployments.map((deployment) => teamRow(plan, deployment, answerers));
  const answerer = answerers.get(viewer.agencyId);
  const mayAnswer = (answerer === 'COORDINATOR' || answerer === 'MANAGER') && hasRole(viewer, answerer);
  const toAnswer = mayAnswer
    ? deployments
        .filter((deployment) => deployment.requested && deployment.agency.id === viewer.agencyId)
        .map((deployment) => ({ ...deployment, askedRows: askedRows(plan, deployment) }))
    : [];
  const refused = choices.filter((choice) => !choice.support.permitted && teams.some((team) => team.agencyId === choice.agency.id));
  const notOffered = refused.map((choice) => ({ key: { text: choice.agency.name }, value: { text: choice.support.reason } }));
  return { items: teamItems(facts, values), notOffered, deployments, toAnswer, ...orderItems(plan, values) };
}

/** The agencies whose answer to a request the page may need: the viewer's, and each requested team's. */
export function answeringAgencies(plan: OperationView, viewer: AuthUser): string[] {
  return [
    viewer.agencyId,
    ...plan.deployments.filter((deployment) => deployment.status === 'REQUESTED').map((deployment) => deployment.agency.id),
  ];
}

/** One team's record as summary rows: what it was asked for (when the viewer sees it in full) and what became of it. */
export function recordRows({ deployment }: DeploymentRecordView) {
  const rows: [string, string][] = [['Status', label('deploymentStatus', deployment.status)]];
  if (deployment.releasedAt) rows.push(['Released', `${ukDateTime(deployment.releasedAt)}: ${deployment.releaseReason}`]);
  if (deployment.declineReason) rows.push(['Why it was declined', deployment.declineReason]);
  if (seenInFull(deployment)) {
    rows.push(
      ['Officers', String(deployment.headcount)],
      ['When', `${ukDateTime(deployment.startsAt)} to ${ukDateTime(deployment.endsAt)}`],
      ['Tasking', deployment.tasking || 'None given'],
      ['Powers needed', deployment.powers.map((power) => label('power', power)).join(', ') || 'None'],
      ['Call sign', deployment.callSign || 'None given'],
    );
  }
  return summaryRows(rows);
}

/** What releasing a team does, said before it is done: its agency is told unless it owns the plan. */
export function releasePage(plan: OperationView, deployment: DeploymentView): ConfirmationPage {
  const { team, agency } = deployment;
  const told = agency.id === plan.owningAgency.id ? '' : `${agency.name} is told on Your tasks. `;
  return {
    title: `Release ${team.name}`,
    doing: `Releasing ${team.name} (${agency.name}) takes the team off this plan and frees it for other plans. ${told}Evidence assigned to the team goes back to having no team.`,
    action: `/plans/${plan.reference}/teams/release`,
    fields: { deploymentId: deployment.id },
    button: 'Release the team',
    back: `/plans/${plan.reference}/teams`,
  };
}
