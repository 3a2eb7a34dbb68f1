import { FieldMap } from '../form-errors';
import { formText } from '../forms';

/**
 * The form's fields, keyed by the names the page posts them under, so the form and its reading
 * cannot drift apart: the date of birth is a GOV.UK date input, `dateOfBirth-day`, `-month`, `-year`.
 */
export interface SubjectForm {
  kind: string;
  fullName: string;
  'dateOfBirth-day': string;
  'dateOfBirth-month': string;
  'dateOfBirth-year': string;
  aliases: string;
  phone: string;
  registration: string;
  email: string;
}

export const EMPTY_SUBJECT: SubjectForm = {
  kind: '',
  fullName: '',
  'dateOfBirth-day': '',
  'dateOfBirth-month': '',
  'dateOfBirth-year': '',
  aliases: '',
  phone: '',
  registration: '',
  email: '',
};

export const SUBJECT_FIELDS: FieldMap = {
  id: (field) =>
    ({ kind: 'kind', fullName: 'fullName', dateOfBirth: 'dateOfBirth-day', phone: 'phone', registration: 'registration', email: 'email' })[
      field.replace(/^aliases\.\d+$/, 'aliases')
    ] ?? (field.startsWith('aliases') ? 'aliases' : ''),
  // The API's message asks for YYYY-MM-DD; the page asks for three numbers.
  messages: {
    kind: 'Select what kind of subject this is',
    'dateOfBirth-day': 'Enter the date of birth as a real date, for example 1 2 1980',
  },
};

export function subjectForm(body: unknown): SubjectForm {
  return Object.fromEntries(Object.keys(EMPTY_SUBJECT).map((field) => [field, formText(body, field)])) as unknown as SubjectForm;
}

/**
 * A date of birth from its three boxes, as YYYY-MM-DD. What is not a date is left for the API's
 * validation to refuse; the year is not padded, so a two-digit year is refused, not read as 0080.
 */
function dateOfBirth(form: SubjectForm): string {
  const [day, month, year] = [form['dateOfBirth-day'], form['dateOfBirth-month'], form['dateOfBirth-year']].map((part) => part.trim());
  return day || month || year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
}

/** What the form sends the API: only the chosen kind's fields. */
export function subjectBody(form: SubjectForm, version: number): Record<string, unknown> {
  switch (form.kind) {
    case 'PERSON': {
      const aliases = form.aliases
        .split(/\r?\n/)
        .map((alias) => alias.trim())
        .filter(Boolean);
      return { version, kind: form.kind, fullName: form.fullName, dateOfBirth: dateOfBirth(form), ...(aliases.length ? { aliases } : {}) };
    }
    case 'PHONE':
      return { version, kind: form.kind, phone: form.phone };
    case 'VEHICLE':
      return { version, kind: form.kind, registration: form.registration };
    case 'EMAIL':
      return { version, kind: form.kind, email: form.email };
    default:
      return { version, kind: form.kind };
  }
}
