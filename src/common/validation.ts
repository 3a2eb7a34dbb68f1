import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './errors/domain-error';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens nested class-validator errors into one entry per field path (`locations.0.postcode`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, problems: Object.values(error.constraints).map(humanise) }]
      : [];
    return own.concat(fieldProblems(error.children ?? [], field));
  });
}

function humanise(message: string): string {
  return message.replace(/^property (\S+) should not exist$/, '$1 is not a field of this request');
}

export function validationError(problems: FieldProblem[]): DomainError {
  const summary = problems
    .slice(0, 5)
    .map((problem) => `${problem.field}: ${problem.problems.join(', ')}`)
    .join('; ');
  return new DomainError('VALIDATION_FAILED', `The request is invalid: ${summary}`, { fields: problems });
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
