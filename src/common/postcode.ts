/** UK postcode: outward code (area, district) and inward code (sector, unit); GIR 0AA is the one exception. */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** `b11 1aa` → `B11 1AA`; undefined when the text is not a UK postcode. */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === 'GIR0AA') return 'GIR 0AA';
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : undefined;
}
