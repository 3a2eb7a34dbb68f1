import { historyInWords } from '../operations/history-words';
import { changesSinceSignOff, HistoryEvent, Part } from './part-changes';

const OWNER = { id: 'owner-agency', code: 'MPS', name: 'Metropolitan Police Service' };
const HMRC = { id: 'hmrc-agency', code: 'HMRC', name: 'HM Revenue and Customs' };
const OURS = '11111111-1111-4111-8111-111111111111';
const THEIRS = '22222222-2222-4222-8222-222222222222';
const OUR_RV = '33333333-3333-4333-8333-333333333333';
const OTHER_RV = '44444444-4444-4444-8444-444444444444';

const part: Part = { agencyId: HMRC.id, agencyCode: HMRC.code, deploymentIds: new Set([OURS]), rvPointIds: new Set([OUR_RV]) };

// Friday 18 December 2026 is in GMT.
const at = (clock: string) => `2026-12-18T${clock}:00.000Z`;
const glamNails = (clock: string) => ({
  label: 'Glam Nails',
  address: '101 High Street North',
  postcode: 'E6 1HZ',
  strikeAt: at(clock),
  entry: null,
});

const event = (
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  actorAgency = OWNER,
): HistoryEvent => ({ action, before, after, actorAgency });
const signedOff = (code: string) =>
  event(
    'operation.signed-off',
    { agency: code, signOff: 'AWAITING' },
    { agency: code, signOff: 'SIGNED_OFF' },
    code === HMRC.code ? HMRC : OWNER,
  );

/** The changes in words, as the sign-off page and the task say them. */
const said = (events: HistoryEvent[]) =>
  historyInWords(changesSinceSignOff(events, part), new Map()).flatMap((sentences) => sentences.slice(1));

describe('what changed in a partner’s part since it signed off', () => {
  it('names only the changes after the agency’s latest sign-off', () => {
    const events = [
      event('operation.updated', { locations: [glamNails('05:00')] }, { locations: [glamNails('06:00')] }),
      signedOff(HMRC.code),
      event('operation.updated', { locations: [glamNails('06:00')] }, { locations: [glamNails('06:30')] }),
      signedOff('GLAA'),
    ];
    expect(said(events)).toEqual(['Glam Nails: strike time 06:00 → 06:30 GMT']);
  });

  it('keeps of a change to the plan only the window, the briefing and debrief times and place, and the places', () => {
    const events = [
      signedOff(HMRC.code),
      event(
        'operation.updated',
        {
          name: 'Operation Aldgate',
          startsAt: at('05:00'),
          'timings.briefingAt': at('04:00'),
          'timings.briefingPlace': 'Forest Gate',
          briefing: { method: 'Two teams' },
          risks: [],
        },
        {
          name: 'Operation Bow',
          startsAt: at('05:30'),
          'timings.briefingAt': at('04:30'),
          'timings.briefingPlace': 'Ilford',
          briefing: { method: 'Three teams' },
          risks: [],
        },
      ),
      event('operation.updated', { name: 'Operation Bow' }, { name: 'Operation Bow Street' }),
    ];
    expect(said(events)).toEqual([
      expect.stringMatching(/^Start: .* 05:00 → 05:30 GMT$/),
      'Briefing time: 04:00 → 04:30 GMT',
      'Briefing place: Forest Gate → Ilford',
    ]);
  });

  it('keeps the agency’s own teams and the RV points they meet at, never another agency’s team or what the agency did itself', () => {
    const events = [
      signedOff(HMRC.code),
      event(
        'deployment.changed',
        { deploymentId: OURS, team: 'Payroll Team', tasking: 'Payroll' },
        { deploymentId: OURS, team: 'Payroll Team', tasking: 'Payroll and rotas' },
      ),
      event(
        'deployment.changed',
        { deploymentId: THEIRS, team: 'Entry Team', tasking: 'Entry' },
        { deploymentId: THEIRS, team: 'Entry Team', tasking: 'Secret entry plan' },
      ),
      event(
        'rv-point.changed',
        { rvPointId: OUR_RV, name: 'Car park', meetAt: at('05:00') },
        { rvPointId: OUR_RV, name: 'Car park', meetAt: at('05:15') },
      ),
      event(
        'rv-point.changed',
        { rvPointId: OTHER_RV, name: 'Depot', meetAt: at('05:00') },
        { rvPointId: OTHER_RV, name: 'Depot', meetAt: at('05:20') },
      ),
      event(
        'deployment.asked-again',
        {
          status: 'CONFIRMED',
          deployments: [
            { team: 'Payroll Team', agency: 'HMRC' },
            { team: 'Dog Team', agency: 'GLAA' },
          ],
        },
        { status: 'REQUESTED', reason: 'the places changed' },
      ),
      event(
        'deployment.confirmed',
        { deploymentId: OURS, team: 'Payroll Team', status: 'REQUESTED' },
        { deploymentId: OURS, team: 'Payroll Team', status: 'CONFIRMED' },
        HMRC,
      ),
    ];
    const sentences = said(events);
    expect(sentences).toEqual([
      'Payroll Team: tasking Payroll → Payroll and rotas',
      'Car park: meeting time 05:00 → 05:15 GMT',
      'Payroll Team, HMRC: asked to confirm again',
      'Reason: the places changed',
    ]);
    expect(sentences.join(' ')).not.toMatch(/Entry|Depot|Dog Team|Confirmed/);
  });

  it('names nothing of a change outside the part, nor of one the history does not hold for its reader', () => {
    const information = event(
      'operation.updated',
      { briefing: { information: 'Subject lives at no. 4' } },
      { briefing: { information: 'Subject moved to no. 6' } },
    );
    // A strike time moved with the plan's name, as a reader the places are not shared with reads it (R14c): the locations are gone from both sides.
    const unseenPlaces = event('operation.updated', { name: 'Operation Aldgate' }, { name: 'Operation Bow' });
    expect(changesSinceSignOff([signedOff(HMRC.code), information, unseenPlaces], part)).toEqual([]);
  });
});
