import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { formVersion } from '../plan-page';

/** The review as typed: kept when it comes back with errors. */
export interface ReviewFormValues {
  decision: string;
  comment: string;
}

export const EMPTY_REVIEW: ReviewFormValues = { decision: '', comment: '' };

export const REVIEW_FIELDS: FieldMap = {
  id: (field) => (field === 'decision' ? 'decision' : field === 'comment' ? 'comment' : ''),
  messages: { decision: 'Select whether to approve the plan or ask for changes' },
};

export function reviewValues(body: unknown): ReviewFormValues {
  return { decision: formText(body, 'decision'), comment: formText(body, 'comment') };
}

/** The review as the API takes it: a comment only when one is written. */
export function reviewBody(request: AuthenticatedRequest, values: ReviewFormValues): Record<string, unknown> {
  return { version: formVersion(request), decision: values.decision, ...(values.comment.trim() ? { comment: values.comment } : {}) };
}
