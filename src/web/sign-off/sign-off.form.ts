import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { formVersion } from '../plan-page';

/** The decision as typed: kept when the form comes back with errors. */
export interface SignOffFormValues {
  decision: string;
  reason: string;
}

export const EMPTY_SIGN_OFF: SignOffFormValues = { decision: '', reason: '' };

export const SIGN_OFF_FIELDS: FieldMap = {
  id: (field) => (field === 'decision' ? 'decision' : field === 'reason' ? 'reason' : ''),
  messages: { decision: 'Select whether to sign off your agency’s part or decline it' },
};

/** What the page says after a decision, by the flag the decision leads to. */
const BANNERS: Record<string, string> = {
  'signed-off': 'Your agency’s part is signed off. A change to it would withdraw the sign-off and ask you again.',
  declined: 'You declined to sign off: the plan went back to its owner for changes, with your reason.',
};

export function bannerOf(query: Record<string, unknown>): string | undefined {
  const flag = Object.keys(BANNERS).find((name) => name in query);
  return flag && BANNERS[flag];
}

export function signOffValues(body: unknown): SignOffFormValues {
  return { decision: formText(body, 'decision'), reason: formText(body, 'reason') };
}

const declines = (values: SignOffFormValues) => values.decision === 'DECLINED';

/** The decision as the API takes it. The reason box stays in the form whichever is chosen (it shows only under Decline with JavaScript on): it counts only for a decline. */
export function signOffBody(request: AuthenticatedRequest, values: SignOffFormValues): Record<string, unknown> {
  return { version: formVersion(request), decision: values.decision, ...(declines(values) ? { reason: values.reason } : {}) };
}

/** Where a decision leads: the page again, with the banner for what was decided. */
export function signOffDone(reference: string, values: SignOffFormValues): string {
  return `/plans/${reference}/sign-off?${declines(values) ? 'declined' : 'signed-off'}`;
}
