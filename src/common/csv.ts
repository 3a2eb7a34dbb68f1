/** Byte order mark: Excel opens a CSV as UTF-8 only when the file starts with it. */
const BOM = '\uFEFF';

/** A cell Excel or Sheets would run as a formula (OWASP's list, leading tab and carriage return included). */
const FORMULA = /^[=+\-@\t\r]/;

/** One cell: neutralised against formula injection (a leading quote makes it text), then quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document as Excel opens it: UTF-8 with a byte order mark, CRLF line ends (RFC 4180), a
 * header row, and every cell safe to open (no cell can start a formula). A document holding marked
 * plans starts with their protective marking, on a line of its own before the header (R14d).
 */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][], marking: string | null = null): string {
  return BOM + [...(marking ? [[marking]] : []), header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
