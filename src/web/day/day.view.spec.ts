import type { LogEntryView } from '../../day-log/dto/day-log.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { DomainError } from '../../common/errors/domain-error';
import { entryBody, happenedAt, postedEntry } from './day.form';
import { boardView, dayForms, difference } from './day.view';

const carWash = { id: 'l1', label: 'Car wash', strikeAt: '2031-03-01T06:00:00.000Z' };
const house = { id: 'l2', label: 'House', strikeAt: '2031-03-01T06:30:00.000Z' };
const rv = { id: 'rv1', name: 'RV1: Tesco car park', address: 'Stratford Road', meetAt: '2031-03-01T05:15:00.000Z' };
const plan = {
  locations: [carWash, house],
  rvPoints: [rv],
  deployments: [
    { status: 'CONFIRMED', team: { name: 'Tango 1' }, agency: { code: 'HMRC' }, locationIds: ['l1'], rvPoint: rv },
    { status: 'DECLINED', team: { name: 'Tango 2' }, agency: { code: 'NCA' }, locationIds: ['l2'], rvPoint: null },
  ],
} as unknown as OperationView;

let id = 0;
function entry(kind: string, happenedAt: string, more: Partial<LogEntryView> = {}): LogEntryView {
  id += 1;
  return {
    id: String(id),
    kind,
    section: 'CORE',
    location: null,
    status: null,
    happenedAt,
    recordedAt: happenedAt,
    author: { name: 'Ann Silver' },
    agency: { name: 'West Midlands Police', code: 'WMP' },
    correctsId: null,
    details: {},
    ...more,
  } as LogEntryView;
}
const at = (place: { id: string; label: string }) => ({ location: { id: place.id, label: place.label } });

describe('the day’s board', () => {
  it('says how far what happened was from the plan, in minutes', () => {
    expect(difference('2031-03-01T06:00:00Z', '2031-03-01T06:06:00Z')).toBe('6 minutes late');
    expect(difference('2031-03-01T06:00:00Z', '2031-03-01T06:00:20Z')).toBe('On time');
    expect(difference('2031-03-01T06:00:00Z', '2031-03-01T05:58:00Z')).toBe('2 minutes early');
    expect(difference('2031-03-01T06:00:00Z', '2031-03-01T07:05:00Z')).toBe('1 hour 5 minutes late');
  });

  it('shows each premises’ latest status and for how long, its teams there, and what was counted there', () => {
    const entries = [
      entry('STATUS', '2031-03-01T05:20:00.000Z', { ...at(carWash), status: 'TEAM_AT_RV' }),
      entry('STATUS', '2031-03-01T06:02:00.000Z', { ...at(carWash), status: 'ENTRY_MADE' }),
      entry('COUNT', '2031-03-01T06:10:00.000Z', { ...at(carWash), details: { count: 'ARREST', number: 2 } }),
      entry('COUNT', '2031-03-01T06:12:00.000Z', { ...at(carWash), details: { count: 'ARREST', number: 1 } }),
      entry('COUNT', '2031-03-01T06:15:00.000Z', { details: { count: 'POTENTIAL_VICTIM', number: 4, ageGroup: 'ADULT' } }),
    ];
    const view = boardView(plan, entries, new Date('2031-03-01T06:25:30.000Z'));
    expect(view.premises).toEqual([
      { label: 'Car wash', status: 'ENTRY_MADE', since: 'for 23 minutes', teams: 'Tango 1 (HMRC)', counts: 'Arrests: 3' },
      { label: 'House', status: 'NOT_STARTED', since: null, teams: 'None allocated', counts: 'None' },
    ]);
    expect(view.totals.map((row) => [row.key.text, row.value.text])).toEqual([
      ['Arrests', '3'],
      ['Potential victims found', '4'],
      ['Safeguarded (moved to reception)', '0'],
      ['NRM referrals', '0'],
      ['Duty to notify (MS1) made', '0'],
      ['Seizures', '0'],
    ]);
    expect(view.lastEntry).toBe('Sat, 1 March 2031 at 06:15 GMT');
    expect(view.entries[0].text).toBe('06:15 GMT, Potential victims found: 4 (Ann Silver, West Midlands Police)');
  });

  it('counts a corrected count and status as the day’s summary does: the correction in their place, never both', () => {
    const rvd = entry('STATUS', '2031-03-01T05:20:00.000Z', { ...at(carWash), status: 'TEAM_AT_RV' });
    const entered = entry('STATUS', '2031-03-01T06:02:00.000Z', { ...at(carWash), status: 'ENTRY_MADE' });
    const notEntered = entry('STATUS', '2031-03-01T06:03:00.000Z', { ...at(carWash), status: 'TEAM_AT_RV', correctsId: entered.id });
    const arrests = entry('COUNT', '2031-03-01T06:10:00.000Z', { ...at(carWash), details: { count: 'ARREST', number: 5 } });
    const fewer = entry('COUNT', '2031-03-01T06:12:00.000Z', {
      ...at(carWash),
      correctsId: arrests.id,
      details: { count: 'ARREST', number: 3 },
    });
    const seized = entry('COUNT', '2031-03-01T06:14:00.000Z', { ...at(house), details: { count: 'SEIZURE', number: 2, seized: 'CASH' } });
    const moved = entry('COUNT', '2031-03-01T06:16:00.000Z', {
      ...at(carWash),
      correctsId: seized.id,
      details: { count: 'SEIZURE', number: 2, seized: 'DEVICES' },
    });

    const view = boardView(plan, [rvd, entered, notEntered, arrests, fewer, seized, moved], new Date('2031-03-01T06:20:00.000Z'));

    expect(view.premises).toEqual([
      { label: 'Car wash', status: 'TEAM_AT_RV', since: 'for 17 minutes', teams: 'Tango 1 (HMRC)', counts: 'Arrests: 3; Seizures: 2' },
      { label: 'House', status: 'NOT_STARTED', since: null, teams: 'None allocated', counts: 'None' },
    ]);
    const totals = Object.fromEntries(view.totals.map((row) => [row.key.text, row.value.text]));
    expect(totals.Arrests).toBe('3');
    expect(totals.Seizures).toBe('2');
    expect(view.timeline.map((cells) => cells[2].text)).toEqual(['05:20 GMT', 'Not yet', 'Not yet']);
  });

  it('sets the RV and strike times against the first entries that answer them, in the order planned', () => {
    const entries = [
      entry('STATUS', '2031-03-01T05:21:00.000Z', { ...at(carWash), status: 'TEAM_AT_RV' }),
      entry('STATUS', '2031-03-01T05:58:00.000Z', { ...at(carWash), status: 'ENTRY_MADE' }),
    ];
    const rows = boardView(plan, entries, new Date('2031-03-01T07:00:00.000Z')).timeline.map((cells) => cells.map((cell) => cell.text));
    expect(rows).toEqual([
      ['Teams meet at RV1: Tesco car park', '05:15 GMT', '05:21 GMT', '6 minutes late'],
      ['Entry at Car wash', '06:00 GMT', '05:58 GMT', '2 minutes early'],
      ['Entry at House', '06:30 GMT', 'Not yet', ''],
    ]);
  });

  it('lists decisions newest first, a correction naming the decision it corrects', () => {
    const first = entry('DECISION', '2031-03-01T06:40:00.000Z', {
      details: { decision: 'Hold the house', rationale: 'Too few officers', decidedBy: 'SILVER', considered: 'Going in' },
    });
    const correction = entry('DECISION', '2031-03-01T06:45:00.000Z', {
      section: 'INTELLIGENCE',
      correctsId: first.id,
      details: { decision: 'Go in at the house', rationale: 'Backup arrived', decidedBy: 'GOLD', considered: 'Waiting' },
    });
    const decisions = boardView(plan, [first, correction], new Date('2031-03-01T07:00:00.000Z')).decisions;
    expect(decisions.map((decision) => [decision.decision, decision.intelligence])).toEqual([
      ['Go in at the house', true],
      ['Hold the house', false],
    ]);
    const rows = Object.fromEntries(decisions[0].rows.map((row) => [row.key.text, row.value.text]));
    expect(rows['Decided by']).toBe('Gold');
    expect(rows.Corrects).toBe('The decision recorded at Sat, 1 March 2031 at 06:40 GMT: “Hold the house”');
    expect(rows['Recorded by']).toBe('Ann Silver, West Midlands Police, at Sat, 1 March 2031 at 06:45 GMT');
  });
});

describe('the day’s forms', () => {
  const command = { writes: true, holds: true, confirmed: false, places: [], open: true };
  const partner = { writes: true, holds: false, confirmed: true, places: ['l1'], open: true };

  it('offers the plan’s command every form, every premises and the intelligence mark', () => {
    const forms = dayForms(plan, [], command, null)!;
    expect(forms.status!.places.map((place) => place.text)).toEqual(['Car wash', 'House']);
    expect(forms.decision!.intelligence).toBe(true);
    expect(forms.count!.places).toHaveLength(2);
    expect(forms.message).not.toBeNull();
  });

  it('offers a partner only the premises its team is at, and no decision', () => {
    const forms = dayForms(plan, [], partner, null)!;
    expect(forms.status!.places.map((place) => place.text)).toEqual(['Car wash']);
    expect(forms.count!.places.map((place) => place.text)).toEqual(['Car wash']);
    expect(forms.decision).toBeNull();
  });

  it('offers no status form to a reader who does not see the premises, and no form at all once the log is closed', () => {
    expect(dayForms({ ...plan, locations: undefined }, [], partner, null)!.status).toBeNull();
    expect(dayForms(plan, [], { ...command, open: false }, null)).toBeNull();
    expect(dayForms(plan, [], { ...partner, writes: false }, null)).toEqual({ status: null, decision: null, count: null, message: null });
  });

  it('keeps what was typed in the form posted, and only there', () => {
    const posted = postedEntry('status', { locationId: 'l2', status: 'CLEAR', note: 'Found empty' })!;
    const forms = dayForms(plan, [], command, posted)!;
    expect(forms.status!.values.note).toBe('Found empty');
    expect(forms.status!.places.find((place) => place.selected)?.text).toBe('House');
    expect(forms.status!.statuses.find((status) => status.checked)?.value).toBe('CLEAR');
    expect(forms.count!.values).toEqual({});
  });

  it('sends only the fields of the kind counted, and the intelligence mark as true', () => {
    const count = postedEntry('count', {
      count: 'SEIZURE',
      number: '3',
      seized: 'CASH',
      ageGroup: 'ADULT',
      offence: 'OTHER',
      offenceOther: 'x',
    })!;
    expect(entryBody(count)).toEqual({ kind: 'COUNT', count: 'SEIZURE', number: '3', seized: 'CASH' });
    const arrest = postedEntry('count', { count: 'ARREST', number: '1', offence: 'MSA_S2_HUMAN_TRAFFICKING', offenceOther: 'x' })!;
    expect(entryBody(arrest)).toEqual({ kind: 'COUNT', count: 'ARREST', number: '1', offence: 'MSA_S2_HUMAN_TRAFFICKING' });
    const decision = postedEntry('decision', { decision: 'Go', intelligence: 'yes' })!;
    expect(entryBody(decision)).toEqual({ kind: 'DECISION', decision: 'Go', intelligence: true });
    expect(postedEntry('constructor', {})).toBeUndefined();
  });

  it('offers the decisions recorded so far to correct, newest first', () => {
    const first = entry('DECISION', '2031-03-01T06:40:00.000Z', { details: { decision: 'Hold the house' } });
    const second = entry('DECISION', '2031-03-01T06:50:00.000Z', { details: { decision: 'Go in' } });
    const earlier = dayForms(plan, [first, second], command, null)!.decision!.earlier;
    expect(earlier.map((choice) => [choice.value, choice.text])).toEqual([
      [second.id, '06:50 GMT: Go in'],
      [first.id, '06:40 GMT: Hold the house'],
    ]);
  });

  it('reads a time typed as the latest UK time of that name not in the future, and refuses what is not a time', () => {
    expect(happenedAt('06:02', new Date('2031-03-01T06:10:00Z'))).toBe('2031-03-01T06:02:00.000Z');
    expect(happenedAt('0602', new Date('2031-07-01T05:10:00Z'))).toBe('2031-07-01T05:02:00.000Z');
    expect(happenedAt('23:58', new Date('2031-03-01T00:05:00Z'))).toBe('2031-02-28T23:58:00.000Z');
    expect(happenedAt('06:12', new Date('2031-03-01T06:10:00Z'))).toBe('2031-03-01T06:12:00.000Z');
    expect(happenedAt('', new Date())).toBeUndefined();
    expect(() => happenedAt('half six', new Date())).toThrow(DomainError);
  });
});
