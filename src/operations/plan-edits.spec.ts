import { sameContent } from './plan-edits';

describe('what counts as a change of the plan’s content', () => {
  it('takes an empty text, a null and an absent value as the same nothing', () => {
    expect(sameContent('', null)).toBe(true);
    expect(sameContent(undefined, null)).toBe(true);
    expect(sameContent({ intent: 'Arrest', method: '' }, { intent: 'Arrest' })).toBe(true);
    expect(sameContent({ name: 'DC Shah', phone: null }, { name: 'DC Shah' })).toBe(true);
    expect(sameContent('', 'Dogs on site')).toBe(false);
  });

  it('reads stored JSON whatever the order of its keys', () => {
    expect(sameContent([{ name: 'DC Shah', agencyId: 'a', phone: '07700' }], [{ phone: '07700', name: 'DC Shah', agencyId: 'a' }])).toBe(
      true,
    );
    expect(
      sameContent(
        { entry: { basis: 'WARRANT', power: null, warrant: { court: 'Stratford', type: 's.8' } } },
        { entry: { warrant: { type: 's.8', court: 'Stratford' }, basis: 'WARRANT' } },
      ),
    ).toBe(true);
  });

  it('still sees a real change: another value, another order of a list, a zero for a number', () => {
    expect(sameContent({ intent: 'Arrest' }, { intent: 'Safeguard' })).toBe(false);
    expect(sameContent(['Romanian', 'Polish'], ['Polish', 'Romanian'])).toBe(false);
    expect(sameContent(4, 0)).toBe(false);
    expect(sameContent(0, null)).toBe(false);
    expect(sameContent(new Date('2027-03-01T05:00:00Z'), '2027-03-01T05:00:00.000Z')).toBe(true);
  });
});
