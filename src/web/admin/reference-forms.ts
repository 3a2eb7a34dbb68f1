import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { FieldMap, formErrors, refusalOf } from '../form-errors';
import { FieldError, redirect } from '../page';

/** The reference-data forms' fields are the API's, by the same names. */
export const REFERENCE_FIELDS: FieldMap = {
  id: (field) => field,
  messages: { kind: 'Select the kind of agency', agencyId: 'Select the agency' },
};

/** The banner of a list just saved to (`?saved`, as saveThen leads there), or none. */
export function savedNow(request: AuthenticatedRequest, text: string): string | undefined {
  return 'saved' in ((request.query as Record<string, unknown> | undefined) ?? {}) ? text : undefined;
}

/** Saves, then shows the list again (post/redirect/get); a refusal draws the form again with what was typed. */
export async function saveThen(
  reply: FastifyReply,
  action: () => Promise<unknown>,
  done: string,
  redraw: (errors: FieldError[]) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    await action();
    return redirect(reply, done.includes('?') ? done : `${done}?saved`);
  } catch (thrown) {
    const error = refusalOf(thrown);
    if (!error) throw thrown;
    return redraw(formErrors(error, REFERENCE_FIELDS));
  }
}
