import type { OperationStatus } from '../common/domain';
import { label } from '../common/labels';
import { readinessStage } from '../common/lifecycle';
import { CANCELLED_RELEASE, COMPLETED_RELEASE, STOOD_DOWN_RELEASE } from '../common/release-reasons';
import type { DeploymentView, OperationView } from '../operations/dto/plan-view.dto';
import type { ReadinessView } from '../workflow/dto/workflow.dto';

/** The sub-pages of a plan, in the order a coordinator works through them. */
export const SECTIONS = [
  { path: 'details', text: 'Details and briefing (IIMARCH)' },
  { path: 'locations', text: 'Locations, strike times and entry' },
  { path: 'timings', text: 'Timings and RV points' },
  { path: 'lead', text: 'Lead agency' },
  { path: 'command', text: 'Command' },
  { path: 'teams', text: 'Teams' },
  { path: 'risks', text: 'Risk assessment' },
  { path: 'safeguarding', text: 'Safeguarding and the NRM' },
  { path: 'communications', text: 'Communications' },
  { path: 'cps', text: 'Early CPS involvement' },
  { path: 'evidence', text: 'Evidence a prosecution will need' },
  { path: 'subjects', text: 'Subjects of interest' },
  { path: 'conflicts', text: 'Deconfliction' },
  { path: 'submit', text: 'Check and submit' },
  { path: 'sign-off', text: 'Partner sign-off' },
  { path: 'sharing', text: 'Sharing with partner agencies' },
  { path: 'review', text: 'Review (managers)' },
  { path: 'day', text: 'The day’s board' },
  { path: 'briefing', text: 'Briefing pack' },
  { path: 'cards', text: 'Premises cards' },
  { path: 'history', text: 'History' },
] as const;

/** Each readiness check: what it is called on the task list, and the sub-page where it is fixed. */
const CHECKS: Record<string, { title: string; path: string }> = {
  'lead-agency': { title: 'Choose a lead agency the policy permits', path: 'lead' },
  locations: { title: 'Add the places of the day of action', path: 'locations' },
  'window-in-future': { title: 'Set a window in the future', path: 'details' },
  'start-window': { title: 'Start within the start window', path: 'details' },
  'confirmed-deployment': { title: 'Have at least one team confirmed', path: 'teams' },
  'no-pending-requests': { title: 'Get an answer to every team request', path: 'teams' },
  'supporting-agencies-permitted': { title: 'Use only supporting agencies the policy permits', path: 'teams' },
  'cps-engaged': { title: 'Engage the CPS early', path: 'cps' },
  'evidence-requirements': { title: 'Agree the evidence a prosecution will need', path: 'evidence' },
  'essential-evidence-assigned': { title: 'Assign every essential evidence requirement to a confirmed team', path: 'evidence' },
  'cps-lead-time': { title: 'Give the CPS enough notice', path: 'cps' },
  'evidence-capability': { title: 'Match evidence to teams that can gather it', path: 'evidence' },
  safeguarding: { title: 'Prepare to safeguard potential victims', path: 'safeguarding' },
  deconfliction: { title: 'Acknowledge every deconfliction hit', path: 'conflicts' },
  interpreting: { title: 'Have a team that can interpret', path: 'teams' },
  'warrants-valid': { title: 'Have a warrant valid at each strike that relies on one', path: 'locations' },
  'high-risks-accepted': { title: 'Have a senior officer accept each high residual risk', path: 'risks' },
  'partner-sign-off': { title: 'Have each supporting agency sign off its part', path: 'sign-off' },
  'risk-assessment': { title: 'Assess the risks', path: 'risks' },
  'entry-and-strike': { title: 'Set each location’s strike time and entry basis', path: 'locations' },
  'teams-at-premises': { title: 'Allocate a team to each location', path: 'teams' },
  timings: { title: 'Set the briefing, the RV points and the debrief', path: 'timings' },
  communications: { title: 'Record the radio channel and the control room', path: 'communications' },
  'first-responders': { title: 'Name the NRM first responders for the day', path: 'safeguarding' },
  interpreters: { title: 'Book an interpreter for each language expected', path: 'safeguarding' },
  'medical-cover': { title: 'Arrange medical cover', path: 'safeguarding' },
  'reception-hours': { title: 'Have the reception centre open at every strike', path: 'safeguarding' },
};

/** An item of a GOV.UK task list (govukTaskList's `items`). */
export interface ReadinessItem {
  title: { text: string };
  hint: { text: string };
  href?: string;
  status: { text: string; classes?: string } | { html: string };
}

/**
 * A check still to pass, as govukTag draws it (the same markup, from fixed words): drawn here, not
 * by a govukTag call per item, a plan page's task list renders in half the time (bench/results.md).
 */
const TO_DO = {
  blocking: '<strong class="govuk-tag govuk-tag--blue">Incomplete</strong>',
  warning: '<strong class="govuk-tag govuk-tag--yellow">Warning</strong>',
};

/**
 * The readiness checks as a GOV.UK task list: each links to where it is fixed and says whether it
 * is done; one with nothing to check yet says it is not needed yet, unlinked, as the pattern has a
 * task that cannot be started yet.
 */
export function readinessItems(reference: string, readiness: ReadinessView): ReadinessItem[] {
  return readiness.checks.map((check) => {
    const known = CHECKS[check.id] ?? { title: check.id, path: 'details' };
    const item = { title: { text: known.title }, hint: { text: check.message } };
    if (!check.applies) return { ...item, status: { text: 'Not needed yet', classes: 'govuk-task-list__status--cannot-start-yet' } };
    return {
      ...item,
      href: `/plans/${reference}/${known.path}`,
      status: check.ok ? { text: 'Completed' } : { html: check.blocking ? TO_DO.blocking : TO_DO.warning },
    };
  });
}

/** What the checks are for, as the plan page heads them and sums them up. */
const STAGES = {
  submit: {
    heading: 'Readiness to submit',
    ready: 'Every check that stops submission passes.',
    notReady: 'Fix the checks marked incomplete before the plan can be submitted.',
  },
  approve: {
    heading: 'Readiness to be approved',
    ready: 'Every check that stops approval passes.',
    notReady: 'The checks marked incomplete must pass before a manager can approve the plan.',
  },
  start: {
    heading: 'Readiness to start',
    ready: 'Every go/no-go check passes: the day of action can start once its start window opens.',
    notReady: 'The checks marked incomplete must pass before the day of action can start.',
  },
};

/** The readiness part of a plan's page, for a plan with a next step to be ready for; null for one under way or ended. */
export function readinessSection(plan: Pick<OperationView, 'reference' | 'status'>, readiness: ReadinessView) {
  const stage = readinessStage(plan.status);
  if (!stage) return null;
  const text = STAGES[stage];
  return { heading: text.heading, summary: readiness.ready ? text.ready : text.notReady, items: readinessItems(plan.reference, readiness) };
}

/** How each ending of a plan is recorded: what its teams' release says, why it ended, what it achieved. */
const ENDINGS: Partial<Record<OperationStatus, { heading: string; release: string; reason?: string; outcomes?: string; team: string }>> = {
  COMPLETED: {
    heading: 'Record of the day of action',
    release: COMPLETED_RELEASE,
    outcomes: 'Outcomes',
    team: 'Deployed; released when the day of action was completed',
  },
  STOOD_DOWN: {
    heading: 'Record of the day of action',
    release: STOOD_DOWN_RELEASE,
    reason: 'Why it was stood down',
    outcomes: 'Outcomes so far',
    team: 'Deployed; released when the day of action was stood down',
  },
  CANCELLED: {
    heading: 'Record of the plan',
    release: CANCELLED_RELEASE,
    reason: 'Why it was cancelled',
    team: 'Released when the plan was cancelled',
  },
};

const OUTCOMES = [
  ['arrests', 'Arrests'],
  ['potentialVictimsSafeguarded', 'Potential victims safeguarded'],
  ['nrmReferrals', 'NRM referrals'],
  ['premisesVisited', 'Premises visited'],
] as const;

/**
 * A team on the record of a plan under way or ended, with what became of it: confirmed on the day, or
 * released when the plan ended (a reader shown another agency's team as team, agency and status only
 * reads "Released"); a team released or declined before then is not on the record.
 */
function recordedTeam(plan: OperationView, deployment: DeploymentView): string | null {
  if (deployment.status === 'CONFIRMED') return 'Deployed';
  if (deployment.status !== 'RELEASED') return null;
  if (deployment.releaseReason === undefined) return label('deploymentStatus', 'RELEASED');
  const ending = ENDINGS[plan.status];
  return ending && deployment.releaseReason === ending.release ? ending.team : null;
}

/**
 * In place of readiness, the record of a day of action under way or ended: why it ended, the
 * outcomes, and who was deployed, as the reader may see them.
 */
export function planRecord(plan: OperationView) {
  if (readinessStage(plan.status)) return null;
  const ending = ENDINGS[plan.status];
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const outcomes = plan.outcomes;
  const teams = plan.deployments.flatMap((deployment) => {
    const what = recordedTeam(plan, deployment);
    const officers = deployment.headcount === undefined ? 'Not shared' : String(deployment.headcount);
    return what
      ? [[{ text: deployment.team.name }, { text: deployment.agency.code }, { text: officers, format: 'numeric' }, { text: what }]]
      : [];
  });
  return {
    heading: ending?.heading ?? 'The day of action is under way',
    reasons: ending?.reason ? [row(ending.reason, plan.cancelReason ?? '')] : [],
    outcomes: ending?.outcomes
      ? {
          heading: ending.outcomes,
          rows: outcomes
            ? [...OUTCOMES.map(([key, text]) => row(text, String(outcomes[key]))), row('Notes', outcomes.notes?.trim() || 'None recorded')]
            : [],
        }
      : null,
    teams,
  };
}
