import { AGENCY_KINDS, AgencyKind, EXPLOITATION_TYPES, ExploitationType, Scope, SCOPES } from '../common/domain';
import { DEFAULT_POLICY_RULES } from './default-policy';
import { describeRule, mayLead, maySupport, RuleData } from './policy';

/** Every non-empty combination of exploitation types. */
const COMBINATIONS: ExploitationType[][] = Array.from({ length: 2 ** EXPLOITATION_TYPES.length - 1 }, (_, index) =>
  EXPLOITATION_TYPES.filter((_type, bit) => ((index + 1) >> bit) & 1),
);

/** R1 read straight from DESIGN.md. */
function r1(kind: AgencyKind, types: ExploitationType[], scope: Scope): boolean {
  if (scope === 'INTERNATIONAL') return kind === 'NCA';
  if (kind === 'POLICE' || kind === 'NCA') return true;
  return kind === 'GLAA' && types.every((type) => type === 'LABOUR');
}

/** R2 read straight from DESIGN.md. */
function r2(kind: AgencyKind, types: ExploitationType[]): boolean {
  if (kind === 'CPS') return false;
  return kind !== 'GLAA' || types.includes('LABOUR');
}

const CASES = AGENCY_KINDS.flatMap((kind) => COMBINATIONS.flatMap((types) => SCOPES.map((scope) => ({ kind, types, scope }))));

describe('the lead/support policy under the default rules', () => {
  it('covers every kind × exploitation-type combination × scope', () => {
    expect(CASES).toHaveLength(AGENCY_KINDS.length * 31 * SCOPES.length);
  });

  it.each(CASES)('R1: may $kind lead a $scope operation of $types?', ({ kind, types, scope }) => {
    const verdict = mayLead(kind, { exploitationTypes: types, scope }, DEFAULT_POLICY_RULES);
    expect(verdict.permitted).toBe(r1(kind, types, scope));
    expect(verdict.rule).toBe('R1');
    expect(verdict.reason).toMatch(verdict.permitted ? / can lead this day of action$/ : / (cannot lead|can lead only|can be led only)/);
    expect(verdict.reason).not.toMatch(/\bR\d|[A-Z]{2,}_|\b(LABOUR|INTERNATIONAL|POLICE)\b/);
  });

  it.each(CASES)('R2: may $kind support a $scope operation of $types?', ({ kind, types, scope }) => {
    const verdict = maySupport(kind, { exploitationTypes: types, scope }, DEFAULT_POLICY_RULES);
    expect(verdict.permitted).toBe(r2(kind, types));
    expect(verdict.rule).toBe('R2');
    expect(verdict.reason).toMatch(
      verdict.permitted
        ? / can supply teams to this day of action$/
        : / (cannot supply teams|can supply teams only|through early involvement only)/,
    );
    expect(verdict.reason).not.toMatch(/\bR\d|[A-Z]{2,}_|\b(LABOUR|INTERNATIONAL|POLICE)\b/);
  });
});

describe('refusal reasons say why in words, with labels, not rule ids or codes', () => {
  const labourAndSexual = { exploitationTypes: ['LABOUR', 'SEXUAL'] as ExploitationType[], scope: 'LOCAL' as Scope };

  it('GLAA leading a mixed operation', () => {
    expect(mayLead('GLAA', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe(
      'The Gangmasters and Labour Abuse Authority can lead only days of action against labour exploitation alone',
    );
  });

  it('anyone but the NCA leading an international operation', () => {
    expect(mayLead('POLICE', { exploitationTypes: ['SEXUAL'], scope: 'INTERNATIONAL' }, DEFAULT_POLICY_RULES).reason).toBe(
      'An international day of action can be led only by the National Crime Agency',
    );
  });

  it('a kind that may not lead at all', () => {
    expect(mayLead('HMRC', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe('HM Revenue and Customs cannot lead a day of action');
    expect(mayLead('VICTIM_SUPPORT', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe(
      'A victim support organisation cannot lead a day of action',
    );
  });

  it('the CPS as a deployed team', () => {
    expect(maySupport('CPS', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe(
      'The CPS takes part through early involvement only, never as the lead or with teams',
    );
  });

  it('GLAA supporting an operation without LABOUR', () => {
    expect(maySupport('GLAA', { exploitationTypes: ['SEXUAL'], scope: 'LOCAL' }, DEFAULT_POLICY_RULES).reason).toBe(
      'The Gangmasters and Labour Abuse Authority can supply teams only to days of action that include labour exploitation',
    );
  });

  it('a kind with no rule row at all is refused', () => {
    const withoutPolice = DEFAULT_POLICY_RULES.filter((rule) => rule.agencyKind !== 'POLICE');
    expect(mayLead('POLICE', labourAndSexual, withoutPolice).permitted).toBe(false);
  });

  it('follows the rules it is given, not a built-in copy', () => {
    const rules: RuleData[] = DEFAULT_POLICY_RULES.map((rule) =>
      rule.agencyKind === 'HMRC' && rule.role === 'LEAD' ? { ...rule, permitted: true, allowedScopes: ['LOCAL'] } : rule,
    );
    expect(mayLead('HMRC', labourAndSexual, rules).permitted).toBe(true);
    expect(mayLead('HMRC', { ...labourAndSexual, scope: 'NATIONAL' }, rules).reason).toBe(
      'A national day of action can be led only by a police force, the National Crime Agency or the Gangmasters and Labour Abuse Authority',
    );
  });
});

describe('describeRule', () => {
  it('puts a rule in words', () => {
    const glaaLead = DEFAULT_POLICY_RULES.find((rule) => rule.agencyKind === 'GLAA' && rule.role === 'LEAD') as RuleData;
    expect(describeRule(glaaLead)).toBe(
      'The Gangmasters and Labour Abuse Authority can lead local, regional or national days of action against labour exploitation alone',
    );
    const ncaLead = DEFAULT_POLICY_RULES.find((rule) => rule.agencyKind === 'NCA' && rule.role === 'LEAD') as RuleData;
    expect(describeRule(ncaLead)).toBe('The National Crime Agency can lead any day of action');
  });
});
