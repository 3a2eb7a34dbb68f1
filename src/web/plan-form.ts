import { BRIEFING_SECTIONS, BriefingSection } from '../common/domain';
import { clockOf, ukInstant, ukLocalTime } from '../common/uk-time';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { formList, formText } from './forms';
import { FieldError } from './page';
import { FieldMap } from './form-errors';

export interface DateTimeFields {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** What the plan form shows: the user's input as typed, kept when the form comes back with errors. */
export interface PlanFormValues {
  name: string;
  exploitationTypes: string[];
  scope: string;
  startsAt: DateTimeFields;
  endsAt: DateTimeFields;
  location: { label: string; address: string; postcode: string };
  expectedPotentialVictims: string;
  languages: string;
  receptionCentre: string;
  classification: string;
  handlingInstruction: string;
  briefing: Record<string, string>;
}

const WHICH = { startsAt: 'start', endsAt: 'end' } as const;

export const PLAN_FIELDS: FieldMap = {
  id: (field) => {
    if (field === 'startsAt' || field === 'endsAt') return `${field}-day`;
    const location = /^locations\.\d+\.(label|address|postcode)$/.exec(field);
    if (location) return `location-${location[1]}`;
    const nested = /^(safeguarding|briefing|marking)\.(\w+)/.exec(field);
    if (nested) return nested[1] === 'briefing' ? `briefing-${nested[2]}` : nested[2];
    return field.split('.')[0];
  },
  messages: {
    exploitationTypes: 'Select at least one type of exploitation',
    scope: 'Select the scope of the operation',
    classification:
      'Select the protective marking: OFFICIAL or OFFICIAL-SENSITIVE. Material classified SECRET or above must not be held in this system',
    expectedPotentialVictims: 'Enter the expected number of potential victims as a whole number from 0 to 10000',
  },
};

/** A date input and a time field as typed, by the prefix of their names (`startsAt-day` …). */
export function dateTimeOf(form: unknown, prefix: string): DateTimeFields {
  return {
    day: formText(form, `${prefix}-day`).trim(),
    month: formText(form, `${prefix}-month`).trim(),
    year: formText(form, `${prefix}-year`).trim(),
    time: formText(form, `${prefix}-time`).trim(),
  };
}

/** Nothing typed in a date and time. */
export function isBlank(fields: DateTimeFields): boolean {
  return !fields.day && !fields.month && !fields.year && !fields.time;
}

export function planFormValues(form: unknown): PlanFormValues {
  const when = (prefix: string) => dateTimeOf(form, prefix);
  return {
    name: formText(form, 'name'),
    exploitationTypes: formList(form, 'exploitationTypes'),
    scope: formText(form, 'scope'),
    startsAt: when('startsAt'),
    endsAt: when('endsAt'),
    location: {
      label: formText(form, 'location-label'),
      address: formText(form, 'location-address'),
      postcode: formText(form, 'location-postcode'),
    },
    expectedPotentialVictims: formText(form, 'expectedPotentialVictims').trim(),
    languages: formText(form, 'languages'),
    receptionCentre: formText(form, 'receptionCentre'),
    classification: formText(form, 'classification'),
    handlingInstruction: formText(form, 'handlingInstruction'),
    briefing: Object.fromEntries(BRIEFING_SECTIONS.map((section) => [section, formText(form, `briefing-${section}`)])),
  };
}

/** The plan as the details form first shows it: its times in UK local time. */
export function planFormValuesOf(plan: OperationView): PlanFormValues {
  const when = (instant: string): DateTimeFields => {
    const local = ukLocalTime(instant);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      day: String(local.day),
      month: String(local.month),
      year: String(local.year),
      time: `${two(local.hour)}:${two(local.minute)}`,
    };
  };
  return {
    name: plan.name,
    exploitationTypes: plan.exploitationTypes,
    scope: plan.scope,
    startsAt: when(plan.startsAt),
    endsAt: when(plan.endsAt),
    location: { label: '', address: '', postcode: '' },
    expectedPotentialVictims: String(plan.safeguarding.expectedPotentialVictims),
    languages: plan.safeguarding.languages.join(', '),
    receptionCentre: plan.safeguarding.receptionCentre ?? '',
    classification: plan.marking.classification,
    handlingInstruction: plan.marking.handlingInstruction ?? '',
    briefing: { ...plan.briefing },
  };
}

/**
 * A date and time typed in UK local time, as the instant the API takes (ISO 8601 with offset),
 * or the error for the date input, worded as the GOV.UK date input pattern says for `which` is
 * being timed ("Enter the briefing date"; the window's start and end by default).
 */
export function instantOf(
  field: string,
  fields: DateTimeFields,
  which: string = WHICH[field as keyof typeof WHICH],
): { iso?: string; error?: FieldError } {
  const { day, month, year, time } = fields;
  if (!day && !month && !year) return { error: { field: `${field}-day`, text: `Enter the ${which} date` } };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !fields[part]);
  if (missing.length)
    return { error: { field: `${field}-${missing[0]}`, text: `The ${which} date must include a ${missing.join(' and ')}` } };
  const numbers = [day, month, year].map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : NaN));
  const [d, m, y] = numbers;
  const real = !numbers.some(Number.isNaN) && y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!real) return { error: { field: `${field}-day`, text: `The ${which} date must be a real date` } };
  if (!time.trim()) return { error: { field: `${field}-time`, text: `Enter the ${which} time, for example 05:30` } };
  const clock = clockOf(time);
  if (!clock) return { error: { field: `${field}-time`, text: `Enter the ${which} time as hours and minutes, for example 05:30 or 0530` } };
  const instant = ukInstant({ year: y, month: m, day: d, ...clock });
  if (!instant)
    return {
      error: {
        field: `${field}-time`,
        text: `The ${which} time does not exist in the UK that day: the clocks go forward from 01:00 to 02:00`,
      },
    };
  return { iso: instant.toISOString() };
}

/** The new-plan form's values as the API's body, with the errors the date and number fields already show. */
export function planBody(values: PlanFormValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const starts = instantOf('startsAt', values.startsAt);
  const ends = instantOf('endsAt', values.endsAt);
  for (const result of [starts, ends]) if (result.error) errors.push(result.error);
  const victims = values.expectedPotentialVictims;
  if (victims !== '' && !/^\d{1,5}$/.test(victims))
    errors.push({ field: 'expectedPotentialVictims', text: PLAN_FIELDS.messages!.expectedPotentialVictims });
  const { label, address, postcode } = values.location;
  const body: Record<string, unknown> = {
    name: values.name,
    exploitationTypes: values.exploitationTypes,
    scope: values.scope,
    startsAt: starts.iso ?? '',
    endsAt: ends.iso ?? '',
    // Nothing chosen leaves the marking OFFICIAL-SENSITIVE: the page always offers one ticked.
    marking: {
      ...(values.classification ? { classification: values.classification } : {}),
      handlingInstruction: values.handlingInstruction.trim() || null,
    },
    safeguarding: {
      ...(victims !== '' && /^\d{1,5}$/.test(victims) ? { expectedPotentialVictims: Number(victims) } : {}),
      languages: languagesOf(values.languages),
      receptionCentre: values.receptionCentre.trim() || null,
    },
  };
  if (label.trim() || address.trim() || postcode.trim()) body.locations = [{ label, address, postcode }];
  return { body, errors };
}

/** Languages typed with commas between them: each once, as typed. */
export function languagesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean),
    ),
  ];
}

/** The order fields appear on the form, so the error summary lists problems in the same order. */
const FIELD_ORDER = [
  'name',
  'exploitationTypes',
  'scope',
  'classification',
  'handlingInstruction',
  'startsAt-',
  'endsAt-',
  'location-',
  'expectedPotentialVictims',
  'languages',
  'receptionCentre',
  'briefing-',
];

/** The form's own errors (dates, numbers) and then the API's, one per field, in the form's order. */
export function inFormOrder(ours: FieldError[], theirs: FieldError[] = []): FieldError[] {
  const stem = (error: FieldError) => error.field.split('-')[0];
  const errors = [...ours, ...theirs.filter((error) => !ours.some((own) => stem(own) === stem(error)))];
  const rank = (error: FieldError) => {
    const at = FIELD_ORDER.findIndex((prefix) => error.field.startsWith(prefix));
    return at < 0 ? FIELD_ORDER.length : at;
  };
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field)).sort((a, b) => rank(a) - rank(b));
}

/** The details form's fields one by one, as the three-way merge compares them (form-merge.ts): the briefing sections the reader sees. */
export type DetailsValues = Pick<
  PlanFormValues,
  'name' | 'exploitationTypes' | 'scope' | 'classification' | 'handlingInstruction' | 'startsAt' | 'endsAt'
> &
  Record<`briefing-${BriefingSection}`, string>;

const DETAILS_KEYS = ['name', 'exploitationTypes', 'scope', 'classification', 'handlingInstruction', 'startsAt', 'endsAt'] as const;

export function detailsValues(values: PlanFormValues, sections: readonly BriefingSection[]): DetailsValues {
  const core = Object.fromEntries(DETAILS_KEYS.map((key) => [key, values[key]]));
  return {
    ...core,
    ...Object.fromEntries(sections.map((section) => [`briefing-${section}`, values.briefing[section] ?? ''])),
  } as DetailsValues;
}

/** The details form's values as the page's fields show them. */
export function detailsFormValues(values: DetailsValues): PlanFormValues {
  const briefing = Object.fromEntries(BRIEFING_SECTIONS.map((section) => [section, values[`briefing-${section}`]]));
  return {
    ...values,
    location: { label: '', address: '', postcode: '' },
    expectedPotentialVictims: '',
    languages: '',
    receptionCentre: '',
    briefing,
  };
}

export const DETAILS_LABELS: Record<keyof DetailsValues, string> = {
  name: 'Name of the operation',
  exploitationTypes: 'Types of exploitation',
  scope: 'Scope',
  classification: 'Protective marking',
  handlingInstruction: 'Handling instruction',
  startsAt: 'Start',
  endsAt: 'End',
  'briefing-information': 'Information',
  'briefing-intent': 'Intent',
  'briefing-method': 'Method',
  'briefing-administration': 'Administration',
  'briefing-risk': 'Risk assessment',
  'briefing-communications': 'Communications',
  'briefing-humanitarian': 'Humanitarian issues',
};

/** Only what the person changed on the details form, as the API's body (with the errors of its dates): the rest of the plan stays as it is. */
export function detailsBody(values: DetailsValues, mine: (keyof DetailsValues)[]): { body: Record<string, unknown>; errors: FieldError[] } {
  const changed = (key: keyof DetailsValues) => mine.includes(key);
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const key of ['name', 'exploitationTypes', 'scope'] as const) if (changed(key)) body[key] = values[key];
  // The window is checked whole: a changed start or end sends both.
  if (changed('startsAt') || changed('endsAt')) {
    const starts = instantOf('startsAt', values.startsAt);
    const ends = instantOf('endsAt', values.endsAt);
    for (const result of [starts, ends]) if (result.error) errors.push(result.error);
    Object.assign(body, { startsAt: starts.iso ?? '', endsAt: ends.iso ?? '' });
  }
  // Nothing chosen leaves the marking as it is: the page always offers one ticked.
  if ((changed('classification') && values.classification) || changed('handlingInstruction')) {
    body.marking = {
      ...(changed('classification') && values.classification ? { classification: values.classification } : {}),
      ...(changed('handlingInstruction') ? { handlingInstruction: values.handlingInstruction.trim() || null } : {}),
    };
  }
  const briefing = Object.fromEntries(
    BRIEFING_SECTIONS.filter((section) => changed(`briefing-${section}`)).map((section) => [section, values[`briefing-${section}`]]),
  );
  if (Object.keys(briefing).length) body.briefing = briefing;
  return { body, errors };
}
