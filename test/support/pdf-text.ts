import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'superagent';

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
  /** The page's text in the order it was drawn, one space between runs: a table cell's lines stay together. */
  flow: string;
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
    return (JSON.parse(stdout) as Omit<PdfPage, 'text' | 'flow'>[]).map((page) => ({
      ...page,
      text: lines(page.items),
      flow: page.items
        .map((item) => item.text.trim())
        .join(' ')
        .replace(/\s+/g, ' '),
    }));
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

/**
 * A PDF's text in the order it was drawn, as one string in which a word broken across lines (a long reference
 * in a narrow column) is joined again: for looking for a secret anywhere in the document.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfLayout(pdf)).map((page) => page.flow).join(' ');
}

/** A supertest parser that keeps a binary response (a PDF, a Word document) as a Buffer in `body`. */
export function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  // Under the typings, the response is the Node stream it is read from.
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
