import type { Block } from '../../workflow/documents/printable';
import { cardsView } from './cards.view';

describe('the premises cards page', () => {
  const card: Block[] = [
    { kind: 'marking', text: 'OFFICIAL-SENSITIVE' },
    { kind: 'title', text: 'Car wash' },
    { kind: 'facts', rows: [['Postcode', 'B12 9AA']] },
    { kind: 'subheading', text: 'Teams at this address' },
    { kind: 'table', header: ['Team', 'Call sign'], rows: [['Entry team', 'Tango 1']], empty: 'No team allocated here yet.' },
  ];

  it('draws each card under its location with its facts and tables as GOV.UK components, leaving the marking to the page', () => {
    const view = cardsView('OP-2027-0001', [card, [{ kind: 'title', text: 'House' }]]);
    expect(view.pdf).toBe('/plans/OP-2027-0001/cards.pdf');
    expect(view.cards).toEqual([
      {
        id: 'card-1',
        title: 'Car wash',
        parts: [
          { kind: 'facts', rows: [{ key: { text: 'Postcode' }, value: { text: 'B12 9AA' } }] },
          { kind: 'subheading', text: 'Teams at this address' },
          {
            kind: 'table',
            head: [{ text: 'Team' }, { text: 'Call sign' }],
            rows: [[{ text: 'Entry team' }, { text: 'Tango 1' }]],
            empty: 'No team allocated here yet.',
          },
        ],
      },
      { id: 'card-2', title: 'House', parts: [] },
    ]);
  });
});
