import type { CountKind, LogKind } from '../../common/domain';
import { label } from '../../common/labels';
import { clockOf, ukInstant, ukLocalTime } from '../../common/uk-time';
import { validationError } from '../../common/validation';
import type { FieldMap } from '../form-errors';
import { formText } from '../forms';
import type { FieldError } from '../page';

/** The day's four forms, by the last part of the path each posts to. */
export const DAY_FORMS: Record<string, LogKind> = { status: 'STATUS', decision: 'DECISION', count: 'COUNT', message: 'MESSAGE' };

/** Each form's fields, posted under the API's names, in the order the page shows them. */
const FIELDS: Record<LogKind, string[]> = {
  STATUS: ['locationId', 'status', 'note', 'happenedAt'],
  DECISION: ['decision', 'rationale', 'decidedBy', 'considered', 'intelligence', 'correctsId', 'happenedAt'],
  COUNT: ['locationId', 'count', 'number', 'offence', 'offenceOther', 'ageGroup', 'seized', 'note', 'happenedAt'],
  MESSAGE: ['exactLocation', 'incidentType', 'hazards', 'access', 'casualties', 'services', 'happenedAt'],
};

/** The fields a count keeps only when it counts that kind (with JavaScript off the page shows them all; the rest are not sent). */
const COUNT_FIELDS: Partial<Record<CountKind, string[]>> = {
  ARREST: ['offence', 'offenceOther'],
  POTENTIAL_VICTIM: ['ageGroup'],
  SEIZURE: ['seized'],
};
const CONDITIONAL = Object.values(COUNT_FIELDS).flat();

/** Fields more than one form on the page has: each form draws them with ids of its own (`statusLocationId`, `countNote`). */
const SHARED = ['locationId', 'note', 'happenedAt'];

/** A time typed ahead of the clock by up to this much is taken as today's (the database allows as much). */
const AHEAD = 5 * 60_000;

/**
 * The instant a time of day typed on a form stands for: the latest at that UK time that is not in the future (today's,
 * or yesterday's for 23:58 typed just after midnight). Left empty, nothing (the service takes now).
 */
export function happenedAt(typed: string, now: Date): string | undefined {
  if (!typed.trim()) return undefined;
  const clock = clockOf(typed);
  const onDay = (daysBack: number) => ukInstant({ ...ukLocalTime(new Date(now.getTime() - daysBack * 86_400_000)), ...clock! });
  const instant = clock && [0, 1].map(onDay).find((at) => at && at.getTime() <= now.getTime() + AHEAD);
  if (!instant) throw validationError([{ field: 'happenedAt', problems: ['Enter the time it happened in UK time, like 06:02'] }]);
  return instant.toISOString();
}

/** The id a field of a form is drawn with, and what the error summary links to. */
export function fieldId(kind: LogKind, field: string): string {
  return SHARED.includes(field) ? `${kind.toLowerCase()}${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
}

/** One of the day's forms as posted: its kind, and its fields as typed. */
export interface PostedEntry {
  kind: LogKind;
  values: Record<string, string>;
}

/** The form posted to `form` (`status`, `decision`, …) as typed; undefined for a path that is none of the four. */
export function postedEntry(form: string, body: unknown): PostedEntry | undefined {
  const kind = Object.hasOwn(DAY_FORMS, form) ? DAY_FORMS[form] : undefined;
  return kind && { kind, values: Object.fromEntries(FIELDS[kind].map((field) => [field, formText(body, field)])) };
}

/**
 * What the form sends the API: the fields filled in, a count's conditional fields only for the kind counted (the
 * offence in words only for another offence), and "derived from intelligence" as true when ticked.
 */
export function entryBody({ kind, values }: PostedEntry, now = new Date()): Record<string, unknown> {
  const applies = (field: string) =>
    !CONDITIONAL.includes(field) ||
    (COUNT_FIELDS[values.count as CountKind]?.includes(field) && (field !== 'offenceOther' || values.offence === 'OTHER'));
  const filled = FIELDS[kind].filter((field) => values[field] !== '' && field !== 'happenedAt' && applies(field));
  return {
    kind,
    ...Object.fromEntries(filled.map((field) => [field, field === 'intelligence' ? true : values[field]])),
    ...(values.happenedAt ? { happenedAt: happenedAt(values.happenedAt, now) } : {}),
  };
}

/** The API's fields against the form's own ids; anything else (a refusal of the whole entry) goes to the summary alone. */
export function entryFields(kind: LogKind): FieldMap {
  return { id: (field) => (FIELDS[kind].includes(field) ? fieldId(kind, field) : '') };
}

/** A form's errors in the order its fields are drawn, a refusal of the whole entry first. */
export function inFormOrder(kind: LogKind, errors: FieldError[]): FieldError[] {
  const order = FIELDS[kind].map((field) => fieldId(kind, field));
  return [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** What the banner says after an entry is recorded (`?recorded=count`); nothing for any other visit. */
export function recordedBanner(query: unknown): string | undefined {
  const form = (query as Record<string, unknown> | undefined)?.recorded;
  return typeof form === 'string' && Object.hasOwn(DAY_FORMS, form) ? `${label('logKind', DAY_FORMS[form])} recorded` : undefined;
}
