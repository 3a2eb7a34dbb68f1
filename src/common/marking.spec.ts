import { highestClassification, markingText, printedMarkingCss } from './marking';

describe('protective marking', () => {
  it('prints the classification with any handling instruction', () => {
    expect(markingText({ classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null })).toBe('OFFICIAL-SENSITIVE');
    expect(markingText({ classification: 'OFFICIAL', handlingInstruction: 'Not for release' })).toBe('OFFICIAL: Not for release');
  });

  it('marks a document holding several plans with the highest of their markings', () => {
    expect(highestClassification([])).toBeNull();
    expect(highestClassification([{ classification: 'OFFICIAL', handlingInstruction: null }])).toBe('OFFICIAL');
    expect(
      highestClassification([
        { classification: 'OFFICIAL', handlingInstruction: null },
        { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null },
      ]),
    ).toBe('OFFICIAL-SENSITIVE');
  });

  it('writes the marking into print rules that no handling instruction can break out of', () => {
    const css = printedMarkingCss({ classification: 'OFFICIAL-SENSITIVE', handlingInstruction: '"}</style><script>alert(1)</script>' });
    expect(css).not.toMatch(/<|>|"\}/);
    expect(css).toContain('@top-center{content:"OFFICIAL\\2d SENSITIVE\\3a  \\22 \\7d \\3c \\2f style');
    expect(css).toContain('counter(page) " of " counter(pages)');
  });
});
