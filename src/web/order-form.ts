import { ukLocalTime } from '../common/uk-time';
import type { LocationDto, LocationView } from '../operations/dto/operation.dto';
import { FieldMap } from './form-errors';
import { formText } from './forms';
import { FieldError } from './page';
import { DateTimeFields, dateTimeOf, instantOf, isBlank } from './plan-form';

/** The forms of the operational order (timings, RV points, locations' strike and entry): UK date and time inputs, read and shown. */

export const NO_TIME: DateTimeFields = { day: '', month: '', year: '', time: '' };

/** An instant as the date input and time field show it, in UK local time; empty for none. */
export function dateTimeFieldsOf(instant: string | null | undefined): DateTimeFields {
  if (!instant) return { ...NO_TIME };
  const local = ukLocalTime(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return { day: String(local.day), month: String(local.month), year: String(local.year), time: `${two(local.hour)}:${two(local.minute)}` };
}

/** As instantOf, except that nothing typed means none (null). */
export function optionalInstantAt(field: string, what: string, fields: DateTimeFields): { iso?: string | null; error?: FieldError } {
  return isBlank(fields) ? { iso: null } : instantOf(field, fields, what);
}

/**
 * The form's own errors, then the API's for fields the form had no error of its own for, one
 * per field, in the order the fields appear (`order`: the ids, or the prefix of a date and time).
 */
export function inOrder(order: string[], ours: FieldError[], theirs: FieldError[] = []): FieldError[] {
  const group = (error: FieldError) => error.field.replace(/-(day|month|year|time)$/, '');
  const errors = [...ours, ...theirs.filter((error) => !error.field || !ours.some((own) => group(own) === group(error)))];
  const rank = (error: FieldError) => {
    const at = order.findIndex((prefix) => error.field === prefix || error.field.startsWith(`${prefix}-`));
    return at < 0 ? (error.field ? order.length : -1) : at;
  };
  const seen = new Set<string>();
  const key = (error: FieldError) => error.field || `|${error.text}`;
  return errors.filter((error) => !seen.has(key(error)) && seen.add(key(error))).sort((a, b) => rank(a) - rank(b));
}

/** What the add or change a location form shows: as typed, kept when it comes back with errors. */
export type LocationFormValues = {
  location: { label: string; address: string; postcode: string };
  strikeAt: DateTimeFields;
  basis: string;
  warrant: { type: string; court: string; reference: string; expiresAt: DateTimeFields };
  power: string;
};

/** The location form's fields in the order they appear. */
export const LOCATION_FORM_ORDER = [
  'location-label',
  'location-address',
  'location-postcode',
  'strikeAt',
  'entry-basis',
  'warrant-type',
  'warrant-court',
  'warrant-reference',
  'warrantExpiresAt',
  'entry-power',
];

/** A field of a location in the API's body (after `locations.N.`) → the form field it is entered in. */
const LOCATION_IDS: Record<string, string> = {
  label: 'location-label',
  address: 'location-address',
  postcode: 'location-postcode',
  strikeAt: 'strikeAt-day',
  entry: 'entry-basis',
  'entry.basis': 'entry-basis',
  'entry.warrant': 'warrant-type',
  'entry.warrant.type': 'warrant-type',
  'entry.warrant.court': 'warrant-court',
  'entry.warrant.reference': 'warrant-reference',
  'entry.warrant.expiresAt': 'warrantExpiresAt-day',
  'entry.power': 'entry-power',
};

/**
 * The API's fields of the location at `index` → the form's fields; a problem of another location
 * (which the form does not show) goes in the error summary alone.
 */
export function locationFields(index: number | undefined): FieldMap {
  return {
    id: (field) => {
      const match = /^locations\.(\d+)\.(.+)$/.exec(field);
      if (!match || Number(match[1]) !== index) return '';
      return LOCATION_IDS[match[2]] ?? '';
    },
    messages: { 'entry-basis': 'Select the basis on which officers enter' },
  };
}

export function locationFormValues(form: unknown): LocationFormValues {
  return {
    location: {
      label: formText(form, 'location-label'),
      address: formText(form, 'location-address'),
      postcode: formText(form, 'location-postcode'),
    },
    strikeAt: dateTimeOf(form, 'strikeAt'),
    basis: formText(form, 'entry-basis'),
    warrant: {
      type: formText(form, 'warrant-type'),
      court: formText(form, 'warrant-court'),
      reference: formText(form, 'warrant-reference'),
      expiresAt: dateTimeOf(form, 'warrantExpiresAt'),
    },
    power: formText(form, 'entry-power'),
  };
}

/** The location form's fields one by one, as the three-way merge compares them (form-merge.ts). */
export type LocationFields = {
  label: string;
  address: string;
  postcode: string;
  strikeAt: DateTimeFields;
  basis: string;
  warrant: LocationFormValues['warrant'];
  power: string;
};

export const LOCATION_LABELS: Record<keyof LocationFields, string> = {
  label: 'Label',
  address: 'Address',
  postcode: 'Postcode',
  strikeAt: 'Strike time',
  basis: 'Entry basis',
  warrant: 'Warrant',
  power: 'Statutory power',
};

/** A location form's values field by field ("Not decided yet" is no basis, as an unrecorded one is). */
export function locationFieldsOf(values: LocationFormValues): LocationFields {
  const { label, address, postcode } = values.location;
  return {
    label,
    address,
    postcode,
    strikeAt: values.strikeAt,
    basis: values.basis === 'NONE' ? '' : values.basis,
    warrant: values.warrant,
    power: values.power,
  };
}

export function locationFormOf(fields: LocationFields): LocationFormValues {
  const { label, address, postcode, ...rest } = fields;
  return { location: { label, address, postcode }, ...rest };
}

/** A location as the change form first shows it; an empty form to add one. */
export function locationFormValuesOf(location?: LocationView): LocationFormValues {
  const warrant = location?.entry?.warrant;
  return {
    location: { label: location?.label ?? '', address: location?.address ?? '', postcode: location?.postcode ?? '' },
    strikeAt: dateTimeFieldsOf(location?.strikeAt),
    basis: location?.entry?.basis ?? '',
    warrant: {
      type: warrant?.type ?? '',
      court: warrant?.court ?? '',
      reference: warrant?.reference ?? '',
      expiresAt: dateTimeFieldsOf(warrant?.expiresAt),
    },
    power: location?.entry?.power ?? '',
  };
}

/**
 * The form's location as the API takes it, with the errors of its dates. Only the details the
 * chosen entry basis needs are sent (and so checked): with JavaScript off every basis's fields show.
 */
export function locationBody(values: LocationFormValues): { location: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const strike = optionalInstantAt('strikeAt', 'strike', values.strikeAt);
  if (strike.error) errors.push(strike.error);
  const { basis } = values;
  let entry: Record<string, unknown> | null = null;
  if (basis === 'WARRANT') {
    const expiry = isBlank(values.warrant.expiresAt)
      ? { error: { field: 'warrantExpiresAt-day', text: 'Enter the date and time the warrant expires' } }
      : instantOf('warrantExpiresAt', values.warrant.expiresAt, 'expiry');
    if (expiry.error) errors.push(expiry.error);
    const { type, court, reference } = values.warrant;
    entry = { basis, warrant: { type, court, reference, expiresAt: expiry.iso ?? '' } };
  } else if (basis === 'STATUTORY_POWER') entry = { basis, power: values.power };
  else if (basis && basis !== 'NONE') entry = { basis };
  const { label, address, postcode } = values.location;
  return { location: { label, address, postcode, strikeAt: strike.error ? null : strike.iso, entry }, errors };
}

/** A location as stored, sent back whole with the list: its strike time, entry and site commander stay as they are. */
export function storedLocation(location: LocationView & { id?: string }): LocationDto {
  const { id, label, address, postcode, strikeAt, entry, siteCommander } = location;
  return {
    id,
    label,
    address,
    postcode,
    strikeAt,
    siteCommander,
    entry: entry
      ? {
          basis: entry.basis,
          ...(entry.warrant ? { warrant: { ...entry.warrant } } : {}),
          ...(entry.power !== null ? { power: entry.power } : {}),
        }
      : null,
  };
}
