import { label, LabelSet } from '../common/labels';
import type { HistoryEventView } from '../audit/dto/audit.dto';

const ACTIONS: Record<string, string> = {
  'operation.created': 'Created the plan',
  'operation.updated': 'Changed the plan',
  'operation.lead-changed': 'Changed the lead agency',
  'operation.submit': 'Submitted the plan for review',
  'operation.withdraw': 'Withdrew the plan from review',
  'operation.approved': 'Approved the plan',
  'operation.changes-requested': 'Asked for changes',
  'operation.approval-withdrawn': 'Approval withdrawn by a change',
  'operation.start': 'Started the day of action',
  'operation.complete': 'Completed the day of action',
  'operation.cancel': 'Cancelled the plan',
  'deployment.requested': 'Requested a team',
  'deployment.asked-again': 'Asked for a team again',
  'deployment.confirmed': 'Confirmed a team',
  'deployment.declined': 'Declined a team request',
  'deployment.released': 'Released a team',
  'deployment.changed': 'Changed a team’s tasking, powers, RV point or call sign',
  'rv-point.added': 'Added an RV point',
  'rv-point.changed': 'Changed an RV point',
  'rv-point.removed': 'Removed an RV point',
  'operation.signed-off': 'Signed off their agency’s part',
  'operation.sign-off-declined': 'Declined to sign off their agency’s part',
  'operation.sharing-changed': 'Changed what a partner agency sees of the plan',
  'cps.requested': 'Requested early CPS involvement',
  'cps.withdrawn': 'Withdrew the CPS request',
  'cps.engaged': 'Accepted early CPS involvement',
  'cps.declined': 'Declined early CPS involvement',
  'cps.closed': 'Closed CPS involvement',
  'evidence.added': 'Added an evidence requirement',
  'evidence.updated': 'Changed an evidence requirement',
  'evidence.assigned': 'Assigned evidence to a team',
  'evidence.unassigned': 'Evidence left without a team',
  'evidence.gathered': 'Recorded evidence as gathered',
  'evidence.accepted': 'Accepted gathered evidence',
  'evidence.rejected': 'Rejected gathered evidence',
  'deconfliction.hit-raised': 'Deconfliction hit raised',
  'deconfliction.acknowledged': 'Acknowledged a deconfliction hit',
  'agency.created': 'Added an agency',
  'agency.updated': 'Changed an agency',
  'team.created': 'Added a team',
  'team.updated': 'Changed a team',
  'user.created': 'Added a user',
  'user.updated': 'Changed a user',
  'policy.replaced': 'Changed the lead and support policy',
  'powers.changed': 'Changed the powers of a kind of agency',
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface HistoryEntry {
  what: string;
  who: string;
  agency: string;
  at: string;
  changes: FieldChange[];
}

/** A field's name in words: `expectedPotentialVictims` → "expected potential victims". */
function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').replace(/\./g, ': ').toLowerCase();
}

/** Fields whose values are codes of the vocabulary, shown by their labels. */
const CODED: Record<string, LabelSet> = { sections: 'sectionName' };

function shown(value: unknown, key = ''): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const coded = CODED[key];
  if (coded && typeof value === 'string') return label(coded, value);
  if (coded && Array.isArray(value)) return value.map((code) => label(coded, String(code))).join(', ') || '(none)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ') || '(none)';
  return JSON.stringify(value);
}

/** Each field an event changed, before → after; nested objects (the briefing, safeguarding) field by field. */
function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null, prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.flatMap((key) => {
    const from = before?.[key];
    const to = after?.[key];
    const nested = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
    if (nested(from) || nested(to)) return changes((from ?? null) as Record<string, unknown> | null, (to ?? null) as Record<string, unknown> | null, `${prefix}${words(key)}: `);
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    return [{ field: `${prefix}${words(key)}`, before: before ? shown(from, key) : '', after: shown(to, key) }];
  });
}

type AuditEvent = Pick<HistoryEventView, 'action' | 'actor' | 'actorAgency' | 'at' | 'before' | 'after'>;

/** A history as people read it (a plan's, or the reference data's): who, their agency, when, what, and each field before → after. */
export function historyEntries(events: AuditEvent[]): HistoryEntry[] {
  return events.map((event) => ({
    what: ACTIONS[event.action] ?? words(event.action.replace('.', ' ')),
    who: event.actor.name,
    agency: event.actorAgency.code,
    at: event.at,
    changes: changes(event.before, event.after),
  }));
}

/** What others changed after the event this user last saw (a form's `seen`), for a stale edit. */
export function changesSince(events: HistoryEventView[], seen: number): HistoryEntry[] {
  return historyEntries(events.filter((event) => event.seq > seen));
}
