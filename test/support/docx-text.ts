import { strFromU8, unzipSync } from 'fflate';

/** A Word document's XML: its body, and all its headers and all its footers (one of each a section). */
export function partsOf(docx: Buffer): { body: string; headers: string; footers: string } {
  const files = unzipSync(new Uint8Array(docx));
  const xml = (name: RegExp) =>
    Object.keys(files)
      .filter((file) => name.test(file))
      .map((file) => strFromU8(files[file]))
      .join('\n');
  return { body: xml(/^word\/document\.xml$/), headers: xml(/^word\/header\d*\.xml$/), footers: xml(/^word\/footer\d*\.xml$/) };
}

/** The text a piece of Word XML shows (its runs' text, entities decoded). */
export const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map(([, text]) => text)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** All the text of a Word document, body, headers and footers: for looking for a secret anywhere in it. */
export function docxText(docx: Buffer): string {
  const { body, headers, footers } = partsOf(docx);
  return [headers, body, footers].map(textOf).join(' ');
}
