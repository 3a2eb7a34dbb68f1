import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number someone can ring, in E.164: read as a UK number unless it starts with its country
 * code; undefined when no such number exists. Stricter than a subject's phone (only possible): a
 * contact number on an order must be one that connects.
 */
export function dialableNumber(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, 'GB');
  return parsed?.isValid() ? parsed.number : undefined;
}

/** A stored E.164 number as people read it: "+44 121 626 5000". */
export function spokenNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
