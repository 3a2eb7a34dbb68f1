import { tableWidths } from './pdf';

/** The width of A4 portrait less 40-point margins, and the padding and borders pdfmake adds to each cell. */
const TEXT_WIDTH = 595.28 - 80;
const padding = (columns: number) => columns * 9 + 1;

describe('tableWidths', () => {
  const header = ['Team', 'Agency', 'Officers', 'Tasking', 'Status'];
  const rows = [['MPS entry team', 'MPS', '12', 'Enter and search the premises, arrest the named suspects and seize phones', 'Confirmed']];

  it('fills the text width exactly, padding included, so a table never runs into the margin', () => {
    const widths = tableWidths(header, rows);
    expect(widths.reduce((sum, w) => sum + w, 0) + padding(header.length)).toBeCloseTo(TEXT_WIDTH, 6);
  });

  it('gives the room to the column that holds the most, and each column at least its longest word', () => {
    const widths = tableWidths(header, rows);
    expect(Math.max(...widths)).toBe(widths[3]);
    // "Confirmed" is nine characters at 8 points: about 45 points of text.
    expect(widths[4]).toBeGreaterThanOrEqual(9 * 0.62 * 8);
  });

  it('still fits when the longest words alone are wider than the page: every column shrinks in proportion', () => {
    const wide = Array.from({ length: 14 }, (_, at) => `Heading${at}Long`);
    const widths = tableWidths(wide, [wide.map(() => 'x'.repeat(40))]);
    expect(widths.reduce((sum, w) => sum + w, 0) + padding(wide.length)).toBeCloseTo(TEXT_WIDTH, 6);
    expect(new Set(widths.map((w) => w.toFixed(6))).size).toBe(1);
  });
});
