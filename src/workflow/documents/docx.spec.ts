import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from './docx';
import type { Printable } from './printable';

const frame = {
  reference: 'OP-2026-0012',
  marking: 'OFFICIAL-SENSITIVE: Share only with the agencies on this plan',
  version: 7,
  producedAt: 'Thu, 3 December 2026 at 18:40 GMT',
  title: 'OP-2026-0012: Op Harbour — briefing pack',
};

async function xmlOf(printable: Printable): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await renderDocx(printable)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The body's paragraphs and tables, in order, each as its XML. */
const blocksOf = (body: string) => body.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];

describe('renderDocx', () => {
  it('keeps the line breaks people typed, a blank line starting a new paragraph', async () => {
    const xml = await xmlOf({ frame, pages: [[{ kind: 'paragraph', text: 'Entry at 06:00\nby the rear door\n\nThen search' }]] });
    const body = xml['word/document.xml'];
    expect(body).toContain(
      '<w:t xml:space="preserve">Entry at 06:00</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">by the rear door</w:t>',
    );
    expect(blocksOf(body).filter((block) => block.includes('Then search'))).toHaveLength(1);
    expect(blocksOf(body).find((block) => block.includes('Then search'))).not.toContain('rear door');
  });

  it('prints an empty table’s text in italics, and facts as a table without borders', async () => {
    const xml = await xmlOf({
      frame,
      pages: [
        [
          { kind: 'facts', rows: [['Status', 'Ready']] },
          { kind: 'table', header: ['Call sign', 'Team'], rows: [], empty: 'No call signs given yet.' },
        ],
      ],
    });
    const [facts, , empty] = blocksOf(xml['word/document.xml']);
    expect(facts).toMatch(/^<w:tbl>/);
    expect(facts).toContain('<w:insideV w:val="none"');
    expect(facts).not.toContain('w:val="single"');
    expect(empty).toContain('<w:i/>');
    expect(empty).toContain('No call signs given yet.');
  });

  it('starts each later page of the printable on a new sheet, leaves the marking blocks to the header and footer, and names the document', async () => {
    const xml = await xmlOf({
      frame,
      pages: [
        [
          { kind: 'marking', text: frame.marking },
          { kind: 'title', text: 'Card one' },
        ],
        [{ kind: 'title', text: 'Card two' }],
      ],
    });
    const body = xml['word/document.xml'];
    expect(body.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(body.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(2);
    // Word ends a section with the properties of its last paragraph: the first card's.
    expect(blocksOf(body).map((block) => [block.includes('Card one'), block.includes('<w:sectPr>')])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(body.indexOf('Card two')).toBeLessThan(body.lastIndexOf('<w:sectPr>'));
    expect(body).not.toContain('Share only with');
    expect(xml['docProps/core.xml']).toContain(`<dc:title>${frame.title}</dc:title>`);
  });
});
