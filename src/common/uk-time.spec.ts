import { clockOf, ukDate, ukDateTime, ukDay, ukInstant, ukLocalTime } from './uk-time';

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

describe('UK days as people read them', () => {
  it('writes a calendar date as its day, month and year, whatever the time zone', () => {
    expect(ukDay('2026-12-10')).toBe('10 December 2026');
    expect(ukDay('2027-07-01')).toBe('1 July 2027');
  });

  it('writes an instant as the day it falls on in the UK', () => {
    expect(ukDay('2027-07-15T23:30:00Z')).toBe('16 July 2027');
    expect(ukDay(new Date('2027-01-15T23:30:00Z'))).toBe('15 January 2027');
  });
});

describe('times of day as people type them', () => {
  it.each([
    ['06:00', 6, 0],
    ['6:00', 6, 0],
    ['06.30', 6, 30],
    ['0600', 6, 0],
    ['0600hrs', 6, 0],
    ['0600 hrs', 6, 0],
    ['600', 6, 0],
    ['2359', 23, 59],
    ['00:00', 0, 0],
    ['6am', 6, 0],
    ['6 AM', 6, 0],
    ['6:30pm', 18, 30],
    ['6.30 p.m.', 18, 30],
    ['12am', 0, 0],
    ['12pm', 12, 0],
    ['noon', 12, 0],
    ['Midnight', 0, 0],
  ])('reads "%s" as %i:%i', (typed, hour, minute) => {
    expect(clockOf(typed)).toEqual({ hour, minute });
  });

  it.each(['', '9', '25:00', '2460', '06:60', '13pm', '0am', 'six', '06:00:00', '12345'])('refuses "%s"', (typed) => {
    expect(clockOf(typed)).toBeUndefined();
  });
});
