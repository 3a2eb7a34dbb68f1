import { Param, ParseUUIDPipe } from '@nestjs/common';
import { validationError } from './validation';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      version: 'all',
      exceptionFactory: () => validationError([{ field: name, problems: [`${name} must be a UUID`] }]),
    }),
  );
