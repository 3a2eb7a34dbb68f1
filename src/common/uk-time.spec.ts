import { ukDate, ukDateTime, ukInstant, ukLocalTime } from './uk-time';

describe('UK dates', () => {
  it('gives the UK calendar date of an instant, in winter (GMT) and in summer (BST)', () => {
    expect(ukDate(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15');
    expect(ukDate(new Date('2027-07-15T23:30:00Z'))).toBe('2027-07-16');
  });
});

describe('UK wall-clock time', () => {
  it('names GMT in winter and BST in summer', () => {
    expect(ukDateTime('2027-01-15T09:00:00Z')).toBe('Fri, 15 January 2027 at 09:00 GMT');
    expect(ukDateTime('2027-07-15T09:00:00Z')).toBe('Thu, 15 July 2027 at 10:00 BST');
  });

  it('reads a wall-clock time either side of the March change as the instant it is', () => {
    expect(ukInstant({ year: 2027, month: 3, day: 28, hour: 0, minute: 30 })?.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(ukInstant({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 })?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses a time the March change skips', () => {
    expect(ukInstant({ year: 2027, month: 3, day: 28, hour: 1, minute: 30 })).toBeUndefined();
  });

  it('takes the first (BST) of the hour the October change repeats', () => {
    expect(ukInstant({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 })?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(ukInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('gives back the fields an instant shows in the UK', () => {
    expect(ukLocalTime('2026-10-25T00:30:00Z')).toEqual({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 });
  });
});
