import { drawnFingerprint, mergeForm, readFingerprint } from './form-merge';

describe('the three-way merge of a form (R10)', () => {
  const drawn = { name: 'Harbour', briefing: 'Entry at dawn', scope: 'LOCAL', types: ['LABOUR'] };
  const fingerprint = readFingerprint(drawnFingerprint(drawn));

  it('reads back the fingerprint it wrote, and nothing else', () => {
    expect(Object.keys(fingerprint ?? {})).toEqual(['name', 'briefing', 'scope', 'types']);
    expect(readFingerprint('')).toBeUndefined();
    expect(readFingerprint('not base64 json')).toBeUndefined();
    expect(readFingerprint(Buffer.from('[1,2]').toString('base64url'))).toBeUndefined();
  });

  it('keeps what the person changed and takes everything else as it is now: a colleague’s change is never reverted', () => {
    const now = { ...drawn, name: 'Renamed by a colleague' };
    const posted = { ...drawn, briefing: 'Entry at dawn through the rear gate' };
    expect(mergeForm(posted, fingerprint, now)).toEqual({
      values: { ...now, briefing: 'Entry at dawn through the rear gate' },
      mine: ['briefing'],
      clashes: [],
    });
  });

  it('shows a field both changed, to different values, side by side until the person chooses', () => {
    const now = { ...drawn, name: 'Theirs' };
    const posted = { ...drawn, name: 'Mine', scope: 'REGIONAL' };
    expect(mergeForm(posted, fingerprint, now)).toEqual({
      values: { ...now, name: 'Mine', scope: 'REGIONAL' },
      mine: ['name', 'scope'],
      clashes: [{ key: 'name', yours: 'Mine', now: 'Theirs' }],
    });
    expect(mergeForm(posted, fingerprint, now, { name: 'yours' })).toMatchObject({
      values: { name: 'Mine' },
      mine: ['name', 'scope'],
      clashes: [],
    });
    expect(mergeForm(posted, fingerprint, now, { name: 'now' })).toMatchObject({
      values: { name: 'Theirs' },
      mine: ['scope'],
      clashes: [],
    });
  });

  it('is no clash when both made the same change, and no change when nothing was changed', () => {
    const now = { ...drawn, name: 'Same' };
    expect(mergeForm({ ...drawn, name: 'Same' }, fingerprint, now)).toEqual({ values: now, mine: [], clashes: [] });
    expect(mergeForm(drawn, fingerprint, drawn)).toEqual({ values: drawn, mine: [], clashes: [] });
  });

  it('takes a form with no fingerprint as drawn from the plan as it is now', () => {
    expect(mergeForm({ ...drawn, types: ['LABOUR', 'SEXUAL'] }, undefined, drawn)).toEqual({
      values: { ...drawn, types: ['LABOUR', 'SEXUAL'] },
      mine: ['types'],
      clashes: [],
    });
  });
});
