import { keepingIds, locationIdProblems, sameContent } from './plan-edits';

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

describe('which of the plan’s locations a saved list keeps', () => {
  const place = (id: string | undefined, label: string, address: string, postcode = 'B11 1AA') => ({
    ...(id ? { id } : {}),
    label,
    address,
    postcode,
    strikeAt: null,
    entry: null,
    siteCommander: null,
  });
  const stored = (id: string, label: string, address: string) => ({ ...place(undefined, label, address), id });
  const current = [stored('car-wash', 'Car wash', '12 Ladypool Road'), stored('house', 'House', '3 Stratford Road')];

  it('keeps a location sent without an id at the same postcode and address, whatever it is called or where it is listed', () => {
    const kept = keepingIds(current, [place(undefined, 'Home', '3 STRATFORD ROAD'), place(undefined, 'Yard', '1 High Street')]);
    expect(kept.map((l) => l.id)).toEqual(['house', undefined]);
  });

  it('keeps a location sent with its id wherever it moved, and gives its old place to nobody else', () => {
    const kept = keepingIds(current, [
      place('car-wash', 'Car wash', '14 Ladypool Road'),
      place(undefined, 'Car wash 2', '12 Ladypool Road'),
    ]);
    expect(kept.map((l) => l.id)).toEqual(['car-wash', undefined]);
  });

  it('refuses an id that is not one of the plan’s locations', () => {
    expect(locationIdProblems(current, [place('house', 'House', '3 Stratford Road')])).toEqual([]);
    expect(locationIdProblems(current, [place('elsewhere', 'House', '3 Stratford Road')])).toEqual([
      { field: 'locations', problems: ['Each location’s id must be one of this plan’s locations; leave it out for a new location'] },
    ]);
  });
});
