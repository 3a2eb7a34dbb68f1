import { OPERATION_STATUSES } from '../../common/domain';
import { ukInstant } from '../../common/uk-time';
import type { FieldError } from '../page';
import type { PlanFormValues } from '../plan-form';

const EMPTY_DAY = { day: '', month: '', year: '', time: '' };
/** The new plan form as it first shows. */
export const EMPTY_PLAN: PlanFormValues = {
  name: '',
  exploitationTypes: [],
  scope: '',
  startsAt: EMPTY_DAY,
  endsAt: EMPTY_DAY,
  location: { label: '', address: '', postcode: '' },
  expectedPotentialVictims: '0',
  languages: '',
  receptionCentre: '',
  classification: 'OFFICIAL-SENSITIVE',
  handlingInstruction: '',
  briefing: {},
};

/** The plans list's address query, as Fastify parses it. */
export type ListQuery = Record<string, string | undefined>;

type DayFields = { day: string; month: string; year: string };

/** The list's filters as the form shows them. */
export interface ListFilters {
  q: string;
  status: string;
  from: DayFields;
  to: DayFields;
}

/** A filter date (UK midnight at the start of the day, or the end of it), or an error for the date input. */
function filterDay(name: 'from' | 'to', fields: DayFields): { iso?: string; error?: FieldError } {
  if (!fields.day && !fields.month && !fields.year) return {};
  const [d, m, y] = [fields.day, fields.month, fields.year].map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : NaN));
  const instant = !Number.isNaN(d + m + y) && y >= 1000 ? ukInstant({ year: y, month: m, day: d, hour: 0, minute: 0 }) : undefined;
  const real = instant && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
  if (!real || !instant)
    return {
      error: { field: `${name}-day`, text: `The ${name === 'from' ? 'first' : 'last'} date must be a real date, for example 1 3 2027` },
    };
  return { iso: name === 'from' ? instant.toISOString() : new Date(instant.getTime() + 24 * 3600_000 - 1).toISOString() };
}

/** The list's filters as the form shows them, what is wrong with them, and the API's query they make. */
export function listCriteria(query: ListQuery): { filters: ListFilters; errors: FieldError[]; criteria: Record<string, string> } {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const day = (name: string): DayFields => ({ day: text(`${name}-day`), month: text(`${name}-month`), year: text(`${name}-year`) });
  const filters = { q: text('q'), status: text('status'), from: day('from'), to: day('to') };
  const errors: FieldError[] = [];
  const from = filterDay('from', filters.from);
  const to = filterDay('to', filters.to);
  for (const problem of [from.error, to.error]) if (problem) errors.push(problem);
  if (filters.status && !(OPERATION_STATUSES as readonly string[]).includes(filters.status))
    errors.push({ field: 'status', text: 'Select a status from the list' });
  if (filters.q.length > 100) errors.push({ field: 'q', text: 'Reference or name must be 100 characters or fewer' });
  const criteria = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(from.iso ? { from: from.iso } : {}),
    ...(to.iso ? { to: to.iso } : {}),
  };
  return { filters, errors, criteria };
}

/** The page of the list asked for (`cursor`), or '' for the first. */
export function listCursor(query: ListQuery): string {
  return typeof query.cursor === 'string' ? query.cursor.trim() : '';
}
