import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import { firstRespondersChange, interpretersChange, valuesOf } from './safeguarding.form';
import { safeguardingView } from './safeguarding.view';

const plan = (safeguarding: Partial<OperationView['safeguarding']>, locations?: { label: string; strikeAt: string | null }[]) =>
  ({
    safeguarding: {
      expectedPotentialVictims: 4,
      languages: ['Romanian', 'Polish '],
      receptionCentre: 'Civic hall',
      receptionOpensAt: null,
      receptionClosesAt: null,
      medicalCover: null,
      firstResponders: [{ name: 'DC Patel', agency: { id: 'police' }, phone: '01234' }],
      interpreters: [{ language: 'polish', name: 'Anna' }],
      ...safeguarding,
    },
    locations,
  }) as unknown as OperationView;
const agency = (id: string, name: string, kind: AgencyView['kind']): AgencyView => ({ id, code: id, name, kind });

describe('the safeguarding page', () => {
  it('offers only agencies that may be NRM first responders, naming their kind when the name does not say it', () => {
    const agencies = [
      agency('police', 'Northshire Police', 'POLICE'),
      agency('hmrc', 'HMRC', 'HMRC'),
      agency('vs', 'Victim support', 'VICTIM_SUPPORT'),
    ];
    const values = { ...valuesOf(plan({})), responder: { name: '', agencyId: 'vs', phone: '' } };
    expect(safeguardingView(plan({}), agencies, values).agencyItems).toEqual([
      { value: '', text: 'Select an agency', selected: false },
      { value: 'police', text: 'Northshire Police (Police)', selected: false },
      { value: 'vs', text: 'Victim support', selected: true },
    ]);
  });

  it('names the languages no interpreter is booked for, whatever their case or spacing', () => {
    expect(safeguardingView(plan({}), [], valuesOf(plan({}))).uncovered).toEqual(['Romanian']);
  });

  it('says at each strike whether the reception centre is open, closed, or has no hours recorded', () => {
    const places = [
      { label: 'Farm', strikeAt: '2026-06-01T05:00:00Z' },
      { label: 'Yard', strikeAt: '2026-06-01T09:00:00Z' },
      { label: 'Flat', strikeAt: null },
    ];
    const withHours = plan({ receptionOpensAt: '2026-06-01T04:00:00Z', receptionClosesAt: '2026-06-01T08:00:00Z' }, places);
    expect(safeguardingView(withHours, [], valuesOf(withHours)).strikes).toEqual([
      { label: 'Farm', text: 'strike at 06:00 BST: the reception centre is open', closed: false },
      { label: 'Yard', text: 'strike at 10:00 BST: the reception centre is closed', closed: true },
      { label: 'Flat', text: 'no strike time set yet' },
    ]);
    expect(safeguardingView(plan({}, places.slice(0, 1)), [], valuesOf(plan({}))).strikes).toEqual([
      { label: 'Farm', text: 'strike at 06:00 BST: the reception centre’s hours are not recorded', closed: false },
    ]);
    expect(safeguardingView(plan({}), [], valuesOf(plan({}))).strikes).toEqual([]);
  });

  it('adds a first responder after those listed, asking for the agency, and removes one by its place', () => {
    const added = firstRespondersChange(plan({}), { 'responder-name': 'Jo Bloggs', 'responder-agencyId': '', 'responder-phone': '' });
    expect(added.change).toEqual({
      safeguarding: {
        firstResponders: [
          { name: 'DC Patel', agencyId: 'police', phone: '01234' },
          { name: 'Jo Bloggs', agencyId: '', phone: '' },
        ],
      },
    });
    expect(added.errors).toEqual([{ field: 'responder-agencyId', text: 'Select the first responder’s agency' }]);
    expect(added.fields.id('safeguarding.firstResponders.1.name')).toBe('responder-name');
    expect(firstRespondersChange(plan({}), { remove: '0' }).change).toEqual({ safeguarding: { firstResponders: [] } });
    expect(firstRespondersChange(plan({}), { remove: '1' }).gone?.text).toBe(
      'That first responder is no longer listed: the list below is up to date',
    );
  });

  it('adds an interpreter after those listed, and says when the one to remove is no longer listed', () => {
    expect(interpretersChange(plan({}), { 'interpreter-language': 'Romanian', 'interpreter-name': 'Ion' }).change).toEqual({
      safeguarding: {
        interpreters: [
          { language: 'polish', name: 'Anna' },
          { language: 'Romanian', name: 'Ion' },
        ],
      },
    });
    expect(interpretersChange(plan({}), { remove: '3' }).gone?.text).toBe(
      'That interpreter is no longer listed: the list below is up to date',
    );
  });
});
