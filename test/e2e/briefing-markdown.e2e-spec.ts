import MarkdownIt from 'markdown-it';
import { randomPostcode } from '../factories';
import { useApp } from '../support/use-app';

/** Text typed the way people type it, with every Markdown mark a renderer could take for structure. */
const HOSTILE = [
  '*not emphasis* and _not either_, **nor bold**',
  '# not a heading',
  '| not | a table |',
  '|---|---|',
  '1. not a list',
  '- nor this',
  '> nor a quote',
  '<script>alert(1)</script> [not a link](x) `not code` ~~not struck~~ &amp;',
  '    not code either',
  '===',
].join('\n');

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decoded = (html: string) =>
  html
    .replace(/<br\s*\/?>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/** The elements that give a document its shape, in order, each with its text: what a reader navigates by. */
function shape(html: string): string[] {
  return [...html.matchAll(/<(h[1-3]|table|ol|th|td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, inner]) =>
    tag === 'table' || tag === 'ol' ? tag : `${tag}: ${decoded(inner).trim()}`,
  );
}

/** Issue 27: the briefing pack's Markdown keeps what people typed as text, whatever renders it. */
describe('the briefing pack in Markdown', () => {
  const { s } = useApp();

  it('has the headings, tables and lists of the pack itself, with every mark people typed shown as typed and their line breaks kept', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, {
      stage: 'ready',
      body: {
        name: '# Op *Star* | <b>one</b>',
        briefing: { information: HOSTILE, intent: '1) Safeguard\n2) Arrest', method: 'Dawn entry' },
        locations: [{ label: '*Yard* | east', address: '<Unit 4>\n_Mill_ Lane', postcode: randomPostcode() }],
      },
    });
    const markdown = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;
    const html = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/html').expect(200)).text;
    // The strictest reader: raw HTML allowed, so any that got through would show.
    const rendered = new MarkdownIt({ html: true }).render(markdown);

    expect(shape(rendered)).toEqual(shape(html));
    expect(shape(rendered)).not.toContain('ol');
    expect(rendered).not.toMatch(/<(script|b|em|code|del|blockquote|pre|a)\b[^>]*>[^<]*(not|one|Yard|Mill)/);
    const text = decoded(rendered);
    for (const line of HOSTILE.split('\n')) expect(text).toContain(line.trim());
    expect(text).toContain('1) Safeguard\n2) Arrest');
    expect(text).toContain('# Op *Star* | <b>one</b>');
    // A table cell holds one line.
    expect(text).toContain('<Unit 4> _Mill_ Lane');
  });
});
