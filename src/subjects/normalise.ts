import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SubjectKind } from '../common/domain';
import { FieldProblem } from '../common/validation';

/** A subject as people entered it, tidied for display, and the texts it is matched by (one per name for a person). */
export interface NormalisedSubject {
  details: Record<string, unknown>;
  matchTexts: string[];
}

/** Letters that do not decompose into a base letter and an accent. */
const FOLDED: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A name whatever its case, accents, spacing, punctuation and order of parts: "KOWALSKI, Jan" and "Jan  Kowalski" are one. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøßæœđðþı]/g, (letter) => FOLDED[letter])
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** A phone number in E.164, read as a UK number unless it says otherwise; undefined when it cannot be a number. */
export function phoneKey(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, 'GB');
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** A UK registration without spaces or hyphens, in upper case. */
export function registrationKey(registration: string): string {
  return registration.replace(/[\s-]+/g, '').toUpperCase();
}

export interface SubjectInput {
  kind: SubjectKind;
  fullName?: string;
  dateOfBirth?: string;
  aliases?: string[];
  phone?: string;
  registration?: string;
  email?: string;
}

/** The subject normalised for matching, or the problems with it, by field. */
export function normaliseSubject(input: SubjectInput): NormalisedSubject | FieldProblem[] {
  switch (input.kind) {
    case 'PERSON': {
      const names = [input.fullName as string, ...(input.aliases ?? [])];
      const empty = names.findIndex((name) => nameKey(name) === '');
      if (empty >= 0) return [{ field: empty === 0 ? 'fullName' : `aliases.${empty - 1}`, problems: ['Enter a name with letters in it'] }];
      const aliases = input.aliases ?? [];
      return {
        details: { fullName: input.fullName, dateOfBirth: input.dateOfBirth, aliases },
        matchTexts: [...new Set(names.map((name) => `PERSON|${nameKey(name)}|${input.dateOfBirth}`))],
      };
    }
    case 'PHONE': {
      const number = phoneKey(input.phone as string);
      if (!number) return [{ field: 'phone', problems: ['Enter a phone number, like 07700 900123 or +44 7700 900123'] }];
      return { details: { phone: number }, matchTexts: [`PHONE|${number}`] };
    }
    case 'VEHICLE': {
      const registration = registrationKey(input.registration as string);
      return { details: { registration }, matchTexts: [`VEHICLE|${registration}`] };
    }
    case 'EMAIL': {
      const email = (input.email as string).trim().toLowerCase();
      return { details: { email }, matchTexts: [`EMAIL|${email}`] };
    }
  }
}
