import { daySummary, loggedOutcomes, SummaryEntry } from './day-summary';

const carWash = { id: 'l1', label: 'Car wash' };
const house = { id: 'l2', label: 'House' };
let next = 0;

function entry(kind: SummaryEntry['kind'], fields: Partial<SummaryEntry> = {}): SummaryEntry {
  next += 1;
  return {
    id: String(next),
    kind,
    section: 'CORE',
    location: null,
    status: null,
    happenedAt: `2027-03-01T06:${String(next).padStart(2, '0')}:00.000Z`,
    correctsId: null,
    details: {},
    author: { name: 'Sam Silver' },
    ...fields,
  };
}
const count = (details: Record<string, unknown>, fields: Partial<SummaryEntry> = {}) => entry('COUNT', { details, ...fields });
const status = (location: { id: string; label: string }, to: SummaryEntry['status'], fields: Partial<SummaryEntry> = {}) =>
  entry('STATUS', { location, status: to, ...fields });

describe('the day as its log tells it', () => {
  it('totals each kind of count: arrests, potential victims by age, safeguarded, referrals, duty to notify, seizures by kind', () => {
    const summary = daySummary(
      [
        count({ count: 'ARREST', number: 2 }),
        count({ count: 'ARREST', number: 1 }),
        count({ count: 'POTENTIAL_VICTIM', number: 4, ageGroup: 'ADULT' }),
        count({ count: 'POTENTIAL_VICTIM', number: 1, ageGroup: 'CHILD' }),
        count({ count: 'SAFEGUARDED', number: 3 }),
        count({ count: 'NRM_REFERRAL', number: 2 }),
        count({ count: 'DUTY_TO_NOTIFY', number: 1 }),
        count({ count: 'SEIZURE', number: 5, seized: 'DEVICES' }),
        count({ count: 'SEIZURE', number: 1, seized: 'CASH' }),
      ],
      [],
    );

    expect(summary.totals).toEqual({
      arrests: 3,
      potentialVictims: { ADULT: 4, CHILD: 1 },
      safeguarded: 3,
      nrmReferrals: 2,
      dutyToNotify: 1,
      seizures: { CASH: 1, DEVICES: 5, DOCUMENTS: 0 },
    });
    expect(summary.logged).toBe(true);
  });

  it('replaces a corrected count by its correction, through a chain of corrections, never counting both', () => {
    const first = count({ count: 'ARREST', number: 5 });
    const second = count({ count: 'ARREST', number: 4 }, { correctsId: first.id });
    const third = count({ count: 'ARREST', number: 3 }, { correctsId: second.id });
    const other = count({ count: 'ARREST', number: 1 });

    expect(daySummary([first, second, third, other], []).totals.arrests).toBe(4);
  });

  it('counts as visited the premises whose status reached entry made or later, not those only at the RV or stood down', () => {
    const summary = daySummary(
      [status(carWash, 'TEAM_AT_RV'), status(house, 'TEAM_AT_RV'), status(carWash, 'ENTRY_MADE'), status(house, 'STOOD_DOWN')],
      [carWash, house],
    );

    expect(summary.premisesVisited).toBe(1);
  });

  it('gives each premises its statuses in the order they happened, and one with nothing logged an empty timeline', () => {
    const rv = status(carWash, 'TEAM_AT_RV', { happenedAt: '2027-03-01T06:00:00.000Z' });
    const entered = status(carWash, 'ENTRY_MADE', { happenedAt: '2027-03-01T06:02:00.000Z' });
    const late = status(carWash, 'CLEAR', { happenedAt: '2027-03-01T07:30:00.000Z' });

    const summary = daySummary([late, rv, entered], [carWash, house]);

    expect(summary.premises).toEqual([
      {
        location: carWash,
        statuses: [
          { status: 'TEAM_AT_RV', happenedAt: '2027-03-01T06:00:00.000Z' },
          { status: 'ENTRY_MADE', happenedAt: '2027-03-01T06:02:00.000Z' },
          { status: 'CLEAR', happenedAt: '2027-03-01T07:30:00.000Z' },
        ],
      },
      { location: house, statuses: [] },
    ]);
  });

  it('leaves out of the timeline, and of the premises visited, a status set right by a later entry', () => {
    const wrong = status(house, 'ENTRY_MADE', { correctsId: null });
    const right = status(house, 'STOOD_DOWN', { correctsId: wrong.id });

    const summary = daySummary([wrong, right], [house]);

    expect(summary.premises[0].statuses.map((s) => s.status)).toEqual(['STOOD_DOWN']);
    expect(summary.premisesVisited).toBe(0);
  });

  it('keeps every decision in the order taken, a correction beside the decision it corrects, marked when from intelligence', () => {
    const hold = entry('DECISION', {
      happenedAt: '2027-03-01T06:40:00.000Z',
      section: 'INTELLIGENCE',
      details: { decision: 'Hold the house', rationale: 'Lookout seen', considered: 'Going in', decidedBy: 'SILVER' },
    });
    const go = entry('DECISION', {
      happenedAt: '2027-03-01T07:00:00.000Z',
      correctsId: hold.id,
      details: { decision: 'Go in at the house', rationale: 'Lookout gone', considered: 'Waiting', decidedBy: 'GOLD' },
    });

    const { decisions } = daySummary([go, hold], []);

    expect(decisions).toEqual([
      expect.objectContaining({ id: hold.id, decision: 'Hold the house', decidedBy: 'SILVER', intelligence: true, correctsId: null }),
      expect.objectContaining({ id: go.id, decision: 'Go in at the house', decidedBy: 'GOLD', intelligence: false, correctsId: hold.id }),
    ]);
    expect(decisions[0]).toMatchObject({ rationale: 'Lookout seen', considered: 'Going in', recordedBy: 'Sam Silver' });
  });

  it('gives the outcomes a completion records: arrests, safeguarded, referrals, premises visited; nothing logged, all nought', () => {
    const logged = daySummary(
      [count({ count: 'ARREST', number: 3 }), count({ count: 'SAFEGUARDED', number: 2 }), count({ count: 'NRM_REFERRAL', number: 1 })],
      [],
    );
    const empty = daySummary([], [carWash]);

    expect(loggedOutcomes(logged)).toEqual({ arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 0 });
    expect(empty.logged).toBe(false);
    expect(loggedOutcomes(empty)).toEqual({ arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 0 });
  });
});
