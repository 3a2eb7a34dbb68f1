import { PLAN_SECTIONS } from '../common/domain';
import { DEFAULT_POLICY_RULES } from '../lead-policy/default-policy';
import { CHECK_SECTIONS, noNextStep, readiness, ReadinessFacts } from './readiness';

const now = new Date('2027-03-01T00:00:00Z');

function ready(): ReadinessFacts {
  return {
    now,
    startsAt: new Date('2027-03-20T05:00:00Z'),
    endsAt: new Date('2027-03-20T17:00:00Z'),
    exploitationTypes: ['LABOUR'],
    scope: 'LOCAL',
    lead: { code: 'WMP', kind: 'POLICE' },
    locationCount: 2,
    deployments: [
      {
        teamId: 't1',
        teamName: 'Entry',
        agencyCode: 'WMP',
        agencyKind: 'POLICE',
        status: 'CONFIRMED',
        capabilities: ['ENTRY', 'SAFEGUARDING'],
      },
      {
        teamId: 't2',
        teamName: 'Labour Inspection',
        agencyCode: 'GLAA',
        agencyKind: 'GLAA',
        status: 'CONFIRMED',
        capabilities: ['LABOUR_INSPECTION', 'INTERPRETING'],
      },
    ],
    cps: { status: 'ENGAGED', engagedAt: new Date('2027-03-01T00:00:00Z') },
    evidence: [
      { description: 'Victim accounts', priority: 'ESSENTIAL', assignedTeamId: 't1', warning: null },
      { description: 'Payslips', priority: 'DESIRABLE', assignedTeamId: null, warning: null },
    ],
    expectedPotentialVictims: 4,
    receptionCentre: 'Sparkhill',
    languages: ['Romanian'],
    conflicts: [{ reference: 'OP-2027-0009', acknowledged: true }],
    order: {
      locations: [
        {
          label: 'Car wash',
          strikeAt: new Date('2027-03-20T06:00:00Z'),
          entry: { basis: 'WARRANT', warrantExpiresAt: new Date('2027-03-25T23:59:00Z') },
        },
        { label: 'House', strikeAt: new Date('2027-03-20T06:00:00Z'), entry: { basis: 'CONSENT', warrantExpiresAt: null } },
      ],
      briefingAt: new Date('2027-03-20T05:00:00Z'),
      debriefAt: new Date('2027-03-20T15:00:00Z'),
      rvPointCount: 1,
      teamsWithoutRv: [],
      locationsWithoutTeam: [],
      teamsWithNowhere: [],
      risks: [{ hazard: 'DOGS', hazardDetail: null, residual: 'HIGH', acceptedBy: 'Supt Ann Clarke', intelligenceDerived: false }],
      firstResponderCount: 1,
      interpreterLanguages: ['romanian'],
      medicalCover: 'Ambulance on standby at RV1',
      reception: { opensAt: new Date('2027-03-20T05:00:00Z'), closesAt: new Date('2027-03-20T20:00:00Z') },
      radioChannel: 'WM-OPS-3',
      controlRoomNumber: '0121 626 5000',
      signOffs: [{ agencyCode: 'GLAA', state: 'SIGNED_OFF' }],
      describesIntelligence: true,
    },
  };
}

const failing = (facts: ReadinessFacts) =>
  readiness(facts, DEFAULT_POLICY_RULES)
    .checks.filter((check) => !check.ok)
    .map((check) => check.id);

describe('readiness', () => {
  it('passes a complete plan', () => {
    const result = readiness(ready(), DEFAULT_POLICY_RULES);
    expect(result.ready).toBe(true);
    expect(result.checks.every((check) => check.ok)).toBe(true);
  });

  it.each<[string, (facts: ReadinessFacts) => void, string[]]>([
    ['no lead', (f) => (f.lead = null), ['lead-agency']],
    ['a lead the policy forbids', (f) => (f.lead = { code: 'HMRC', kind: 'HMRC' }), ['lead-agency']],
    ['a window in the past', (f) => (f.startsAt = new Date('2027-02-28T00:00:00Z')), ['window-in-future', 'cps-lead-time']],
    ['no location', (f) => (f.locationCount = 0), ['locations']],
    [
      'no confirmed team',
      (f) => (f.deployments = []),
      ['confirmed-deployment', 'essential-evidence-assigned', 'safeguarding', 'interpreting'],
    ],
    ['a pending request', (f) => (f.deployments[1].status = 'REQUESTED'), ['no-pending-requests', 'interpreting']],
    ['a supporting agency the policy forbids', (f) => (f.exploitationTypes = ['SEXUAL']), ['supporting-agencies-permitted']],
    ['CPS only requested', (f) => (f.cps = { status: 'REQUESTED', engagedAt: null }), ['cps-engaged']],
    ['no evidence requirement', (f) => (f.evidence = []), ['evidence-requirements']],
    [
      'an essential requirement without a confirmed team',
      (f) => (f.evidence[0].assignedTeamId = 'elsewhere'),
      ['essential-evidence-assigned'],
    ],
    ['victims expected but no reception centre', (f) => (f.receptionCentre = null), ['safeguarding']],
    ['an unacknowledged deconfliction hit', (f) => f.conflicts.push({ reference: 'OP-2027-0010', acknowledged: false }), ['deconfliction']],
    [
      'a warrant that expires before its strike',
      (f) => (f.order.locations[0].entry = { basis: 'WARRANT', warrantExpiresAt: new Date('2027-03-20T05:59:00Z') }),
      ['warrants-valid'],
    ],
    ['a high residual risk nobody senior accepted', (f) => (f.order.risks[0].acceptedBy = ' '), ['high-risks-accepted']],
  ])('blocks on %s', (_name, change, expected) => {
    const facts = ready();
    change(facts);
    expect(failing(facts)).toEqual(expected);
    expect(readiness(facts, DEFAULT_POLICY_RULES).ready).toBe(false);
  });

  it.each<[string, (facts: ReadinessFacts) => void, string]>([
    [
      'CPS engaged less than 7 days ahead',
      (f) => (f.cps = { status: 'ENGAGED', engagedAt: new Date('2027-03-15T00:00:00Z') }),
      'cps-lead-time',
    ],
    ['languages but no interpreter', (f) => (f.deployments[1].capabilities = ['LABOUR_INSPECTION']), 'interpreting'],
    [
      'a capability mismatch',
      (f) => (f.evidence[0].warning = 'VICTIM_ACCOUNT evidence is usually gathered by a team with SAFEGUARDING'),
      'evidence-capability',
    ],
    ['no risk assessment', (f) => (f.order.risks = []), 'risk-assessment'],
    ['a location without a strike time', (f) => (f.order.locations[1].strikeAt = null), 'entry-and-strike'],
    ['a location without an entry basis', (f) => (f.order.locations[1].entry = null), 'entry-and-strike'],
    ['a confirmed team without an RV point', (f) => (f.order.teamsWithoutRv = ['Entry']), 'timings'],
    ['a location no team is allocated to', (f) => (f.order.locationsWithoutTeam = ['House']), 'teams-at-premises'],
    ['a confirmed team with no location and no RV point', (f) => (f.order.teamsWithNowhere = ['Entry']), 'teams-at-premises'],
    ['no radio channel', (f) => (f.order.radioChannel = null), 'communications'],
    ['victims expected but no first responder', (f) => (f.order.firstResponderCount = 0), 'first-responders'],
    ['a language without an interpreter', (f) => (f.order.interpreterLanguages = ['Polish']), 'interpreters'],
    ['no medical cover', (f) => (f.order.medicalCover = null), 'medical-cover'],
    [
      'the reception centre closed at a strike',
      (f) => (f.order.reception = { opensAt: new Date('2027-03-20T07:00:00Z'), closesAt: new Date('2027-03-20T20:00:00Z') }),
      'reception-hours',
    ],
    [
      'a partner yet to sign off, before submission',
      (f) => (f.order.signOffs = [{ agencyCode: 'GLAA', state: 'AWAITING' }]),
      'partner-sign-off',
    ],
  ])('warns without blocking on %s', (_name, change, id) => {
    const facts = ready();
    change(facts);
    const result = readiness(facts, DEFAULT_POLICY_RULES);
    expect(failing(facts)).toEqual([id]);
    expect(result.checks.find((check) => check.id === id)?.blocking).toBe(false);
    expect(result.ready).toBe(true);
  });

  it('needs no safeguarding arrangements when no victims are expected', () => {
    const facts = ready();
    facts.expectedPotentialVictims = 0;
    facts.receptionCentre = null;
    facts.order = { ...facts.order, firstResponderCount: 0, medicalCover: null, reception: null };
    expect(failing(facts)).toEqual([]);
  });

  it('applies every check to a plan with something to check in each', () => {
    expect(readiness(ready(), DEFAULT_POLICY_RULES).checks.filter((check) => !check.applies)).toEqual([]);
  });

  it('says a check with nothing to check yet is not needed yet, passing it without calling it done', () => {
    const facts = ready();
    Object.assign(facts, { deployments: [], cps: null, evidence: [], expectedPotentialVictims: 0, languages: [], conflicts: [] });
    facts.order = { ...facts.order, locations: [], risks: [], signOffs: [] };
    const notYet = readiness(facts, DEFAULT_POLICY_RULES).checks.filter((check) => !check.applies);
    expect(notYet.every((check) => check.ok)).toBe(true);
    expect(Object.fromEntries(notYet.map((check) => [check.id, check.message]))).toEqual({
      'no-pending-requests': 'No team has been requested yet',
      'supporting-agencies-permitted': 'No team has been requested yet',
      'essential-evidence-assigned': 'No evidence requirement is essential yet',
      safeguarding: 'No potential victims expected',
      deconfliction: 'No deconfliction hits',
      'warrants-valid': 'No entry relies on a warrant',
      'high-risks-accepted': 'No high residual risk',
      'partner-sign-off': 'No supporting agency has a confirmed team, so none needs to sign off',
      'entry-and-strike': 'No locations yet',
      'teams-at-premises': 'No locations or teams yet',
      'first-responders': 'No potential victims expected',
      interpreters: 'No languages needed',
      'medical-cover': 'No potential victims expected',
      'reception-hours': 'No potential victims expected',
      'cps-lead-time': 'The CPS is not engaged yet',
      interpreting: 'No languages needed',
      'evidence-capability': 'No evidence is assigned to a team yet',
    });
  });

  it('gives the CPS enough notice only once it is engaged', () => {
    const facts = ready();
    facts.cps = { status: 'REQUESTED', engagedAt: null };
    expect(readiness(facts, DEFAULT_POLICY_RULES).checks.find((check) => check.id === 'cps-lead-time')).toEqual({
      id: 'cps-lead-time',
      ok: true,
      applies: false,
      blocking: false,
      message: 'The CPS is not engaged yet',
    });
  });

  it('blocks approval until each supporting agency has signed off its part as it stands', () => {
    const approve = { stage: 'approve' } as const;
    for (const state of ['AWAITING', 'WITHDRAWN', 'DECLINED'] as const) {
      const facts = ready();
      facts.order.signOffs = [
        { agencyCode: 'GLAA', state },
        { agencyCode: 'HMRC', state: 'SIGNED_OFF' },
      ];
      const result = readiness(facts, DEFAULT_POLICY_RULES, approve);
      expect(result.ready).toBe(false);
      expect(result.checks.find((check) => check.id === 'partner-sign-off')).toEqual({
        id: 'partner-sign-off',
        ok: false,
        applies: true,
        blocking: true,
        message: 'Waiting for a manager of GLAA to sign off their part',
      });
    }
    expect(readiness(ready(), DEFAULT_POLICY_RULES, approve).ready).toBe(true);
  });

  it('names the warrant, its expiry and the risks to accept', () => {
    const facts = ready();
    facts.order.locations[0].entry = { basis: 'WARRANT', warrantExpiresAt: new Date('2027-03-19T23:59:00Z') };
    facts.order.risks.push({
      hazard: 'OTHER',
      hazardDetail: 'Asbestos in the loft',
      residual: 'HIGH',
      acceptedBy: null,
      intelligenceDerived: false,
    });
    facts.order.risks[0].acceptedBy = null;
    const messages = Object.fromEntries(readiness(facts, DEFAULT_POLICY_RULES).checks.map((check) => [check.id, check.message]));
    expect(messages['warrants-valid']).toBe(
      'The warrant for Car wash expires Fri, 19 March 2027 at 23:59 GMT, before the strike: get a new warrant or strike earlier',
    );
    expect(messages['high-risks-accepted']).toBe('A named senior officer must accept each high residual risk: Dogs, Asbestos in the loft');
  });

  it('names a high risk derived from intelligence to a reader who sees the intelligence, and only counts it for one who does not', () => {
    const facts = ready();
    facts.order.risks.push(
      {
        hazard: 'OTHER',
        hazardDetail: 'Informant says the controller carries a knife',
        residual: 'HIGH',
        acceptedBy: null,
        intelligenceDerived: true,
      },
      { hazard: 'WEAPONS', hazardDetail: null, residual: 'HIGH', acceptedBy: null, intelligenceDerived: true },
    );
    const message = (id: string) => readiness(facts, DEFAULT_POLICY_RULES).checks.find((c) => c.id === id)?.message;
    expect(message('high-risks-accepted')).toBe(
      'A named senior officer must accept each high residual risk: Informant says the controller carries a knife, Weapons',
    );
    expect(message('risk-assessment')).toBe('3 risks assessed');
    facts.order.describesIntelligence = false;
    const check = readiness(facts, DEFAULT_POLICY_RULES).checks.find((c) => c.id === 'high-risks-accepted');
    expect(check).toMatchObject({
      ok: false,
      blocking: true,
      message: 'A named senior officer must accept each high residual risk: 2 risks derived from intelligence',
    });
    expect(message('risk-assessment')).toBe('The risks are assessed');
  });

  it('places every check in a section of the plan', () => {
    const ids = readiness(ready(), DEFAULT_POLICY_RULES).checks.map((check) => check.id);
    const startIds = readiness(ready(), DEFAULT_POLICY_RULES, { stage: 'start', startWindowHours: 24 }).checks.map((check) => check.id);
    for (const id of [...ids, ...startIds]) expect([id, PLAN_SECTIONS.includes(CHECK_SECTIONS[id])]).toEqual([id, true]);
  });

  it('tells the coordinator what to do', () => {
    const facts = ready();
    facts.lead = null;
    facts.deployments[1].status = 'REQUESTED';
    const messages = Object.fromEntries(readiness(facts, DEFAULT_POLICY_RULES).checks.map((check) => [check.id, check.message]));
    expect(messages['lead-agency']).toBe('Choose a lead agency');
    expect(messages['no-pending-requests']).toBe('Waiting for GLAA to confirm or decline: Labour Inspection');
  });

  describe('the go/no-go of starting', () => {
    const start = { stage: 'start', startWindowHours: 24 } as const;
    const at = (iso: string) => ({ ...ready(), now: new Date(iso) });
    const startFailing = (facts: ReadinessFacts) =>
      readiness(facts, DEFAULT_POLICY_RULES, start)
        .checks.filter((check) => !check.ok)
        .map((check) => check.id);

    it('opens 24 hours before the window and closes with it, the past window no longer counting against it', () => {
      expect(startFailing(at('2027-03-19T04:59:59Z'))).toEqual(['start-window']);
      expect(readiness(at('2027-03-19T04:59:59Z'), DEFAULT_POLICY_RULES, start).checks.find((c) => c.id === 'start-window')?.message).toBe(
        'The plan can be started from Fri, 19 March 2027 at 05:00 GMT, 24 hours before its window opens',
      );
      expect(startFailing(at('2027-03-19T05:00:00Z'))).toEqual([]);
      expect(startFailing(at('2027-03-20T09:00:00Z'))).toEqual([]);
      expect(startFailing(at('2027-03-20T17:00:00Z'))).toEqual(['start-window']);
      expect(readiness(at('2027-03-20T09:00:00Z'), DEFAULT_POLICY_RULES, start).checks.map((c) => c.id)).not.toContain('window-in-future');
    });

    it('still needs every blocking check, such as a hit that appeared after approval', () => {
      const facts = at('2027-03-20T04:00:00Z');
      facts.conflicts.push({ reference: 'OP-2027-0011', acknowledged: false });
      expect(startFailing(facts)).toEqual(['deconfliction']);
      expect(readiness(facts, DEFAULT_POLICY_RULES, start).ready).toBe(false);
    });
  });

  describe('of a plan with no next step', () => {
    it('is not ready under way, saying what is left to do, and not ready once ended, saying how it ended', () => {
      expect(noNextStep({ reference: 'OP-2027-0001', status: 'ACTIVE' })).toEqual({
        ready: false,
        checks: [
          {
            id: 'under-way',
            ok: false,
            applies: true,
            blocking: true,
            message:
              'The day of action is under way: OP-2027-0001 was started after its go/no-go checks; what is left is to complete it with its outcomes, or stand it down',
          },
        ],
      });
      expect(
        (['COMPLETED', 'CANCELLED', 'STOOD_DOWN'] as const).map((status) =>
          noNextStep({ reference: 'OP-2027-0001', status }).checks.map((check) => [check.id, check.message]),
        ),
      ).toEqual([
        [['ended', 'OP-2027-0001 has been completed: there is no next step to be ready for']],
        [['ended', 'OP-2027-0001 has been cancelled: there is no next step to be ready for']],
        [['ended', 'OP-2027-0001 has been stood down: there is no next step to be ready for']],
      ]);
    });
  });
});
