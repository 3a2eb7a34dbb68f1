import type { HistoryEventView, ReferenceEventView } from '../audit/dto/audit.dto';
import type { Role } from '../common/domain';
import { label, ROLE_LABELS } from '../common/labels';

/** What the reference data's events did, as the admin audit names them. */
const REFERENCE_ACTIONS: Record<string, string> = {
  'agency.created': 'Added an agency',
  'agency.updated': 'Changed an agency',
  'team.created': 'Added a team',
  'team.updated': 'Changed a team',
  'user.created': 'Added a user',
  'user.updated': 'Changed a user',
  'user.password_issued': 'Issued a one-time password',
  'user.password_changed': 'Changed their own password',
  'policy.replaced': 'Changed the lead and support policy',
  'powers.changed': 'Changed the powers of a kind of agency',
};

/** An entry of a history as people read it: what happened, who did it, their agency, and when. */
interface Entry {
  what: string;
  who: string;
  agency: string;
  at: string;
}

/** An event of a plan: a sentence for each thing it changed, as the plan's history says it in words. */
export interface PlanHistoryEntry extends Entry {
  lines: string[];
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** An event of the reference data (the admin audit): each field before → after. */
export interface ReferenceHistoryEntry extends Entry {
  changes: FieldChange[];
}

export type HistoryEntry = PlanHistoryEntry | ReferenceHistoryEntry;

/** A field's name in words: `capacity` → "capacity", `agencyId` → "agency id". */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .replace(/\./g, ': ')
    .toLowerCase();
}

/** Values of the reference data that are codes, in words: an agency's kind, a user's roles, a team's capabilities, the policy's rules. */
const VALUE_WORDS: Record<string, (value: unknown) => unknown> = {
  kind: (value) => (typeof value === 'string' ? label('agencyKind', value) : value),
  roles: (value) => (Array.isArray(value) ? value.map((role) => ROLE_LABELS[role as Role] ?? role) : value),
  capabilities: (value) => (Array.isArray(value) ? value.map((capability) => label('capability', String(capability))) : value),
  rules: (value) =>
    Array.isArray(value) ? value.map((rule) => (rule as { description?: string }).description ?? JSON.stringify(rule)) : value,
};

function shown(value: unknown, key = ''): string {
  const inWords = VALUE_WORDS[key]?.(value);
  if (Array.isArray(inWords)) return inWords.join(key === 'rules' ? '; ' : ', ') || '(none)';
  if (inWords !== undefined) return shown(inWords);
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join(', ') || '(none)';
  return JSON.stringify(value);
}

/** Each field a reference-data event changed, before → after; nested objects field by field. */
function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null, prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.flatMap((key) => {
    const from = before?.[key];
    const to = after?.[key];
    const nested = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
    if (nested(from) || nested(to))
      return changes(
        (from ?? null) as Record<string, unknown> | null,
        (to ?? null) as Record<string, unknown> | null,
        `${prefix}${words(key)}: `,
      );
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    return [
      {
        field: `${prefix}${key === 'kind' ? 'kind of agency' : words(key)}`,
        before: before ? shown(from, key) : '',
        after: shown(to, key),
      },
    ];
  });
}

/**
 * A history as people read it: who, their agency, when and what. A plan's events come with their
 * summary in words (what happened, then a sentence for each change); the reference data's are
 * shown field by field.
 */
export function historyEntries(events: ReferenceEventView[]): ReferenceHistoryEntry[];
export function historyEntries(events: HistoryEventView[]): PlanHistoryEntry[];
export function historyEntries(events: (HistoryEventView | ReferenceEventView)[]): HistoryEntry[] {
  return events.map((event) => {
    const entry = { who: event.actor.name, agency: event.actorAgency.code, at: event.at };
    if ('summary' in event) {
      const [what, ...lines] = event.summary;
      return { ...entry, what, lines };
    }
    return {
      ...entry,
      what: REFERENCE_ACTIONS[event.action] ?? words(event.action.replace('.', ' ')),
      changes: changes(event.before, event.after),
    };
  });
}

/** What others changed after the event this user last saw (a form's `seen`), for a stale edit. */
export function changesSince(events: HistoryEventView[], seen: number): PlanHistoryEntry[] {
  return historyEntries(events.filter((event) => event.seq > seen));
}
