/** A word longer than this in a table cell (an email, a warrant reference) may break anywhere, so it does not widen its column. */
export const LONGEST_UNBROKEN = 16;
/** A cell's text beyond this length wraps in any case: it asks no more room than a line of this much. */
const LONGEST_WANT = 60;

/**
 * Column widths that together fill `room`, for a table of many columns on A4 portrait (the PDF, and the
 * briefing page printed from the browser): each column at least as wide as its longest word (up to
 * LONGEST_UNBROKEN characters of `charWidth` each), the rest shared by how much text each column holds, so
 * a short column ("Officers") stays narrow and a long "Tasking" does not squeeze "Window" to a sliver.
 * When the longest words alone are wider than the room, every column shrinks in proportion.
 */
export function columnWidths(header: string[], rows: string[][], room: number, charWidth: number): number[] {
  const cells = (column: number) => [header[column], ...rows.map((row) => row[column] ?? '')];
  const wordWidth = (word: string) => Math.min(word.length, LONGEST_UNBROKEN) * charWidth;
  const least = header.map((_, column) => Math.max(...cells(column).flatMap((cell) => cell.split(/\s+/).map(wordWidth))));
  const wants = header.map((_, column) => Math.min(Math.max(...cells(column).map((cell) => cell.length)), LONGEST_WANT) + 4);
  const spare = room - least.reduce((sum, w) => sum + w, 0);
  if (spare <= 0) return least.map((w) => (w * room) / (room - spare));
  const wanted = wants.reduce((sum, w) => sum + w, 0);
  return least.map((w, column) => w + (spare * wants[column]) / wanted);
}
