import { registerDecorator, ValidationOptions } from 'class-validator';
import { normalisePostcode } from '../operations/postcode';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a time zone (Z or ±hh:mm), which is a real date. */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 date-time with a time zone, e.g. 2027-03-01T05:00:00Z`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

/** A UK postcode (normalise it first with the `postcode` transform). */
export function IsUkPostcode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isUkPostcode',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a UK postcode, e.g. B11 1AA`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normalisePostcode(value) === value },
    });
}
