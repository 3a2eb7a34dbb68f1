import { ukDate } from './uk-time';

describe('UK dates', () => {
  it('gives the UK calendar date of an instant, in winter (GMT) and in summer (BST)', () => {
    expect(ukDate(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15');
    expect(ukDate(new Date('2027-07-15T23:30:00Z'))).toBe('2027-07-16');
  });
});
