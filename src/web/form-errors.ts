import { DomainError } from '../common/errors/domain-error';
import { knownConstraintRefusal } from '../database/pg-errors';
import { createValidationPipe, FieldProblem } from '../common/validation';
import { FieldError } from './page';

const pipe = createValidationPipe();

/** A form's values checked by the same validation as the API's body of that type: the DTO, or the error the API would give. */
export async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(plain, { type: 'body', metatype: type })) as T;
}

/**
 * A form's body checked as the API checks it, with the form's own errors (its dates and numbers)
 * first and then the API's for the other fields, in the form's order (`order`): the valid input,
 * or every error to show.
 */
export async function checkedBody<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
  own: FieldError[],
  map: FieldMap,
  order: (ours: FieldError[], theirs?: FieldError[]) => FieldError[],
): Promise<{ input: T; errors?: undefined } | { errors: FieldError[] }> {
  try {
    const input = await validated(type, plain);
    return own.length ? { errors: order(own) } : { input };
  } catch (thrown) {
    const error = refusalOf(thrown);
    if (!error) throw thrown;
    return { errors: order(own, formErrors(error, map)) };
  }
}

export interface FieldMap {
  /** The form field (its id) that a field of the API's body is entered in: `startsAt` → `startsAt-day`. */
  id: (apiField: string) => string;
  /** Words for a field's problem where the API's are written for developers. */
  messages?: Record<string, string>;
}

/**
 * The errors to show for a refusal: each invalid field of the API's body against the form field
 * it is entered in, or the refusal's own message (a domain rule, a stale version) with no field.
 */
export function formErrors(error: unknown, map: FieldMap): FieldError[] {
  if (!(error instanceof DomainError)) throw error;
  const fields = (error.details?.fields as FieldProblem[] | undefined) ?? [];
  if (error.code !== 'VALIDATION_FAILED' || fields.length === 0) return [{ field: '', text: error.message }];
  const seen = new Set<string>();
  return fields.flatMap((problem) => {
    const id = map.id(problem.field);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ field: id, text: map.messages?.[id] ?? sentence(problem.problems[0]) }];
  });
}

/**
 * The refusal an error stands for when it is the user's to fix (4xx), answered on the form: a domain
 * rule, or one of our named constraints (a forged form's premises of another plan), named against its
 * field as the API names it. Anything else, a concurrent change that outlasted its retries or a value
 * the database refused that no rule caught (a bug, to be logged), is the error page's.
 */
export function refusalOf(error: unknown): DomainError | undefined {
  const refusal = error instanceof DomainError ? error : knownConstraintRefusal(error);
  if (!refusal || refusal.statusCode >= 500 || refusal.code === 'UNAUTHENTICATED' || refusal.code === 'NOT_FOUND') return undefined;
  return refusal;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
