import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { formVersion } from '../plan-page';

/** The outcome counts, as the forms name their fields. */
export const OUTCOMES = ['arrests', 'potentialVictimsSafeguarded', 'nrmReferrals', 'premisesVisited'] as const;
export const OUTCOME_FIELDS: FieldMap = { id: (field) => field.replace(/^outcomes\./, '').replace(/^version$/, '') };
export const CANCEL_FIELDS: FieldMap = { id: (field) => (field === 'reason' ? 'reason' : '') };
/** A move with no field of its own (start, withdraw): any refusal is the whole form's. */
export const NO_FIELDS: FieldMap = { id: () => '' };

/** The outcome fields of a form as typed, and as the API reads them: whole numbers as numbers, anything else as typed, for the API to refuse in words. */
export function outcomesOf(body: unknown): { values: Record<string, string>; outcomes: Record<string, unknown> } {
  const values: Record<string, string> = Object.fromEntries([...OUTCOMES, 'notes'].map((field) => [field, formText(body, field).trim()]));
  const counts = Object.fromEntries(
    OUTCOMES.map((field) => [field, /^\d{1,6}$/.test(values[field]) ? Number(values[field]) : values[field] || undefined]),
  );
  return { values, outcomes: { ...counts, ...(values.notes ? { notes: values.notes } : {}) } };
}

/** The stand-down form as typed, and as the API takes it: the reason, and the outcomes so far if any of them is given (then all of them, checked as on completion). */
export function standDownForm(request: AuthenticatedRequest): { values: Record<string, string>; body: Record<string, unknown> } {
  const { values, outcomes } = outcomesOf(request.body);
  const reason = formText(request.body, 'reason');
  const given = Object.values(values).some(Boolean);
  return { values: { ...values, reason }, body: { version: formVersion(request), reason, ...(given ? { outcomes } : {}) } };
}
