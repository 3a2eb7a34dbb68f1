import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { formVersion } from '../plan-page';

/** The CPS page's forms as typed: the request (what advice, needed by when) and a liaison's reason for declining. */
export interface CpsFormValues {
  note: string;
  day: string;
  month: string;
  year: string;
  reason: string;
}

export const EMPTY_CPS_FORM: CpsFormValues = { note: '', day: '', month: '', year: '', reason: '' };

/** The API's fields of a request → the form's: the date is entered in three boxes, the first named for the error. */
export const CPS_FIELDS: FieldMap = {
  id: (field) => (field === 'adviceNeededBy' ? 'adviceNeededBy-day' : field === 'version' ? '' : field),
  messages: { 'adviceNeededBy-day': 'Enter the date advice is needed by, a real date from today up to the day of action' },
};

/** An answer's only field of its own is the reason for declining. */
export const ANSWER_FIELDS: FieldMap = { id: (field) => (field === 'reason' ? 'reason' : '') };

export function requestValues(body: unknown): CpsFormValues {
  const part = (name: string) => formText(body, `adviceNeededBy-${name}`).trim();
  return { ...EMPTY_CPS_FORM, note: formText(body, 'note'), day: part('day'), month: part('month'), year: part('year') };
}

/** The request as the API takes it: the date from its three boxes, as typed (the API says what is wrong with it). */
export function requestBody(request: AuthenticatedRequest, values: CpsFormValues): Record<string, unknown> {
  const two = (part: string) => part.padStart(2, '0');
  return { version: formVersion(request), note: values.note, adviceNeededBy: `${values.year}-${two(values.month)}-${two(values.day)}` };
}

/** The note acknowledging a hit, keyed by the hit, and where the API's note error is shown. */
export function acknowledgement(body: unknown): { hitId: string; notes: Record<string, string>; fields: FieldMap } {
  const hitId = formText(body, 'hitId');
  return { hitId, notes: { [hitId]: formText(body, 'note') }, fields: { id: (field) => (field === 'note' ? `note-${hitId}` : '') } };
}
