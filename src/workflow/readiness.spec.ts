import { DEFAULT_POLICY_RULES } from '../lead-policy/default-policy';
import { readiness, ReadinessFacts } from './readiness';

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
      { teamId: 't1', teamName: 'Entry', agencyCode: 'WMP', agencyKind: 'POLICE', status: 'CONFIRMED', capabilities: ['ENTRY', 'SAFEGUARDING'] },
      { teamId: 't2', teamName: 'Labour Inspection', agencyCode: 'GLAA', agencyKind: 'GLAA', status: 'CONFIRMED', capabilities: ['LABOUR_INSPECTION', 'INTERPRETING'] },
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
    ['no confirmed team', (f) => (f.deployments = []), ['confirmed-deployment', 'essential-evidence-assigned', 'safeguarding', 'interpreting']],
    ['a pending request', (f) => (f.deployments[1].status = 'REQUESTED'), ['no-pending-requests', 'interpreting']],
    ['a supporting agency the policy forbids', (f) => (f.exploitationTypes = ['SEXUAL']), ['supporting-agencies-permitted']],
    ['CPS only requested', (f) => (f.cps = { status: 'REQUESTED', engagedAt: null }), ['cps-engaged']],
    ['no evidence requirement', (f) => (f.evidence = []), ['evidence-requirements']],
    ['an essential requirement without a confirmed team', (f) => (f.evidence[0].assignedTeamId = 'elsewhere'), ['essential-evidence-assigned']],
    ['victims expected but no reception centre', (f) => (f.receptionCentre = null), ['safeguarding']],
    ['an unacknowledged deconfliction hit', (f) => f.conflicts.push({ reference: 'OP-2027-0010', acknowledged: false }), ['deconfliction']],
  ])('blocks on %s', (_name, change, expected) => {
    const facts = ready();
    change(facts);
    expect(failing(facts)).toEqual(expected);
    expect(readiness(facts, DEFAULT_POLICY_RULES).ready).toBe(false);
  });

  it.each<[string, (facts: ReadinessFacts) => void, string]>([
    ['CPS engaged less than 7 days ahead', (f) => (f.cps = { status: 'ENGAGED', engagedAt: new Date('2027-03-15T00:00:00Z') }), 'cps-lead-time'],
    ['languages but no interpreter', (f) => (f.deployments[1].capabilities = ['LABOUR_INSPECTION']), 'interpreting'],
    ['a capability mismatch', (f) => (f.evidence[0].warning = 'VICTIM_ACCOUNT evidence is usually gathered by a team with SAFEGUARDING'), 'evidence-capability'],
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
    expect(failing(facts)).toEqual([]);
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
});
