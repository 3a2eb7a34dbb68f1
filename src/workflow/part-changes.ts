import type { RecordedEventView } from '../audit/dto/audit.dto';
import type { AuditChange } from '../operations/history-words';

/**
 * A supporting agency's part of a plan, as its sign-off covers it: the one rule for what a partner
 * asked to sign off again is told changed. Its part is the plan's window; the briefing's time and
 * place and the debrief's time; the places, with their strike times, entry and warrants; and the
 * agency's own teams: each one's officers, times, tasking, powers, call sign, RV point and that RV
 * point's own changes. Not its part: other agencies' teams; the plan's other fields (its name,
 * marking, briefing text, risks, safeguarding, evidence, subjects); and what the agency did itself.
 * Events reach this already filtered for their reader (R14c): a part the reader may not see (the
 * places, for a partner they are not shared with) is not in them, so it is never told.
 */
export interface Part {
  agencyId: string;
  agencyCode: string;
  /** Every deployment of the agency's teams on the plan, whatever became of it. */
  deploymentIds: ReadonlySet<string>;
  /** The RV points the agency's teams meet at. */
  rvPointIds: ReadonlySet<string>;
}

/** An event of a plan's history, as its reader may read it. */
export type HistoryEvent = Pick<RecordedEventView, 'action' | 'before' | 'after' | 'actorAgency'>;

type Fields = Record<string, unknown>;

/** The fields of a change to the plan that are every partner's part (as a change records them). */
const PLAN_FIELDS = new Set(['startsAt', 'endsAt', 'timings.briefingAt', 'timings.briefingPlace', 'timings.debriefAt', 'locations']);

/** Events about one deployment: part of the agency's when the deployment is one of its teams'. */
const TEAM_EVENTS = new Set([
  'deployment.requested',
  'deployment.changed',
  'deployment.confirmed',
  'deployment.declined',
  'deployment.released',
]);

const isRecord = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The changes to the agency's part since it last signed it off, oldest first, each event cut down
 * to its part (for `historyInWords`): those made after the agency's latest sign-off in `events`
 * (a history, oldest first), or in all of them when it holds none.
 */
export function changesSinceSignOff(events: HistoryEvent[], part: Part): AuditChange[] {
  const signedOff = events.findLastIndex((event) => event.action === 'operation.signed-off' && event.after?.agency === part.agencyCode);
  return events.slice(signedOff + 1).flatMap((event) => {
    const mine = inPart(event, part);
    return mine ? [mine] : [];
  });
}

/** The event as far as it changed the agency's part, or null when it did not. */
function inPart(event: HistoryEvent, part: Part): AuditChange | null {
  const { action, before, after } = event;
  if (event.actorAgency.id === part.agencyId) return null;
  if (action === 'operation.updated') {
    const [from, to] = [planFields(before), planFields(after)];
    return Object.keys(to).length ? { action, before: from, after: to } : null;
  }
  if (action === 'rv-point.changed') return part.rvPointIds.has(String(after?.rvPointId)) ? { action, before, after } : null;
  if (TEAM_EVENTS.has(action)) return part.deploymentIds.has(String((after ?? before)?.deploymentId)) ? { action, before, after } : null;
  if (action === 'deployment.asked-again' && isRecord(before) && Array.isArray(before.deployments)) {
    const ours = before.deployments.filter((deployment) => isRecord(deployment) && deployment.agency === part.agencyCode);
    return ours.length ? { action, before: { ...before, deployments: ours }, after } : null;
  }
  return null;
}

function planFields(record: Fields | null): Fields {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => PLAN_FIELDS.has(key)));
}
