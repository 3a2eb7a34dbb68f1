/**
 * A UK postcode as stored: outward code (area, district), one space, inward code (sector, unit).
 * The database check ck_operation_locations_postcode holds the same pattern; the vocabulary test
 * fails if the two part. GIR 0AA (a bank's, not a place) is not a postcode here.
 */
export const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

/** `b11 1aa` → `B11 1AA`; undefined when the text is not a UK postcode. */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const spaced = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return UK_POSTCODE.test(spaced) ? spaced : undefined;
}
