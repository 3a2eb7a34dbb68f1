import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '../common/labels';
import { LIFECYCLE, LIFECYCLE_ACTIONS } from '../common/lifecycle';
import { AuditChange, historyInWords, referencedNames } from './history-words';
import type { RiskDto } from './dto/order.dto';
import type { OperationRow } from './operation-row';
import { snapshot } from './plan-edits';

const MPS = '11111111-1111-4111-8111-111111111111';
const HMRC = '22222222-2222-4222-8222-222222222222';
const ALPHA_TEAM = '33333333-3333-4333-8333-333333333333';
const RV1 = '44444444-4444-4444-8444-444444444444';
const REQUIREMENT = '55555555-5555-4555-8555-555555555555';
const DEPLOYMENT = '66666666-6666-4666-8666-666666666666';
const CAR_WASH = '77777777-7777-4777-8777-777777777777';
const HOUSE = '88888888-8888-4888-8888-888888888888';
const GONE = '99999999-9999-4999-8999-999999999999';

/** What the history query names: agencies by id and code, teams, RV points and locations by id. */
const NAMES = new Map([
  [MPS, 'Metropolitan Police Service'],
  ['MPS', 'Metropolitan Police Service'],
  [HMRC, 'HM Revenue and Customs'],
  ['HMRC', 'HM Revenue and Customs'],
  [ALPHA_TEAM, 'Alpha Team'],
  [CAR_WASH, 'Car wash'],
  [HOUSE, 'House'],
]);

/**
 * The codes of the vocabulary that are not words themselves (CCTV is both). The kinds of agency
 * are left to the check for underscores: people say CPS, NCA and HMRC.
 */
const CODES = Object.entries(LABELS)
  .filter(([set]) => set !== 'agencyKind')
  .flatMap(([, set]) =>
    Object.entries(set)
      .filter(([code, words]) => code !== words && /^[A-Z_]+$/.test(code))
      .map(([code]) => code),
  );

/** Plain English: no code of the vocabulary, no field's camelCase name, no JSON. */
function expectPlainEnglish(sentence: string): void {
  expect({ sentence, codes: CODES.filter((code) => new RegExp(`\\b${code}\\b`).test(sentence)) }).toEqual({ sentence, codes: [] });
  expect(sentence).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b|[{}[\]"]|\bnull\b|\bundefined\b|\(none\)/);
}

/** The history in words, each sentence checked to be plain English. */
function words(events: AuditChange[]): string[][] {
  const result = historyInWords(events, NAMES);
  result.flat().forEach(expectPlainEnglish);
  return result;
}

const one = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  words([{ action, before, after }])[0];

// Monday 1 March 2027 is in GMT; Thursday 1 July 2027 in BST.
const WINTER = (clock: string) => `2027-03-01T${clock}:00.000Z`;
const SUMMER = (clock: string) => `2027-07-01T${clock}:00.000Z`;

const glamNails = {
  label: 'Glam Nails',
  address: '101 High Street North',
  postcode: 'E6 1HZ',
  strikeAt: WINTER('06:00'),
  entry: null,
  siteCommander: null,
};
const GOLD = { name: 'Ann Clarke', rankOrGrade: 'Chief Superintendent', agency: 'West Midlands Police', phone: '+441216265000' };
const dogs = {
  hazard: 'DOGS',
  hazardDetail: null,
  likelihood: 3,
  impact: 4,
  controls: 'Dog handler with the entry team',
  residual: 'MEDIUM',
  owner: 'PS Jones',
  acceptedBy: null,
  intelligenceDerived: false,
};

/** A new plan's snapshot, as plan-edits.ts `snapshot` records it. */
const created = {
  name: 'Operation Aldgate',
  exploitationTypes: ['LABOUR', 'SEXUAL'],
  scope: 'REGIONAL',
  startsAt: WINTER('05:00'),
  endsAt: WINTER('17:00'),
  leadAgencyId: MPS,
  briefing: { information: 'Workers housed above the salon', intent: '', method: 'Entry at dawn' },
  locations: [glamNails],
  safeguarding: {
    expectedPotentialVictims: 4,
    languages: ['Romanian'],
    receptionCentre: 'Town Hall',
    receptionOpensAt: WINTER('05:30'),
    receptionClosesAt: WINTER('16:00'),
    medicalCover: null,
    firstResponders: [{ name: 'DC Priya Shah', agencyId: MPS, phone: '07700 900456' }],
    interpreters: [{ language: 'Romanian', name: 'Big Word' }],
  },
  marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null },
  timings: { briefingAt: WINTER('04:00'), briefingPlace: 'Forest Gate police station', debriefAt: null },
  communications: { radioChannel: 'Airwave WM-OPS-3', controlRoomNumber: null },
  risks: [dogs],
};

describe('a plan’s history in words', () => {
  describe('the plan itself', () => {
    it('says what a new plan holds, each field and item by its name, in UK time, the lead agency by name', () => {
      expect(one('operation.created', null, created)).toEqual([
        'Created the plan',
        'Name: Operation Aldgate',
        'Exploitation types: Labour exploitation, Sexual exploitation',
        'Scope: Regional',
        'Start: Mon, 1 March 2027 at 05:00 GMT',
        'End: Mon, 1 March 2027 at 17:00 GMT',
        'Lead agency: Metropolitan Police Service',
        'Protective marking: OFFICIAL-SENSITIVE',
        'Briefing time: Mon, 1 March 2027 at 04:00 GMT',
        'Briefing place: Forest Gate police station',
        'Radio channel: Airwave WM-OPS-3',
        'Expected potential victims: 4',
        'Languages needed: Romanian',
        'Reception centre: Town Hall',
        'Reception centre opens: Mon, 1 March 2027 at 05:30 GMT',
        'Reception centre closes: Mon, 1 March 2027 at 16:00 GMT',
        'Briefing, Information: Workers housed above the salon',
        'Briefing, Method: Entry at dawn',
        'Location added: Glam Nails, 101 High Street North, E6 1HZ',
        'Glam Nails: strike time Mon, 1 March 2027 at 06:00 GMT',
        'First responder added: DC Priya Shah, Metropolitan Police Service',
        'DC Priya Shah: phone 07700 900456',
        'Interpreter added: Big Word, Romanian',
        'Risk added: Dogs, likelihood 3, impact 4, residual risk medium',
        'Dogs: controls Dog handler with the entry team',
        'Dogs: owner PS Jones',
      ]);
    });

    it('has words for every field a plan’s record holds', () => {
      const row = {
        name: 'Operation Aldgate',
        exploitationTypes: ['LABOUR'],
        scope: 'LOCAL',
        startsAt: new Date(WINTER('05:00')),
        endsAt: new Date(WINTER('17:00')),
        leadAgencyId: MPS,
        briefing: { intent: 'Arrest the controllers' },
        expectedPotentialVictims: 4,
        safeguardingLanguages: ['Romanian'],
        receptionCentre: 'Town Hall',
        receptionOpensAt: new Date(WINTER('05:30')),
        receptionClosesAt: new Date(WINTER('16:00')),
        medicalCover: 'HART',
        firstResponders: created.safeguarding.firstResponders,
        interpreters: created.safeguarding.interpreters,
        classification: 'OFFICIAL',
        handlingInstruction: 'Team only',
        briefingAt: new Date(WINTER('04:00')),
        briefingPlace: 'Station',
        debriefAt: new Date(WINTER('16:30')),
        radioChannel: 'Channel 7',
        controlRoomNumber: '0121 000 0000',
        goldCommander: GOLD,
        silverCommander: { ...GOLD, name: 'Ben Ode', rankOrGrade: 'Superintendent' },
        sioCommander: { ...GOLD, name: 'Cara Lane', rankOrGrade: 'Detective Chief Inspector' },
      } as unknown as OperationRow;
      const record = snapshot(row, [glamNails], [dogs as RiskDto]) as Record<string, unknown>;
      const groups = ['safeguarding', 'timings', 'communications', 'marking', 'command'];
      const fields = Object.entries(record).flatMap(([key, value]) =>
        groups.includes(key) ? Object.entries(value as Record<string, unknown>) : [[key, value] as const],
      );
      expect(fields.length).toBeGreaterThan(20);
      for (const [key, value] of fields) {
        // Each field emptied by a change: said in a line of its own.
        const emptied = Array.isArray(value) ? [] : value !== null && typeof value === 'object' && !(value instanceof Date) ? {} : null;
        const [, ...lines] = one('operation.updated', { [key]: value instanceof Date ? value.toISOString() : value }, { [key]: emptied });
        expect({ key, said: lines.length > 0 }).toEqual({ key, said: true });
      }
    });

    it('says nothing of what the reader may not see: the places and the briefing’s Information are absent from the event', () => {
      const { locations: _places, ...withoutPlaces } = created;
      const filtered = { ...withoutPlaces, briefing: { intent: '', method: 'Entry at dawn' }, risks: [] };
      const lines = one('operation.created', null, filtered);
      expect(lines).not.toContainEqual(expect.stringMatching(/Location|Glam Nails|Information|Risk added/));
      expect(lines).toContain('Briefing, Method: Entry at dawn');
    });

    it('says who each command role went to, and a site commander against the location', () => {
      expect(
        one('operation.updated', { 'command.gold': null, 'command.sio': GOLD }, { 'command.gold': GOLD, 'command.sio': null }),
      ).toEqual([
        'Changed the plan',
        'Gold commander: none → Ann Clarke, Chief Superintendent, West Midlands Police, +44 121 626 5000',
        'SIO: Ann Clarke, Chief Superintendent, West Midlands Police, +44 121 626 5000 → none',
      ]);
      const bronze = { ...GOLD, name: 'Raj Patel', rankOrGrade: 'Inspector', phone: '+33142685300' };
      expect(one('operation.updated', { locations: [glamNails] }, { locations: [{ ...glamNails, siteCommander: bronze }] })).toContain(
        'Glam Nails: site commander none → Raj Patel, Inspector, West Midlands Police, +33 1 42 68 53 00',
      );
    });

    it('says a change of name in one line', () => {
      expect(one('operation.updated', { name: 'Old name' }, { name: 'New name' })).toEqual([
        'Changed the plan',
        'Name: Old name → New name',
      ]);
    });

    it('says nothing of a section left empty or a field saved as it was, as older records hold them', () => {
      const before = {
        name: 'Old name',
        briefing: { intent: 'Arrest the controllers' },
        marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null },
        receptionCentre: null,
      };
      const after = {
        name: 'New name',
        briefing: {
          information: '',
          intent: 'Arrest the controllers',
          method: '',
          administration: '',
          risk: '',
          communications: '',
          humanitarian: '',
        },
        marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: '' },
        receptionCentre: '',
      };
      expect(one('operation.updated', before, after)).toEqual(['Changed the plan', 'Name: Old name → New name']);
    });

    it('says each briefing section by its IIMARCH title, and a section written, changed or cleared', () => {
      expect(
        one(
          'operation.updated',
          { briefing: { risk: null, method: 'Front door', humanitarian: 'Interpreters at the door' } },
          { briefing: { risk: 'Dogs on site', method: 'Rear gate', humanitarian: '' } },
        ),
      ).toEqual([
        'Changed the plan',
        'Briefing, Method: Front door → Rear gate',
        'Briefing, Risk assessment: none → Dogs on site',
        'Briefing, Humanitarian issues: Interpreters at the door → none',
      ]);
    });

    it('cuts a long text short', () => {
      const [, line] = one('operation.updated', { briefing: { intent: '' } }, { briefing: { intent: 'x'.repeat(1000) } });
      expect(line.length).toBeLessThan(330);
      expect(line.endsWith('…')).toBe(true);
    });

    it('says a time changed within a day as clock times, GMT or BST named once; across days or the clock change in full', () => {
      expect(one('operation.updated', { startsAt: SUMMER('05:00') }, { startsAt: SUMMER('06:00') })).toEqual([
        'Changed the plan',
        'Start: Thu, 1 July 2027 at 06:00 → 07:00 BST',
      ]);
      expect(
        one('operation.updated', { 'timings.debriefAt': WINTER('15:00') }, { 'timings.debriefAt': '2027-03-02T09:00:00.000Z' })[1],
      ).toBe('Debrief time: Mon, 1 March 2027 at 15:00 GMT → Tue, 2 March 2027 at 09:00 GMT');
      // 28 March 2027: the clocks go forward at 01:00 GMT.
      expect(
        one(
          'operation.updated',
          { 'timings.briefingAt': '2027-03-28T00:30:00.000Z' },
          { 'timings.briefingAt': '2027-03-28T01:30:00.000Z' },
        )[1],
      ).toBe('Briefing time: 00:30 GMT → 02:30 BST');
      expect(one('operation.updated', { 'timings.briefingAt': null }, { 'timings.briefingAt': WINTER('04:00') })[1]).toBe(
        'Briefing time: none → Mon, 1 March 2027 at 04:00 GMT',
      );
    });

    it('says locations added, removed, renamed and changed, each named', () => {
      const rear = { label: 'Rear yard', address: '2 Back Lane', postcode: 'E6 2AA', strikeAt: null, entry: null };
      const before = { locations: [glamNails, rear] };
      const after = {
        locations: [
          {
            ...glamNails,
            label: 'Glam Nails Ltd',
            strikeAt: WINTER('06:30'),
            entry: {
              basis: 'WARRANT',
              warrant: { type: 's.8 PACE', court: 'Stratford Magistrates', reference: 'SW/123', expiresAt: '2027-03-20T23:59:00.000Z' },
              power: null,
            },
          },
          {
            label: 'Car wash',
            address: '12 Ladypool Road',
            postcode: 'B12 8JJ',
            strikeAt: WINTER('06:00'),
            entry: { basis: 'CONSENT', warrant: null, power: null },
          },
        ],
      };
      expect(one('operation.updated', before, after)).toEqual([
        'Changed the plan',
        'Location removed: Rear yard, 2 Back Lane, E6 2AA',
        'Glam Nails: name Glam Nails → Glam Nails Ltd',
        'Glam Nails: strike time 06:00 → 06:30 GMT',
        'Glam Nails: entry none → Warrant',
        'Glam Nails: warrant none → s.8 PACE',
        'Glam Nails: warrant court none → Stratford Magistrates',
        'Glam Nails: warrant reference none → SW/123',
        'Glam Nails: warrant expires none → Sat, 20 March 2027 at 23:59 GMT',
        'Location added: Car wash, 12 Ladypool Road, B12 8JJ',
        'Car wash: strike time Mon, 1 March 2027 at 06:00 GMT',
        'Car wash: entry Consent of the occupier',
      ]);
    });

    it('says the safeguarding and the order’s fields as a change names them, and first responders and interpreters by name', () => {
      const before = {
        expectedPotentialVictims: 4,
        languages: ['Romanian'],
        'safeguarding.firstResponders': [{ name: 'DC Priya Shah', agencyId: MPS, phone: null }],
        'safeguarding.interpreters': [{ name: 'Big Word', language: 'Romanian' }],
      };
      const after = {
        expectedPotentialVictims: 0,
        languages: ['Romanian', 'Polish'],
        'safeguarding.firstResponders': [
          { name: 'DC Priya Shah', agencyId: HMRC, phone: '07700 900456' },
          { name: 'Sam Okafor', agencyId: MPS, phone: null },
        ],
        'safeguarding.interpreters': [],
        'communications.radioChannel': 'Channel 7',
      };
      expect(one('operation.updated', { ...before, 'communications.radioChannel': null }, after)).toEqual([
        'Changed the plan',
        'Radio channel: none → Channel 7',
        'Expected potential victims: 4 → 0',
        'Languages needed: Romanian → Romanian, Polish',
        'DC Priya Shah: agency Metropolitan Police Service → HM Revenue and Customs',
        'DC Priya Shah: phone none → 07700 900456',
        'First responder added: Sam Okafor, Metropolitan Police Service',
        'Interpreter removed: Big Word, Romanian',
      ]);
    });

    it('says risks added, removed and changed by their hazard, and the marking by its words', () => {
      const weapons = { ...dogs, hazard: 'OTHER', hazardDetail: 'Loose masonry', residual: 'LOW' };
      const before = { risks: [dogs, weapons], marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null } };
      const after = {
        risks: [{ ...dogs, likelihood: 4, residual: 'HIGH', intelligenceDerived: true }],
        marking: { classification: 'OFFICIAL', handlingInstruction: 'Operation team only' },
      };
      expect(one('operation.updated', before, after)).toEqual([
        'Changed the plan',
        'Protective marking: OFFICIAL-SENSITIVE → OFFICIAL',
        'Handling instruction: none → Operation team only',
        'Risk removed: Other (Loose masonry), likelihood 3, impact 4, residual risk low',
        'Dogs: likelihood 3 → 4',
        'Dogs: residual risk Medium → High',
        'Dogs: derived from intelligence no → yes',
      ]);
    });

    it('names the lead agency, before and after, from its code', () => {
      expect(one('operation.lead-changed', { leadAgency: null }, { leadAgency: 'MPS' })).toEqual([
        'Changed the lead agency',
        'Lead agency: none → Metropolitan Police Service',
      ]);
      expect(one('operation.lead-changed', { leadAgency: 'MPS' }, { leadAgency: 'HMRC' })[1]).toBe(
        'Lead agency: Metropolitan Police Service → HM Revenue and Customs',
      );
    });
  });

  describe('the plan’s life', () => {
    it('says each move by its headline', () => {
      expect(one('operation.submit', { status: 'DRAFT' }, { status: 'SUBMITTED' })).toEqual(['Submitted the plan for review']);
      expect(one('operation.withdraw', { status: 'SUBMITTED' }, { status: 'DRAFT' })).toEqual(['Withdrew the plan from review']);
      expect(one('operation.start', { status: 'APPROVED' }, { status: 'ACTIVE' })).toEqual(['Started the day of action']);
    });

    it('says a review’s comment and the version reviewed', () => {
      expect(
        one('operation.approved', { status: 'SUBMITTED' }, { status: 'APPROVED', comment: 'Proportionate; go.', versionReviewed: 7 }),
      ).toEqual(['Approved the plan', 'Comment: Proportionate; go.', 'Version reviewed: 7']);
      expect(
        one(
          'operation.changes-requested',
          { status: 'SUBMITTED' },
          { status: 'CHANGES_REQUESTED', comment: 'Add a reception centre', versionReviewed: 3 },
        ),
      ).toEqual(['Asked for changes', 'Comment: Add a reception centre', 'Version reviewed: 3']);
      expect(
        one('operation.approval-withdrawn', { status: 'APPROVED' }, { status: 'DRAFT', reason: 'the approved plan was changed' }),
      ).toEqual(['Approval withdrawn by a change', 'Reason: the approved plan was changed']);
    });

    it('says how a day ended: the outcomes, the reason, and each team released, as far as the reader sees it', () => {
      const outcomes = { arrests: 3, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 2, notes: 'Two premises empty' };
      const released = [
        {
          team: 'Alpha Team',
          agency: 'MPS',
          status: 'CONFIRMED',
          headcount: 2,
          tasking: 'Entry',
          startsAt: WINTER('05:00'),
          endsAt: WINTER('17:00'),
        },
        { team: 'Tax Team', agency: 'HMRC', status: 'REQUESTED' },
      ];
      expect(one('operation.complete', { status: 'ACTIVE' }, { status: 'COMPLETED', outcomes, releasedTeams: released })).toEqual([
        'Completed the day of action',
        'Arrests: 3',
        'Potential victims safeguarded: 0',
        'NRM referrals: 0',
        'Premises visited: 2',
        'Notes: Two premises empty',
        'Team released: Alpha Team, Metropolitan Police Service, which was confirmed',
        'Team released: Tax Team, HM Revenue and Customs, which was requested',
      ]);
      const logCounted = { arrests: 2, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 2 };
      expect(one('operation.complete', { status: 'ACTIVE' }, { status: 'COMPLETED', outcomes, logCounted, releasedTeams: [] })).toEqual([
        'Completed the day of action',
        'Arrests: 3 (the log counted 2)',
        'Potential victims safeguarded: 0',
        'NRM referrals: 0',
        'Premises visited: 2',
        'Notes: Two premises empty',
      ]);
      expect(
        one('operation.cancel', { status: 'DRAFT' }, { status: 'CANCELLED', reason: 'Subjects arrested elsewhere', releasedTeams: [] }),
      ).toEqual(['Cancelled the plan', 'Reason: Subjects arrested elsewhere']);
      expect(
        one(
          'operation.stand-down',
          { status: 'ACTIVE' },
          {
            status: 'STOOD_DOWN',
            reason: 'The subjects left overnight',
            outcomes: { ...outcomes, notes: undefined },
            releasedTeams: [released[1]],
          },
        ),
      ).toEqual([
        'Stood the day of action down',
        'Reason: The subjects left overnight',
        'Arrests: 3',
        'Potential victims safeguarded: 0',
        'NRM referrals: 0',
        'Premises visited: 2',
        'Team released: Tax Team, HM Revenue and Customs, which was requested',
      ]);
    });

    it('says the sections a partner sees by their names, and why', () => {
      const agency = { id: HMRC, code: 'HMRC', name: 'HM Revenue and Customs' };
      expect(
        one(
          'operation.sharing-changed',
          { agency, sections: ['PLACES'] },
          { agency, sections: ['INTELLIGENCE', 'PROSECUTION'], reason: 'They run the financial side' },
        ),
      ).toEqual([
        'Changed what a partner agency sees of the plan',
        'Now shared with HM Revenue and Customs: Intelligence, Prosecution',
        'No longer shared with HM Revenue and Customs: Places',
        'Reason: They run the financial side',
      ]);
    });

    it('says a partner’s sign-off, and a decline with its reason when the reader may read it', () => {
      expect(one('operation.signed-off', { agency: 'HMRC', signOff: 'AWAITING' }, { agency: 'HMRC', signOff: 'SIGNED_OFF' })).toEqual([
        'Signed off their agency’s part',
        'Sign-off of HM Revenue and Customs: Awaiting sign-off → Signed off',
      ]);
      const declined = one(
        'operation.sign-off-declined',
        { agency: 'HMRC', signOff: 'AWAITING', status: 'SUBMITTED' },
        { agency: 'HMRC', signOff: 'DECLINED', reason: 'Too few officers', status: 'CHANGES_REQUESTED' },
      );
      expect(declined).toEqual([
        'Declined to sign off their agency’s part',
        'Sign-off of HM Revenue and Customs: Awaiting sign-off → Declined',
        'Reason: Too few officers',
        'Plan status: Submitted for review → Changes requested',
      ]);
      expect(
        one(
          'operation.sign-off-declined',
          { agency: 'HMRC', signOff: 'AWAITING', status: 'SUBMITTED' },
          { agency: 'HMRC', signOff: 'DECLINED', status: 'CHANGES_REQUESTED' },
        ),
      ).not.toContainEqual(expect.stringMatching(/^Reason/));
    });
  });

  describe('RV points and teams', () => {
    const rvAdded: AuditChange = {
      action: 'rv-point.added',
      before: null,
      after: { rvPointId: RV1, name: 'RV1', address: 'Tesco car park', meetAt: WINTER('05:30') },
    };

    it('says RV points added, changed and removed', () => {
      const [added, changed, removed] = words([
        rvAdded,
        {
          action: 'rv-point.changed',
          before: { rvPointId: RV1, name: 'RV1', address: 'Tesco car park', meetAt: WINTER('05:30') },
          after: { rvPointId: RV1, name: 'RV Alpha', address: 'Tesco car park', meetAt: WINTER('05:45') },
        },
        {
          action: 'rv-point.removed',
          before: { rvPointId: RV1, name: 'RV Alpha', address: 'Tesco car park', meetAt: WINTER('05:45') },
          after: null,
        },
      ]);
      expect(added).toEqual(['Added an RV point', 'RV point added: RV1, Tesco car park, meeting at Mon, 1 March 2027 at 05:30 GMT']);
      expect(changed).toEqual(['Changed an RV point', 'RV1: name RV1 → RV Alpha', 'RV1: meeting time 05:30 → 05:45 GMT']);
      expect(removed).toEqual(['Removed an RV point', 'RV point removed: RV Alpha, Tesco car park']);
    });

    it('says a team asked for, with its officers, window and part in the order; the RV point by name', () => {
      const order = {
        tasking: 'Entry and search',
        powers: ['ENTRY', 'SEARCH'],
        rvPointId: RV1,
        callSign: 'Tango 1',
        locationIds: [CAR_WASH, HOUSE],
      };
      const [, requested] = words([
        rvAdded,
        {
          action: 'deployment.requested',
          before: null,
          after: {
            deploymentId: DEPLOYMENT,
            team: 'Alpha Team',
            agency: 'MPS',
            headcount: 2,
            status: 'CONFIRMED',
            startsAt: WINTER('05:00'),
            endsAt: WINTER('17:00'),
            ...order,
          },
        },
      ]);
      expect(requested).toEqual([
        'Added a team',
        'Team added: Alpha Team, Metropolitan Police Service',
        'Alpha Team: 2 officers',
        'Alpha Team: from Mon, 1 March 2027 at 05:00 to 17:00 GMT',
        'Alpha Team: tasking Entry and search',
        'Alpha Team: powers Entry, Search',
        'Alpha Team: RV point RV1',
        'Alpha Team: call sign Tango 1',
        'Alpha Team: premises Car wash, House',
      ]);
      // Another agency's team, to a reader who does not see the teams: team, agency and status only.
      expect(
        one('deployment.requested', null, { deploymentId: DEPLOYMENT, team: 'Tax Team', agency: 'HMRC', status: 'REQUESTED' }),
      ).toEqual(['Requested a team', 'Team requested: Tax Team, HM Revenue and Customs']);
    });

    it('says a change of a team’s tasking, powers, RV point and call sign, and nothing a reader may not see', () => {
      const before = { deploymentId: DEPLOYMENT, team: 'Alpha Team', tasking: 'Entry', powers: ['ENTRY'], rvPointId: null, callSign: null };
      const after = {
        deploymentId: DEPLOYMENT,
        team: 'Alpha Team',
        tasking: 'Entry and search',
        powers: ['ENTRY', 'SEARCH'],
        rvPointId: RV1,
        callSign: 'Tango 1',
      };
      const [, , changedLater] = words([
        rvAdded,
        { action: 'deployment.changed', before, after },
        { action: 'deployment.changed', before: after, after: { ...after, rvPointId: null } },
      ]);
      expect(words([rvAdded, { action: 'deployment.changed', before, after }])[1]).toEqual([
        'Changed a team’s part in the order',
        'Alpha Team: tasking Entry → Entry and search',
        'Alpha Team: powers Entry → Entry, Search',
        'Alpha Team: RV point none → RV1',
        'Alpha Team: call sign none → Tango 1',
      ]);
      expect(changedLater).toEqual(['Changed a team’s part in the order', 'Alpha Team: RV point RV1 → none']);
      // The premises by label; a location since taken off the plan said so; none for a reader who does not see the places.
      const allocated = (locationIds?: string[]) => ({
        deploymentId: DEPLOYMENT,
        team: 'Alpha Team',
        ...(locationIds ? { locationIds } : {}),
      });
      expect(one('deployment.changed', allocated([]), allocated([HOUSE, CAR_WASH]))).toEqual([
        'Changed a team’s part in the order',
        'Alpha Team: premises none → Car wash, House',
      ]);
      expect(one('deployment.changed', allocated([GONE, HOUSE]), allocated([HOUSE]))).toEqual([
        'Changed a team’s part in the order',
        'Alpha Team: premises a location since removed, House → House',
      ]);
      expect(one('deployment.changed', allocated(), allocated())).toEqual(['Changed a team’s part in the order']);
      expect(
        one('deployment.changed', { deploymentId: DEPLOYMENT, team: 'Alpha Team' }, { deploymentId: DEPLOYMENT, team: 'Alpha Team' }),
      ).toEqual(['Changed a team’s part in the order']);
    });

    it('says a team confirmed, declined (with why, when the reader may read it), released, and asked again', () => {
      const asked = { deploymentId: DEPLOYMENT, team: 'Tax Team', status: 'REQUESTED' };
      expect(one('deployment.confirmed', asked, { ...asked, status: 'CONFIRMED' })).toEqual([
        'Confirmed a team',
        'Tax Team: Requested → Confirmed',
      ]);
      expect(one('deployment.declined', asked, { ...asked, status: 'DECLINED', reason: 'On another job' })).toEqual([
        'Declined a team request',
        'Tax Team: Requested → Declined',
        'Reason: On another job',
      ]);
      expect(one('deployment.released', { ...asked, status: 'CONFIRMED' }, { ...asked, status: 'RELEASED' })).toEqual([
        'Released a team',
        'Tax Team: Confirmed → Released',
      ]);
      expect(
        one(
          'deployment.asked-again',
          { status: 'CONFIRMED', deployments: [{ deploymentId: DEPLOYMENT, team: 'Tax Team', agency: 'HMRC' }] },
          { status: 'REQUESTED', reason: 'the window moved, so each partner is asked to confirm again' },
        ),
      ).toEqual([
        'Asked partners to confirm their teams again',
        'Tax Team, HM Revenue and Customs: asked to confirm again',
        'Reason: the window moved, so each partner is asked to confirm again',
      ]);
    });
  });

  describe('the prosecution', () => {
    it('says early CPS involvement asked for, withdrawn, accepted, declined and closed', () => {
      expect(
        one('cps.requested', null, { status: 'REQUESTED', note: 'Advice on charging the controllers', adviceNeededBy: '2027-02-26' }),
      ).toEqual([
        'Requested early CPS involvement',
        'Advice sought: Advice on charging the controllers',
        'Advice needed by: Fri, 26 February 2027',
      ]);
      expect(one('cps.withdrawn', { status: 'REQUESTED' }, { status: 'WITHDRAWN', reason: 'the operation was cancelled' })).toEqual([
        'Withdrew the CPS request',
        'Reason: the operation was cancelled',
      ]);
      expect(one('cps.engaged', { status: 'REQUESTED' }, { status: 'ENGAGED', liaison: 'liaison@cps.example' })).toEqual([
        'Accepted early CPS involvement',
      ]);
      expect(one('cps.declined', { status: 'REQUESTED' }, { status: 'DECLINED', reason: 'No capacity this month' })).toEqual([
        'Declined early CPS involvement',
        'Reason: No capacity this month',
      ]);
      expect(one('cps.closed', { closed: false }, { closed: true })).toEqual(['Closed evidence gathering']);
    });

    it('says each step of an evidence requirement, naming the requirement by its description', () => {
      const content = {
        offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
        offenceOther: null,
        evidenceType: 'VICTIM_ACCOUNT',
        description: 'Accounts from each worker',
        priority: 'ESSENTIAL',
      };
      const history = words([
        { action: 'evidence.added', before: null, after: { requirementId: REQUIREMENT, status: 'OPEN', ...content } },
        {
          action: 'evidence.updated',
          before: { requirementId: REQUIREMENT, ...content },
          after: { requirementId: REQUIREMENT, ...content, offence: 'OTHER', offenceOther: 'Theft Act 1968 s.1', priority: 'DESIRABLE' },
        },
        {
          action: 'evidence.assigned',
          before: { requirementId: REQUIREMENT, status: 'OPEN', teamId: null },
          after: {
            requirementId: REQUIREMENT,
            status: 'ASSIGNED',
            teamId: ALPHA_TEAM,
            team: 'Alpha Team',
            warning: 'Alpha Team has no interpreting capability',
          },
        },
        {
          action: 'evidence.unassigned',
          before: { requirementId: REQUIREMENT, team: 'Alpha Team' },
          after: { requirementId: REQUIREMENT, status: 'OPEN', reason: 'Alpha Team no longer takes part' },
        },
        {
          action: 'evidence.assigned',
          before: { requirementId: REQUIREMENT, status: 'ASSIGNED', teamId: ALPHA_TEAM },
          after: { requirementId: REQUIREMENT, status: 'ASSIGNED', teamId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', team: 'Bravo Team' },
        },
        {
          action: 'evidence.gathered',
          before: { requirementId: REQUIREMENT, status: 'ASSIGNED' },
          after: { requirementId: REQUIREMENT, status: 'GATHERED', note: 'Six accounts taken' },
        },
        {
          action: 'evidence.rejected',
          before: { requirementId: REQUIREMENT, status: 'GATHERED' },
          after: { requirementId: REQUIREMENT, status: 'REJECTED', reason: 'Unsigned' },
        },
        {
          action: 'evidence.accepted',
          before: { requirementId: REQUIREMENT, status: 'GATHERED' },
          after: { requirementId: REQUIREMENT, status: 'ACCEPTED' },
        },
      ]);
      expect(history).toEqual([
        [
          'Added an evidence requirement',
          'Evidence requirement added: Accounts from each worker',
          'Offence: Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
          'Evidence type: Victim account',
          'Priority: Essential',
        ],
        [
          'Changed an evidence requirement',
          'Requirement: Accounts from each worker',
          'Offence: Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour → Other offences',
          'Offence, in words: none → Theft Act 1968 s.1',
          'Priority: Essential → Desirable',
        ],
        [
          'Assigned evidence to a team',
          'Requirement: Accounts from each worker',
          'Team: none → Alpha Team',
          'Warning: Alpha Team has no interpreting capability',
        ],
        [
          'Evidence left without a team',
          'Requirement: Accounts from each worker',
          'Team: Alpha Team → none',
          'Reason: Alpha Team no longer takes part',
        ],
        ['Assigned evidence to a team', 'Requirement: Accounts from each worker', 'Team: Alpha Team → Bravo Team'],
        ['Recorded evidence as gathered', 'Requirement: Accounts from each worker', 'Note: Six accounts taken'],
        ['Rejected gathered evidence', 'Requirement: Accounts from each worker', 'Reason: Unsigned'],
        ['Accepted gathered evidence', 'Requirement: Accounts from each worker'],
      ]);
    });
  });

  describe('the intelligence', () => {
    it('says a subject added or removed by its kind, never its keys', () => {
      const added = one('subject.added', null, { subjectId: DEPLOYMENT, kind: 'PHONE', matchKeys: ['9f86d081884c7d659a2feaa0c55ad015'] });
      expect(added).toEqual(['Added a subject of interest', 'Subject added: a phone number']);
      expect(one('subject.removed', { subjectId: DEPLOYMENT, kind: 'VEHICLE', matchKeys: ['aa'] }, null)).toEqual([
        'Removed a subject of interest',
        'Subject removed: a vehicle',
      ]);
    });

    it('says a deconfliction hit by what the two plans shared when it was raised, and its acknowledgement', () => {
      const raised = {
        other: 'OP-2027-0002',
        hitId: DEPLOYMENT,
        kinds: ['PLACE', 'PHONE', 'EMAIL'],
        sharedPostcodes: ['E6 1HZ', 'E6 2AA'],
        overlap: { from: '2027-03-01', to: '2027-03-02' },
      };
      expect(one('deconfliction.hit-raised', null, raised)).toEqual([
        'Deconfliction hit raised',
        'Hit with OP-2027-0002: both plans held a place in the same window, a phone number and an email address',
        'Shared postcodes: E6 1HZ, E6 2AA',
        'Both on the ground: 1 March 2027 to 2 March 2027',
      ]);
      expect(
        one('deconfliction.hit-raised', null, {
          ...raised,
          kinds: ['PLACE'],
          sharedPostcodes: ['E6 1HZ'],
          overlap: { from: '2027-03-01', to: '2027-03-01' },
        }).slice(1),
      ).toEqual([
        'Hit with OP-2027-0002: both plans held a place in the same window',
        'Shared postcodes: E6 1HZ',
        'Both on the ground: 1 March 2027',
      ]);
      expect(one('deconfliction.hit-raised', null, { ...raised, kinds: ['PERSON'], sharedPostcodes: [], overlap: null })).toEqual([
        'Deconfliction hit raised',
        'Hit with OP-2027-0002: both plans held a person',
      ]);
      expect(
        one('deconfliction.acknowledged', null, {
          other: 'OP-2027-0002',
          hitId: DEPLOYMENT,
          kinds: ['PLACE', 'VEHICLE'],
          note: 'One clash',
        }),
      ).toEqual([
        'Acknowledged a deconfliction hit',
        'Hit with OP-2027-0002 on a place in the same window and a vehicle',
        'Note: One clash',
      ]);
    });

    it('says the hits recorded before a hit listed everything shared, each on a place and time or one subject', () => {
      expect(one('deconfliction.hit-raised', null, { other: 'OP-2027-0002', sharedPostcodes: ['E6 1HZ'] })).toEqual([
        'Deconfliction hit raised on a place and time',
        'Hit with OP-2027-0002: both plans hold E6 1HZ in overlapping windows',
      ]);
      expect(one('deconfliction.subject-hit-raised', null, { other: 'OP-2027-0002', matched: 'a phone number' })).toEqual([
        'Deconfliction hit raised on a subject',
        'Hit with OP-2027-0002: both plans hold the same phone number',
      ]);
      expect(one('deconfliction.acknowledged', null, { other: 'OP-2027-0002', note: 'Spoke to their SIO' })).toEqual([
        'Acknowledged a deconfliction hit',
        'Hit with OP-2027-0002',
        'Note: Spoke to their SIO',
      ]);
      expect(one('deconfliction.acknowledged', null, { other: 'OP-2027-0002', matched: 'an email address', note: 'Same suspect' })[1]).toBe(
        'Hit with OP-2027-0002 on the same email address',
      );
    });
  });

  it('says an event of a kind newer than this build in words, not as its code', () => {
    expect(one('operation.re-scoped', { scope: 'LOCAL' }, { scope: 'NATIONAL' })).toEqual(['Operation re scoped']);
  });

  it('has words for every kind of event the services record', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    const recorders = sources(join(__dirname, '..')).filter((file) => /\.service\.ts$|plan-followers\.ts$/.test(file));
    const recorded = new Set(
      recorders.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/'((?:operation|rv-point|deployment|cps|evidence|subject|deconfliction)\.[a-z-]+)'/g)].map(
          (match) => match[1],
        ),
      ),
    );
    // The owner's moves are recorded as `operation.${action}`.
    for (const action of LIFECYCLE_ACTIONS.filter((each) => LIFECYCLE[each].by === 'owner')) recorded.add(`operation.${action}`);
    expect(recorded.size).toBeGreaterThan(35);
    for (const action of recorded) {
      const [what] = one(action, null, null);
      expect({ action, what }).not.toEqual({ action, what: action.charAt(0).toUpperCase() + action.slice(1).replace(/[.-]/g, ' ') });
      // Whatever a reader's filter left out: nothing is said of what is not there.
      expect(one(action, {}, {})[0]).toBe(what);
    }
  });

  it('collects the ids and agency codes a history refers to, for one query', () => {
    const refs = referencedNames([
      { action: 'operation.created', before: null, after: created },
      { action: 'operation.lead-changed', before: { leadAgency: null }, after: { leadAgency: 'HMRC' } },
      {
        action: 'evidence.assigned',
        before: { requirementId: REQUIREMENT, teamId: ALPHA_TEAM },
        after: { requirementId: REQUIREMENT, team: 'Alpha Team' },
      },
      { action: 'subject.added', before: null, after: { kind: 'PHONE', matchKeys: ['9f86d081884c7d659a2feaa0c55ad015'] } },
    ]);
    expect(refs.ids.sort()).toEqual([MPS, ALPHA_TEAM, REQUIREMENT].sort());
    expect(refs.codes).toEqual(['HMRC']);
  });

  it('names what it cannot find as such, never by its id', () => {
    const lines = historyInWords(
      [{ action: 'operation.created', before: null, after: { name: 'X', leadAgencyId: 'abababab-abab-4bab-8bab-abababababab' } }],
      new Map(),
    )[0];
    expect(lines).toContain('Lead agency: an agency no longer on record');
  });
});
