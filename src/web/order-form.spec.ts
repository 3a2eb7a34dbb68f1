import type { LocationView } from '../operations/dto/operation.dto';
import { inOrder, locationBody, locationFields, locationFormValuesOf, optionalInstantAt, storedLocation } from './order-form';
import { instantOf } from './plan-form';

const winter = { day: '1', month: '3', year: '2031', time: '05:30' };
const blank = { day: '', month: '', year: '', time: '' };

describe('the operational order’s forms', () => {
  it('reads a UK date and time as an instant, with errors named for the field and what is timed', () => {
    expect(instantOf('briefingAt', winter, 'briefing')).toEqual({ iso: '2031-03-01T05:30:00.000Z' });
    expect(instantOf('briefingAt', { ...winter, month: '' }, 'briefing')).toEqual({
      error: { field: 'briefingAt-month', text: 'The briefing date must include a month' },
    });
    expect(instantOf('meetAt', { ...winter, time: '' }, 'meeting')).toEqual({
      error: { field: 'meetAt-time', text: 'Enter the meeting time, for example 05:30' },
    });
    expect(optionalInstantAt('debriefAt', 'debrief', blank)).toEqual({ iso: null });
  });

  it('reads a time typed as people write it: 0530, 5:30 or 5.30am are all 05:30', () => {
    for (const time of ['0530', '5:30', '05.30', '5.30am', '0530hrs']) {
      expect(instantOf('briefingAt', { ...winter, time }, 'briefing')).toEqual({ iso: '2031-03-01T05:30:00.000Z' });
    }
    expect(instantOf('briefingAt', { ...winter, time: '2530' }, 'briefing')).toEqual({
      error: { field: 'briefingAt-time', text: 'Enter the briefing time as hours and minutes, for example 05:30 or 0530' },
    });
  });

  it('sends only the details the chosen entry basis needs', () => {
    const typed = {
      location: { label: 'Yard', address: '1 Mill Lane', postcode: 'B11 1AA' },
      strikeAt: blank,
      basis: 'CONSENT',
      warrant: { type: 'Left over', court: '', reference: '', expiresAt: blank },
      power: 'Left over too',
    };
    expect(locationBody(typed)).toEqual({ location: { ...typed.location, strikeAt: null, entry: { basis: 'CONSENT' } }, errors: [] });
    expect(locationBody({ ...typed, basis: 'NONE' }).location.entry).toBeNull();
    expect(locationBody({ ...typed, basis: 'STATUTORY_POWER' }).location.entry).toEqual({
      basis: 'STATUTORY_POWER',
      power: 'Left over too',
    });
    expect(locationBody({ ...typed, basis: 'WARRANT' })).toEqual({
      location: {
        ...typed.location,
        strikeAt: null,
        entry: { basis: 'WARRANT', warrant: { type: 'Left over', court: '', reference: '', expiresAt: '' } },
      },
      errors: [{ field: 'warrantExpiresAt-day', text: 'Enter the date and time the warrant expires' }],
    });
  });

  it('sends a stored location back with everything it has, and shows it again as typed', () => {
    const stored: LocationView = {
      label: 'Car wash',
      address: '12 Ladypool Road',
      postcode: 'B12 8JY',
      strikeAt: '2031-03-01T06:00:00.000Z',
      entry: {
        basis: 'WARRANT',
        warrant: { type: 'PACE s.8', court: 'BMC', reference: 'X1', expiresAt: '2031-03-02T00:00:00.000Z' },
        power: null,
      },
      siteCommander: { name: 'Raj Patel', rankOrGrade: 'Inspector', agency: 'West Midlands Police', phone: '+441216265000' },
    };
    expect(storedLocation(stored)).toEqual({ ...stored, entry: { basis: 'WARRANT', warrant: stored.entry!.warrant } });
    expect(storedLocation({ ...stored, strikeAt: null, entry: null })).toEqual({ ...stored, strikeAt: null, entry: null });
    expect(locationFormValuesOf(stored)).toMatchObject({
      strikeAt: { day: '1', month: '3', year: '2031', time: '06:00' },
      basis: 'WARRANT',
      warrant: { reference: 'X1' },
    });
  });

  it('puts the API’s problems of the location being edited against its fields, and others’ in the summary alone', () => {
    const fields = locationFields(2);
    expect(fields.id('locations.2.entry.warrant.expiresAt')).toBe('warrantExpiresAt-day');
    expect(fields.id('locations.2.strikeAt')).toBe('strikeAt-day');
    expect(fields.id('locations.0.strikeAt')).toBe('');
    expect(fields.id('version')).toBe('');
  });

  it('lists errors in the order of the form, the form’s own before the API’s for the same field', () => {
    const order = ['rv-name', 'meetAt'];
    const ours = [{ field: 'meetAt-time', text: 'Enter the meeting time, for example 05:30' }];
    const theirs = [
      { field: 'meetAt-day', text: 'Enter when teams meet' },
      { field: 'rv-name', text: 'Enter a name for the RV point' },
      { field: '', text: 'Someone else changed this plan' },
    ];
    expect(inOrder(order, ours, theirs).map((error) => error.field)).toEqual(['', 'rv-name', 'meetAt-time']);
  });
});
