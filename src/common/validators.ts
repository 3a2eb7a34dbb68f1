import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { fieldLabel } from './labels';
import { dialableNumber } from './phone';
import { UK_POSTCODE } from './postcode';

/** The field's label as the start of a sentence: "The strike time". */
const subject = (propertyName: string) => {
  const words = fieldLabel(propertyName);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a time zone (Z or ±hh:mm), which is a real date. */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: { message: `${subject(propertyName)} must be a date and time with its time zone, like 2027-03-01T05:00:00Z`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date, YYYY-MM-DD, that exists. */
export function IsDateOnly(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName,
      options: { message: `${subject(propertyName)} must be a real date, written like 2027-02-14`, ...options },
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
          if (!match) return false;
          const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
          return date.toISOString().slice(0, 10) === value;
        },
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
      options: { message: `${subject(propertyName)} must be a UK postcode, like B11 1AA`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && UK_POSTCODE.test(value) },
    });
}

/** A UK or international phone number that exists (normalise it first with the `phoneNumber` transform); `message` says which. */
export function IsDialableNumber(message: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDialableNumber',
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && dialableNumber(value) === value },
    });
}

/**
 * Required free text (a reason, a note, a comment): one message that says what to enter when
 * it is missing or blank, another when it is too long. Trim it first with the `trim` transform.
 */
export function IsRequiredText(missing: string, maxLength: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRequiredText',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= maxLength,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && args.value.length > maxLength
            ? `${subject(propertyName)} must be ${maxLength} characters or fewer`
            : missing,
      },
    });
}

/**
 * The options of a check that a field is one of `values` (IsIn): the problem in words for people,
 * and the codes the field takes for programs (in the error's details, beside the field).
 */
export function oneOf(values: readonly string[], message: string, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, message, context: { allowed: [...values] } };
}

/**
 * The field may be left out; when it is sent, it is validated, null included (class-validator's
 * IsOptional would let null through to a NOT NULL column). For fields where null means "clear it",
 * use IsOptional.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
