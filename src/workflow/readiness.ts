import type { AgencyKind, ExploitationType, OperationStatus, PlanSection, Scope } from '../common/domain';
import { counted, label } from '../common/labels';
import { mayLead, maySupport, RuleData } from '../lead-policy/policy';
import { ukDateTime } from '../common/uk-time';
import { orderChecks, OrderFacts } from './order-readiness';
import { needsSeniorAcceptance } from '../operations/order';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const CPS_LEAD_TIME_DAYS = 7;

/** What readiness reads of a plan, loaded fresh on every call. */
export interface ReadinessFacts {
  now: Date;
  startsAt: Date;
  endsAt: Date;
  exploitationTypes: ExploitationType[];
  scope: Scope;
  lead: { code: string; kind: AgencyKind } | null;
  locationCount: number;
  /** Deployments that count: REQUESTED or CONFIRMED. */
  deployments: {
    teamId: string;
    teamName: string;
    agencyCode: string;
    agencyKind: AgencyKind;
    status: 'REQUESTED' | 'CONFIRMED';
    capabilities: string[];
  }[];
  cps: { status: string; engagedAt: Date | null } | null;
  evidence: { description: string; priority: 'ESSENTIAL' | 'DESIRABLE'; assignedTeamId: string | null; warning: string | null }[];
  expectedPotentialVictims: number;
  receptionCentre: string | null;
  languages: string[];
  conflicts: { reference: string; acknowledged: boolean }[];
  order: OrderFacts;
}

export interface ReadinessCheck {
  id: string;
  ok: boolean;
  /** False while there is nothing to check yet: the check passes, and its message says why it is not needed. */
  applies: boolean;
  blocking: boolean;
  message: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

/**
 * What the checks are for: submitting a plan (its window must still be ahead), approving it
 * (each supporting agency has signed off its part), or the go/no-go of starting it, allowed from
 * `startWindowHours` before the window opens until it closes.
 */
export type ReadinessStage = { stage: 'submit' } | { stage: 'approve' } | { stage: 'start'; startWindowHours: number };

const list = (items: string[]) => [...new Set(items)].join(', ');

/**
 * The section each check reads (R14a): a reader is shown a check only if they see its section. The
 * checks about teams name only team, agency and status, which every agency on the plan sees.
 */
export const CHECK_SECTIONS: Record<string, PlanSection> = {
  'lead-agency': 'CORE',
  'window-in-future': 'CORE',
  'start-window': 'CORE',
  'confirmed-deployment': 'CORE',
  'no-pending-requests': 'CORE',
  'supporting-agencies-permitted': 'CORE',
  interpreting: 'CORE',
  'partner-sign-off': 'CORE',
  timings: 'CORE',
  communications: 'CORE',
  'risk-assessment': 'CORE',
  'high-risks-accepted': 'CORE',
  locations: 'PLACES',
  'warrants-valid': 'PLACES',
  'entry-and-strike': 'PLACES',
  'teams-at-premises': 'PLACES',
  'reception-hours': 'PLACES',
  safeguarding: 'SAFEGUARDING',
  'first-responders': 'SAFEGUARDING',
  interpreters: 'SAFEGUARDING',
  'medical-cover': 'SAFEGUARDING',
  deconfliction: 'INTELLIGENCE',
  'cps-engaged': 'PROSECUTION',
  'evidence-requirements': 'PROSECUTION',
  'essential-evidence-assigned': 'PROSECUTION',
  'cps-lead-time': 'PROSECUTION',
  'evidence-capability': 'PROSECUTION',
  'under-way': 'CORE',
  ended: 'CORE',
};

const victimsExpected = (facts: ReadinessFacts) => facts.expectedPotentialVictims > 0;
const languagesNeeded = (facts: ReadinessFacts) => facts.languages.length > 0;

/**
 * The checks that apply only once there is something to check, and what each says until then. A
 * check with nothing to check passes (it cannot fail), but is not done: the task list says "Not
 * needed yet" rather than "Completed". The checks not listed here always apply.
 */
const NOT_YET: Record<string, { applies: (facts: ReadinessFacts) => boolean; message: string }> = {
  'no-pending-requests': { applies: (f) => f.deployments.length > 0, message: 'No team has been requested yet' },
  'supporting-agencies-permitted': { applies: (f) => f.deployments.length > 0, message: 'No team has been requested yet' },
  'essential-evidence-assigned': {
    applies: (f) => f.evidence.some((e) => e.priority === 'ESSENTIAL'),
    message: 'No evidence requirement is essential yet',
  },
  'cps-lead-time': { applies: (f) => Boolean(f.cps?.engagedAt), message: 'The CPS is not engaged yet' },
  'evidence-capability': {
    applies: (f) => f.evidence.some((e) => e.assignedTeamId !== null),
    message: 'No evidence is assigned to a team yet',
  },
  safeguarding: { applies: victimsExpected, message: 'No potential victims expected' },
  deconfliction: { applies: (f) => f.conflicts.length > 0, message: 'No deconfliction hits' },
  interpreting: { applies: languagesNeeded, message: 'No languages needed' },
  'warrants-valid': {
    applies: (f) => f.order.locations.some((l) => l.entry?.basis === 'WARRANT'),
    message: 'No entry relies on a warrant',
  },
  'high-risks-accepted': { applies: (f) => f.order.risks.some((r) => needsSeniorAcceptance(r.residual)), message: 'No high residual risk' },
  'partner-sign-off': {
    applies: (f) => f.order.signOffs.length > 0,
    message: 'No supporting agency has a confirmed team, so none needs to sign off',
  },
  'entry-and-strike': { applies: (f) => f.order.locations.length > 0, message: 'No locations yet' },
  'teams-at-premises': { applies: (f) => f.order.locations.length > 0 || f.deployments.length > 0, message: 'No locations or teams yet' },
  'first-responders': { applies: victimsExpected, message: 'No potential victims expected' },
  interpreters: { applies: languagesNeeded, message: 'No languages needed' },
  'medical-cover': { applies: victimsExpected, message: 'No potential victims expected' },
  'reception-hours': { applies: victimsExpected, message: 'No potential victims expected' },
};

/**
 * The readiness of a plan with no next step to be ready for: under way (it was started after the
 * go/no-go checks; what is left is to complete it or stand it down), or ended. Not ready, with one
 * check saying why, rather than a submission's checks it could only fail (a window in the past).
 */
export function noNextStep(plan: { reference: string; status: OperationStatus }): Readiness {
  const [id, message] =
    plan.status === 'ACTIVE'
      ? [
          'under-way',
          `The day of action is under way: ${plan.reference} was started after its go/no-go checks; what is left is to complete it with its outcomes, or stand it down`,
        ]
      : ['ended', `${plan.reference} has been ${label('status', plan.status).toLowerCase()}: there is no next step to be ready for`];
  return { ready: false, checks: [{ id, ok: false, applies: true, blocking: true, message }] };
}

/** R11: every check, each with a stable id and a message that says what to do next (or why it is not needed yet). */
export function readiness(facts: ReadinessFacts, rules: RuleData[], purpose: ReadinessStage = { stage: 'submit' }): Readiness {
  const confirmed = facts.deployments.filter((d) => d.status === 'CONFIRMED');
  const confirmedTeams = new Set(confirmed.map((d) => d.teamId));
  const checks: ReadinessCheck[] = [];
  const check = (id: string, ok: boolean, okMessage: string, failMessage: string, blocking = true) => {
    const notYet = NOT_YET[id] && !NOT_YET[id].applies(facts) ? NOT_YET[id].message : null;
    checks.push({ id, ok, applies: notYet === null, blocking, message: notYet ?? (ok ? okMessage : failMessage) });
  };

  const leadVerdict = facts.lead && mayLead(facts.lead.kind, facts, rules);
  check(
    'lead-agency',
    Boolean(leadVerdict?.permitted),
    `${facts.lead?.code} leads, as the policy allows`,
    !facts.lead ? 'Choose a lead agency' : `${leadVerdict?.reason}: choose another lead agency`,
  );
  if (purpose.stage !== 'start') {
    check(
      'window-in-future',
      facts.startsAt > facts.now,
      'The day of action is still ahead',
      `The window started ${ukDateTime(facts.startsAt)}: move it into the future`,
    );
  } else {
    const opensAt = new Date(facts.startsAt.getTime() - purpose.startWindowHours * HOUR_MS);
    check(
      'start-window',
      facts.now >= opensAt && facts.now < facts.endsAt,
      'The day of action can start now',
      facts.now < opensAt
        ? `The plan can be started from ${ukDateTime(opensAt)}, ${purpose.startWindowHours} hours before its window opens`
        : `The window closed ${ukDateTime(facts.endsAt)}: cancel the plan, or move its window and have it approved again`,
    );
  }
  check('locations', facts.locationCount > 0, counted(facts.locationCount, 'location'), 'Add at least one location');
  check(
    'confirmed-deployment',
    confirmed.length > 0,
    counted(confirmed.length, 'confirmed team'),
    'Deploy at least one team and have it confirmed',
  );
  const pending = facts.deployments.filter((d) => d.status === 'REQUESTED');
  check(
    'no-pending-requests',
    pending.length === 0,
    'No team request is waiting for an answer',
    `Waiting for ${list(pending.map((d) => d.agencyCode))} to confirm or decline: ${list(pending.map((d) => d.teamName))}`,
  );
  const refused = facts.deployments
    .map((d) => ({ d, verdict: maySupport(d.agencyKind, facts, rules) }))
    .filter(({ verdict }) => !verdict.permitted);
  check(
    'supporting-agencies-permitted',
    refused.length === 0,
    'Every supporting agency is allowed under the policy',
    `Release ${list(refused.map(({ d }) => d.teamName))}: ${list(refused.map(({ verdict }) => verdict.reason))}`,
  );
  check(
    'cps-engaged',
    facts.cps?.status === 'ENGAGED',
    'A CPS liaison is engaged',
    facts.cps?.status === 'REQUESTED'
      ? 'Early involvement is requested; wait for a CPS liaison to accept it'
      : 'Request early CPS involvement',
  );
  check(
    'evidence-requirements',
    facts.evidence.length > 0,
    counted(facts.evidence.length, 'evidence requirement'),
    'The CPS liaison has set no evidence requirements yet',
  );
  const uncovered = facts.evidence.filter((e) => e.priority === 'ESSENTIAL' && !(e.assignedTeamId && confirmedTeams.has(e.assignedTeamId)));
  check(
    'essential-evidence-assigned',
    uncovered.length === 0,
    'Every essential evidence requirement has a confirmed team',
    `Assign to a confirmed team: ${list(uncovered.map((e) => e.description))}`,
  );
  const safeguardingTeam = confirmed.some((d) => d.capabilities.includes('SAFEGUARDING'));
  const safeguardingProblems = [
    !facts.receptionCentre && 'name a reception centre',
    !safeguardingTeam && 'deploy a confirmed team that can safeguard',
  ].filter(Boolean);
  check(
    'safeguarding',
    !victimsExpected(facts) || safeguardingProblems.length === 0,
    `Reception centre and safeguarding team ready for ${counted(facts.expectedPotentialVictims, 'potential victim')}`,
    `${counted(facts.expectedPotentialVictims, 'potential victim')} expected: ${safeguardingProblems.join(' and ')}`,
  );
  const open = facts.conflicts.filter((c) => !c.acknowledged);
  // Two hits with one plan (a later match was a new hit) name it once.
  check(
    'deconfliction',
    open.length === 0,
    'Every deconfliction hit is acknowledged',
    `Acknowledge the deconfliction ${open.length === 1 ? 'hit' : 'hits'} with ${list([...new Set(open.map((c) => c.reference))])}`,
  );

  orderChecks(facts, purpose.stage, check);

  const leadDays = facts.cps?.engagedAt ? (facts.startsAt.getTime() - facts.cps.engagedAt.getTime()) / DAY_MS : null;
  check(
    'cps-lead-time',
    leadDays === null || leadDays >= CPS_LEAD_TIME_DAYS,
    `The CPS was engaged ${counted(Math.floor(leadDays ?? 0), 'day')} ahead`,
    `The CPS was engaged only ${counted(Math.max(0, Math.floor(leadDays ?? 0)), 'day')} before the start; ${CPS_LEAD_TIME_DAYS} or more is advised`,
    false,
  );
  const interpreting = confirmed.some((d) => d.capabilities.includes('INTERPRETING'));
  check(
    'interpreting',
    !languagesNeeded(facts) || interpreting,
    'A confirmed team can interpret',
    `Languages needed (${facts.languages.join(', ')}) but no confirmed team can interpret`,
    false,
  );
  const mismatched = facts.evidence.filter((e) => e.warning);
  check(
    'evidence-capability',
    mismatched.length === 0,
    'Assigned teams fit their evidence',
    mismatched.map((e) => e.warning).join('; '),
    false,
  );

  return { ready: checks.every((c) => c.ok || !c.blocking), checks };
}
