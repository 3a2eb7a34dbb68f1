import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './errors/domain-error';
import { fieldLabel } from './labels';

export interface FieldProblem {
  field: string;
  problems: string[];
  /** The codes the field takes, where it takes one of a list (for programs: the problem says it in words). */
  allowed?: string[];
}

/** Flattens nested class-validator errors into one entry per field path (`locations.0.postcode`), each problem in plain English. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const allowed = Object.values(error.contexts ?? {}).flatMap((context: { allowed?: string[] }) => context.allowed ?? []);
    const own: FieldProblem[] = error.constraints
      ? [{ field, problems: Object.values(error.constraints), ...(allowed.length ? { allowed } : {}) }]
      : [];
    return own.concat(fieldProblems(error.children ?? [], field));
  });
}

const UNKNOWN_FIELD = 'This request does not take this field: leave it out';
const CODE = '[A-Z][A-Z0-9_]*';
const CODE_LIST = new RegExp(`\\b(one of(?: the following values:)?|be) (${CODE}(?:(?:, | or )${CODE})+)$`);

/** class-validator's own wording, and the developers' shorthand, as people say it. */
const PHRASES: [RegExp, string][] = [
  [/ must be a string$/, ' must be text'],
  [/ must be an? UUID\b/, ' must be an id this service gave out'],
  [/ must be a boolean value$/, ' must be true or false'],
  [/ must be an integer number$/, ' must be a whole number'],
  [/ must be a number conforming to the specified constraints$/, ' must be a number'],
  [/ must not be greater than (-?[\d.]+)$/, ' must be $1 or less'],
  [/ must not be less than (-?[\d.]+)$/, ' must be $1 or more'],
  [/ must be shorter than or equal to (\d+) characters$/, ' must be $1 characters or fewer'],
  [/ must be longer than or equal to (\d+) characters$/, ' must be at least $1 characters'],
  [/ must contain no more than (\d+) elements$/, ' must list at most $1'],
  [/ must contain at least (\d+) elements$/, ' must list at least $1'],
  [/ must be an array$/, ' must be a list'],
  [/ must be an object$/, ' must be a set of fields'],
  [/ should not be empty$/, ' must not be empty'],
  [/ should not be null or undefined$/, ' is missing'],
];

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A problem with a field as a person reads it: the field named by its label, never by its name in
 * the request, and no codes (the codes it takes go to `allowed`). A problem written for people
 * (it starts with a capital) is kept as it is.
 */
export function plainProblem(field: string, text: string): { text: string; allowed?: string[] } {
  if (/^[A-Z]/.test(text)) return { text };
  if (/^property .* should not exist$/s.test(text) || / is not a field of this request$/.test(text)) return { text: UNKNOWN_FIELD };
  let plain = text
    .replace(
      /^each value in nested property (\S+) must be either object or array$/,
      (_all, name: string) => `each of ${fieldLabel(name)} must be a set of fields`,
    )
    .replace(
      /^nested property (\S+) must be either object or array$/,
      (_all, name: string) => `${fieldLabel(name)} must be a set of fields`,
    )
    .replace(/^each value in (\S+) /, (_all, name: string) => `each of ${fieldLabel(name)} `);
  let allowed: string[] | undefined;
  plain = plain.replace(CODE_LIST, (_all, lead: string, list: string) => {
    allowed = list.split(/, | or /);
    return `${lead.startsWith('one of') ? 'one of' : 'be one of'} the values this field takes`;
  });
  for (const [pattern, words] of PHRASES) plain = plain.replace(pattern, words);
  const own = field.split('.').pop() ?? field;
  plain = plain
    .replace(/^[\w.]+(?= )/, (name) =>
      name === own || name === field || name.endsWith(`.${own}`) || /[a-z][A-Z]/.test(name) ? fieldLabel(name) : name,
    )
    .replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (name) => fieldLabel(name));
  return allowed ? { text: capitalised(plain), allowed } : { text: capitalised(plain) };
}

/** The refusal of a request with invalid fields: each field's problems in plain English, the field paths and codes in details. */
export function validationError(problems: FieldProblem[]): DomainError {
  const fields = problems.map(({ field, problems: texts, allowed }) => {
    const plain = texts.map((text) => plainProblem(field, text));
    const codes = [...(allowed ?? []), ...plain.flatMap((problem) => problem.allowed ?? [])];
    const entry: FieldProblem = { field, problems: [...new Set(plain.map((problem) => problem.text))] };
    return codes.length ? { ...entry, allowed: [...new Set(codes)] } : entry;
  });
  return new DomainError('VALIDATION_FAILED', `The request is invalid: ${summary(fields)}`, { fields });
}

function summary(fields: FieldProblem[]): string {
  const unknown = fields.filter((field) => field.problems.includes(UNKNOWN_FIELD)).length;
  const said = [...new Set(fields.flatMap((field) => field.problems.filter((text) => text !== UNKNOWN_FIELD)))];
  const parts = said.slice(0, 5);
  if (unknown)
    parts.push(
      unknown === 1
        ? 'it has a field this request does not take (details name it)'
        : `it has ${unknown} fields this request does not take (details name them)`,
    );
  return parts.join('; ');
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationError(fieldProblems(errors)),
  });
}
