import { windowProblems } from './window';

const at = (iso: string) => new Date(iso);

describe('windowProblems', () => {
  it('accepts a window up to 72 hours', () => {
    expect(windowProblems(at('2027-01-01T06:00:00Z'), at('2027-01-01T18:00:00Z'))).toEqual([]);
    expect(windowProblems(at('2027-01-01T06:00:00Z'), at('2027-01-04T06:00:00Z'))).toEqual([]);
  });

  it('refuses a window that ends before or when it starts', () => {
    expect(windowProblems(at('2027-01-01T06:00:00Z'), at('2027-01-01T06:00:00Z'))).toEqual(['The end must be after the start']);
    expect(windowProblems(at('2027-01-02T06:00:00Z'), at('2027-01-01T06:00:00Z'))).toEqual(['The end must be after the start']);
  });

  it('refuses a window longer than 72 hours, saying how long it is', () => {
    expect(windowProblems(at('2027-01-01T06:00:00Z'), at('2027-01-04T06:00:01Z'))).toEqual([
      'A day of action may last at most 72 hours, and this one lasts 73',
    ]);
  });
});
