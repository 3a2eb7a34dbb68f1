import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// pdf.js, inside pdf-parse, loads its worker with a dynamic import(), which Jest's module registry
// refuses without --experimental-vm-modules: the PDF is read in a child Node process instead.
const READ_PAGES = `
const { PDFParse } = require(process.env.PDF_PARSE);
const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(process.env.PDF_FILE)) });
parser.getText()
  .then((result) => process.stdout.write(JSON.stringify(result.pages.map((page) => page.text))))
  .finally(() => parser.destroy());
`;

/** The text of each page of a PDF, in order: what a reader of the printed document sees on each sheet. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(folder, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', READ_PAGES], {
      env: { ...process.env, PDF_FILE: file, PDF_PARSE: require.resolve('pdf-parse') },
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as string[];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
