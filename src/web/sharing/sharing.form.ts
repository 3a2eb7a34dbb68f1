import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap } from '../form-errors';
import { formList, formText } from '../forms';
import { formVersion } from '../plan-page';

/** What was typed for each agency (the form posts one agency at a time): kept when the form comes back with errors. */
export type SharingTyped = Record<string, { sections: string[]; reason: string }>;

/** One agency's sharing as posted: what was typed, where the API's errors are shown, and the body the API takes. */
export function sharingForm(request: AuthenticatedRequest): {
  agencyId: string;
  typed: SharingTyped;
  fields: FieldMap;
  body: Record<string, unknown>;
} {
  const agencyId = formText(request.body, 'agencyId');
  const posted = { sections: formList(request.body, 'sections'), reason: formText(request.body, 'reason') };
  return {
    agencyId,
    typed: { [agencyId]: posted },
    fields: { id: (field) => (field === 'reason' ? `reason-${agencyId}` : field.startsWith('sections') ? `sections-${agencyId}` : '') },
    body: { version: formVersion(request), agencyId, ...posted },
  };
}
