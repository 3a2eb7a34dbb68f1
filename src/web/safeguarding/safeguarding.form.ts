import type { OperationView } from '../../operations/dto/plan-view.dto';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { dateTimeFieldsOf, optionalInstantAt } from '../order-form';
import { FieldError } from '../page';
import type { PlanChange } from '../plan-change';
import type { EditForm } from '../plan-page';
import { DateTimeFields, dateTimeOf, languagesOf, PLAN_FIELDS } from '../plan-form';

/** What the page's three forms show: as typed, kept when the form that was posted comes back with errors. */
export type SafeguardingFormValues = {
  expectedPotentialVictims: string;
  languages: string;
  receptionCentre: string;
  receptionOpensAt: DateTimeFields;
  receptionClosesAt: DateTimeFields;
  medicalCover: string;
  responder: { name: string; agencyId: string; phone: string };
  interpreter: { language: string; name: string };
};

/** The fields of the page in the order they appear. */
export const FORM_ORDER = [
  'expectedPotentialVictims',
  'languages',
  'receptionCentre',
  'receptionOpensAt',
  'receptionClosesAt',
  'medicalCover',
  'responder-name',
  'responder-agencyId',
  'responder-phone',
  'interpreter-language',
  'interpreter-name',
];

/** The API's safeguarding fields → the form's; a problem of a person already listed (not on the form) goes in the error summary alone. */
function safeguardingFields(added?: number): FieldMap {
  return {
    id: (field) => {
      const person = /^safeguarding\.(firstResponders|interpreters)\.(\d+)\.(\w+)$/.exec(field);
      if (person) return Number(person[2]) === added ? `${person[1] === 'firstResponders' ? 'responder' : 'interpreter'}-${person[3]}` : '';
      const own = /^safeguarding\.(\w+)$/.exec(field)?.[1];
      if (own === 'receptionOpensAt' || own === 'receptionClosesAt') return `${own}-day`;
      return own && FORM_ORDER.includes(own) ? own : '';
    },
    messages: { expectedPotentialVictims: PLAN_FIELDS.messages!.expectedPotentialVictims },
  };
}

export const NO_PERSON = { responder: { name: '', agencyId: '', phone: '' }, interpreter: { language: '', name: '' } };

/** The arrangements form's fields, one by one, as the three-way merge compares them (form-merge.ts). */
export type Arrangements = Omit<SafeguardingFormValues, 'responder' | 'interpreter'>;

const ARRANGEMENT_LABELS: Record<keyof Arrangements, string> = {
  expectedPotentialVictims: 'Expected number of potential victims',
  languages: 'Languages they may speak',
  receptionCentre: 'Reception centre',
  receptionOpensAt: 'Reception centre opens',
  receptionClosesAt: 'Reception centre closes',
  medicalCover: 'Medical cover',
};

export function arrangementsOf(plan: OperationView): Arrangements {
  const s = plan.safeguarding;
  return {
    expectedPotentialVictims: String(s.expectedPotentialVictims),
    languages: s.languages.join(', '),
    receptionCentre: s.receptionCentre ?? '',
    receptionOpensAt: dateTimeFieldsOf(s.receptionOpensAt),
    receptionClosesAt: dateTimeFieldsOf(s.receptionClosesAt),
    medicalCover: s.medicalCover ?? '',
  };
}

export function valuesOf(plan: OperationView): SafeguardingFormValues {
  return { ...arrangementsOf(plan), ...NO_PERSON };
}

function postedArrangements(form: unknown): Arrangements {
  return {
    expectedPotentialVictims: formText(form, 'expectedPotentialVictims').trim(),
    languages: formText(form, 'languages'),
    receptionCentre: formText(form, 'receptionCentre'),
    receptionOpensAt: dateTimeOf(form, 'receptionOpensAt'),
    receptionClosesAt: dateTimeOf(form, 'receptionClosesAt'),
    medicalCover: formText(form, 'medicalCover'),
  };
}

/** The arrangements form as posted, and how it is merged with the plan as it is now (R10). */
export function arrangementsForm(body: unknown): EditForm<Arrangements> {
  return { current: arrangementsOf, posted: postedArrangements(body), labels: ARRANGEMENT_LABELS, fields: safeguardingFields() };
}

/** The arrangements the person changed (`mine`) as the API takes them, with the form's own errors. */
export function changedArrangements(values: Arrangements, mine: (keyof Arrangements)[]): PlanChange {
  const changed = (key: keyof Arrangements) => mine.includes(key);
  const errors: FieldError[] = [];
  const safeguarding: Record<string, unknown> = {};
  if (changed('expectedPotentialVictims')) {
    if (/^\d{1,5}$/.test(values.expectedPotentialVictims)) safeguarding.expectedPotentialVictims = Number(values.expectedPotentialVictims);
    else errors.push({ field: 'expectedPotentialVictims', text: PLAN_FIELDS.messages!.expectedPotentialVictims });
  }
  if (changed('languages')) safeguarding.languages = languagesOf(values.languages);
  if (changed('receptionCentre')) safeguarding.receptionCentre = values.receptionCentre.trim() || null;
  // The hours are checked together: a changed opening or closing sends both.
  if (changed('receptionOpensAt') || changed('receptionClosesAt')) {
    const opens = optionalInstantAt('receptionOpensAt', 'opening', values.receptionOpensAt);
    const closes = optionalInstantAt('receptionClosesAt', 'closing', values.receptionClosesAt);
    for (const { error } of [opens, closes]) if (error) errors.push(error);
    Object.assign(safeguarding, { receptionOpensAt: opens.iso, receptionClosesAt: closes.iso });
  }
  if (changed('medicalCover')) safeguarding.medicalCover = values.medicalCover.trim() || null;
  return { change: { safeguarding }, errors, fields: safeguardingFields() };
}

/**
 * A change to one of the page's lists of people, as posted: the whole list as the API takes it
 * (the others go back as they are), the values the form shows again, the form's own errors, and
 * where the API's fields are; or that the person to remove is no longer listed.
 */
export interface PersonChange {
  change: Record<string, unknown>;
  values: SafeguardingFormValues;
  fields: FieldMap;
  errors: FieldError[];
  gone?: FieldError;
}

/** The list without the entry at the posted place; undefined when there is none there. */
function without<T>(list: T[], text: string): T[] | undefined {
  if (!/^\d{1,2}$/.test(text) || Number(text) >= list.length) return undefined;
  return list.filter((_entry, index) => index !== Number(text));
}

/** Adds or removes a named NRM first responder (`remove`: the place of the one to remove). */
export function firstRespondersChange(plan: OperationView, body: unknown): PersonChange {
  const responders = plan.safeguarding.firstResponders.map((r) => ({ name: r.name, agencyId: r.agency.id, phone: r.phone }));
  const remove = formText(body, 'remove');
  if (remove) {
    const left = without(responders, remove);
    const gone = left ? undefined : { field: '', text: 'That first responder is no longer listed: the list below is up to date' };
    return { change: { safeguarding: { firstResponders: left } }, values: valuesOf(plan), fields: safeguardingFields(), errors: [], gone };
  }
  const responder = {
    name: formText(body, 'responder-name'),
    agencyId: formText(body, 'responder-agencyId'),
    phone: formText(body, 'responder-phone'),
  };
  const errors = responder.agencyId ? [] : [{ field: 'responder-agencyId', text: 'Select the first responder’s agency' }];
  const firstResponders = [...responders, responder];
  return {
    change: { safeguarding: { firstResponders } },
    values: { ...valuesOf(plan), responder },
    fields: safeguardingFields(responders.length),
    errors,
  };
}

/** Adds or removes an interpreter (`remove`: the place of the one to remove). */
export function interpretersChange(plan: OperationView, body: unknown): PersonChange {
  const interpreters = plan.safeguarding.interpreters.map(({ language, name }) => ({ language, name }));
  const remove = formText(body, 'remove');
  if (remove) {
    const left = without(interpreters, remove);
    const gone = left ? undefined : { field: '', text: 'That interpreter is no longer listed: the list below is up to date' };
    return { change: { safeguarding: { interpreters: left } }, values: valuesOf(plan), fields: safeguardingFields(), errors: [], gone };
  }
  const interpreter = { language: formText(body, 'interpreter-language'), name: formText(body, 'interpreter-name') };
  return {
    change: { safeguarding: { interpreters: [...interpreters, interpreter] } },
    values: { ...valuesOf(plan), interpreter },
    fields: safeguardingFields(interpreters.length),
    errors: [],
  };
}
