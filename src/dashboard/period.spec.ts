import { addMonths, monthsOf, monthsSpanned, resolvePeriod, ukMonth } from './period';

describe('the dashboard period', () => {
  const now = new Date('2027-03-31T23:30:00Z'); // 00:30 BST on 1 April in the UK

  it('reads months in UK time', () => {
    expect(ukMonth(now)).toBe('2027-04');
    expect(ukMonth(new Date('2027-01-31T23:30:00Z'))).toBe('2027-01');
  });

  it('moves and counts months across years', () => {
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-04', -11)).toBe('2026-05');
    expect(monthsSpanned('2026-05', '2027-04')).toBe(12);
    expect(monthsOf({ from: '2026-11', to: '2027-01', months: 3 })).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('is the last 12 months by default, or the last N, this month included', () => {
    expect(resolvePeriod({}, now)).toEqual({ from: '2026-05', to: '2027-04', months: 12 });
    expect(resolvePeriod({ months: 1 }, now)).toEqual({ from: '2027-04', to: '2027-04', months: 1 });
    expect(resolvePeriod({ months: 36 }, now)).toEqual({ from: '2024-05', to: '2027-04', months: 36 });
  });

  it('fills a missing end: to is this month (or from, when later), from is 11 months before to', () => {
    expect(resolvePeriod({ from: '2027-01' }, now)).toEqual({ from: '2027-01', to: '2027-04', months: 4 });
    expect(resolvePeriod({ from: '2027-09' }, now)).toEqual({ from: '2027-09', to: '2027-09', months: 1 });
    expect(resolvePeriod({ to: '2026-12' }, now)).toEqual({ from: '2026-01', to: '2026-12', months: 12 });
  });

  it('refuses months with from or to, an end before the start, and more than 36 months', () => {
    expect(resolvePeriod({ months: 3, from: '2027-01' }, now)).toEqual([
      { field: 'months', problems: ['Give either months, or from and to, not both'] },
    ]);
    expect(resolvePeriod({ from: '2027-02', to: '2027-01' }, now)).toEqual([
      { field: 'to', problems: ['to must be the same month as from or a later one'] },
    ]);
    expect(resolvePeriod({ from: '2024-01', to: '2027-01' }, now)).toEqual([
      { field: 'from', problems: ['The period can be at most 36 months: from 2024-01 to 2027-01 is 37'] },
    ]);
    expect(resolvePeriod({ from: '2024-02', to: '2027-01' }, now)).toEqual({ from: '2024-02', to: '2027-01', months: 36 });
  });
});
