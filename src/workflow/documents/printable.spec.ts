import { footLine, footPieces } from './printable';

const frame = {
  reference: 'OP-2026-0012',
  marking: 'OFFICIAL-SENSITIVE',
  version: 7,
  producedAt: 'Thu, 3 December 2026 at 18:40 GMT',
  title: 'OP-2026-0012: Op Harbour — briefing pack',
};

describe('the foot line', () => {
  it('says where the page is in the document and what it was made from', () => {
    expect(footLine(frame, 3, 7)).toBe('OP-2026-0012 — page 3 of 7 · Version 7 · Produced Thu, 3 December 2026 at 18:40 GMT');
  });

  it('is the same words around page numbers a renderer writes itself, as Word writes its page fields', () => {
    expect(footPieces(frame, 'PAGE', 'NUMPAGES')).toEqual([
      'OP-2026-0012 — page ',
      'PAGE',
      ' of ',
      'NUMPAGES',
      ' · Version 7 · Produced Thu, 3 December 2026 at 18:40 GMT',
    ]);
  });
});
