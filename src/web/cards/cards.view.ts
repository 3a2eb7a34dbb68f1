import type { Block } from '../../workflow/documents/printable';

/** A card's part as the page draws it with GOV.UK components: a subheading, a paragraph, a summary list or a table. */
type CardPart =
  | { kind: 'subheading' | 'paragraph'; text: string }
  | { kind: 'facts'; rows: { key: { text: string }; value: { text: string } }[] }
  | { kind: 'table'; head: { text: string }[]; rows: { text: string }[][]; empty: string };

/** A block as the page draws it; the marking is the page's own, at its top and foot and on every printed sheet. */
function part(block: Block): CardPart[] {
  switch (block.kind) {
    case 'marking':
    case 'title':
      return [];
    case 'heading':
      return [{ kind: 'subheading', text: block.text }];
    case 'subheading':
    case 'paragraph':
      return [{ kind: block.kind, text: block.text }];
    case 'facts':
      return [{ kind: 'facts', rows: block.rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } })) }];
    case 'table':
      return [
        {
          kind: 'table',
          head: block.header.map((text) => ({ text })),
          rows: block.rows.map((row) => row.map((text) => ({ text }))),
          empty: block.empty,
        },
      ];
  }
}

/** The premises cards as the printable page shows them: each card its title (the location) and its parts. */
export function cardsView(reference: string, cards: Block[][]) {
  return {
    width: 'full',
    pdf: `/plans/${reference}/cards.pdf`,
    cards: cards.map((blocks, at) => {
      const title = blocks.find((block) => block.kind === 'title');
      return { id: `card-${at + 1}`, title: title?.text ?? '', parts: blocks.flatMap(part) };
    }),
  };
}
