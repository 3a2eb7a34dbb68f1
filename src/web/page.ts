import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { Marking, markingText, printedMarkingCss } from '../common/marking';

/** An error to show: the error summary links each message to its field. */
export interface FieldError {
  /** The id of the field to fix; '' for a refusal of the whole form. */
  field: string;
  text: string;
  /** Where the problem is fixed, when not a field of this page. */
  href?: string;
}

/**
 * The data every page needs beside its own: who is signed in, the session's CSRF token, the request
 * id; and on a page of a plan (`plan`, or a `marking` of its own), the plan's protective marking,
 * shown at the top and the foot and printed on every page (R14d).
 */
export function render(
  reply: FastifyReply,
  request: AuthenticatedRequest,
  template: string,
  data: Record<string, unknown>,
  status = 200,
): FastifyReply {
  const errors = (data.errors as FieldError[] | undefined) ?? [];
  const marking = (data.marking as Marking | undefined) ?? (data.plan as { marking?: Marking } | undefined)?.marking;
  return (
    reply
      .code(status)
      // Pages hold plans: no shared or back-button cache may keep them after sign-out.
      .header('cache-control', 'no-store')
      .view(template, {
        ...data,
        user: request.user,
        taskCount: (request as { taskCount?: number }).taskCount,
        csrfToken: request.session?.csrfToken ?? data.csrfToken,
        requestId: request.id,
        ...(marking ? { markingText: markingText(marking), markingCss: printedMarkingCss(marking) } : {}),
        errorList: errors.map((error) => ({ text: error.text, href: error.href ?? (error.field ? `#${error.field}` : undefined) })),
        fieldErrors: Object.fromEntries(errors.filter((error) => error.field).map((error) => [error.field, { text: error.text }])),
      })
  );
}

/** Post/redirect/get: after a change the browser loads the result, so a refresh never posts twice. */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}

/** A file to save, never cached (it holds plans): `type` its content type, saved under `filename`. */
export function download(reply: FastifyReply, file: { filename: string; type: string; body: string | Buffer }): FastifyReply {
  return reply
    .code(200)
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** A CSV download, as Excel opens it (src/common/csv.ts). */
export function csvReply(reply: FastifyReply, file: { filename: string; csv: string }): FastifyReply {
  return download(reply, { filename: file.filename, type: 'text/csv; charset=utf-8', body: file.csv });
}
