import { normalisePostcode } from './postcode';

describe('normalisePostcode', () => {
  it.each([
    ['b11 1aa', 'B11 1AA'],
    ['B111AA', 'B11 1AA'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['m1 1ae', 'M1 1AE'],
    ['EC1A1BB', 'EC1A 1BB'],
    ['w1a 0ax', 'W1A 0AX'],
    ['cr2 6xh', 'CR2 6XH'],
    ['dn55 1pt', 'DN55 1PT'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', 'B11', '11 1AA', 'B11 1A', 'B11 AAA', 'BBB1 1AA', 'B11 1AAA', 'not a postcode', '12345', 'GIR 0AA'])(
    'refuses %p',
    (input) => {
      expect(normalisePostcode(input)).toBeUndefined();
    },
  );
});
