import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// pdf.js loads its worker with a dynamic import(), which Jest's module registry refuses without
// --experimental-vm-modules: the PDF is read in a child Node process instead.
const READ_PAGES = `
const pdfjs = await import(process.env.PDFJS);
const pdf = await pdfjs.getDocument({ data: new Uint8Array((await import('node:fs')).readFileSync(process.env.PDF_FILE)), useSystemFonts: false }).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const items = content.items.filter((item) => item.str.trim()).map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width }));
  pages.push({ width, height, items });
}
await pdf.destroy();
process.stdout.write(JSON.stringify(pages));
`;

/** A run of text drawn on a page, in points from the page's bottom-left corner. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** A page of a PDF: its size in points and the text drawn on it. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** The page's text, line by line from the top (items sharing a baseline joined by spaces). */
  text: string;
}

/** Items on one baseline as a line of text: a space where there is a gap between them, none where one word was drawn in pieces. */
function line(row: PdfTextItem[]): string {
  const sorted = [...row].sort((a, b) => a.x - b.x);
  return sorted
    .map((item, at) => (at > 0 && item.x - (sorted[at - 1].x + sorted[at - 1].width) > 1 ? ` ${item.text}` : item.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function lines(items: PdfTextItem[]): string {
  const rows = new Map<number, PdfTextItem[]>();
  for (const item of items) {
    const y = Math.round(item.y);
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => line(row))
    .join('\n');
}

/** Each page of a PDF, in order, with what is drawn where: what a reader of the printed document sees on each sheet. */
export async function pdfLayout(pdf: Buffer): Promise<PdfPage[]> {
  const folder = await mkdtemp(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(folder, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', READ_PAGES], {
      env: { ...process.env, PDF_FILE: file, PDFJS: require.resolve('pdfjs-dist/legacy/build/pdf.mjs') },
      maxBuffer: 64 * 1024 * 1024,
    });
    return (JSON.parse(stdout) as Omit<PdfPage, 'text'>[]).map((page) => ({ ...page, text: lines(page.items) }));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF, in order. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  return (await pdfLayout(pdf)).map((page) => page.text);
}

/** Text drawn past the page's right edge less `margin` points: what a printer would clip or crowd into the margin. */
export function pastRightMargin(page: PdfPage, margin: number): PdfTextItem[] {
  return page.items.filter((item) => item.x + item.width > page.width - margin + 0.5);
}
