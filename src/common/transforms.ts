import { dialableNumber } from './phone';
import { normalisePostcode } from './postcode';

/** class-transformer helpers for request fields. */
type Input = { value: unknown };

export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: Input) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** Optional free text: blank is null. */
export const blankAsNull = ({ value }: Input) => (typeof value === 'string' ? value.trim() || null : value);
export const lower = ({ value }: Input) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Normalises a UK postcode (`b11 1aa` → `B11 1AA`); anything else is left for the validator to refuse. */
export const postcode = ({ value }: Input) => (typeof value === 'string' ? (normalisePostcode(value) ?? value) : value);

/** A phone number in E.164 (`0121 626 5000` → `+441216265000`); anything else is left for the validator to refuse. */
export const phoneNumber = ({ value }: Input) => (typeof value === 'string' ? (dialableNumber(value) ?? value) : value);

/** Query-string numbers: `"50"` → 50; anything else is left for the validator to refuse. */
export const queryInt = ({ value }: Input) => (typeof value === 'string' && /^-?\d{1,12}$/.test(value) ? Number(value) : value);
