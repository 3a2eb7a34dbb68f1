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

const CASES = AGENCY_KINDS.flatMap((kind) =>
  COMBINATIONS.flatMap((types) => SCOPES.map((scope) => ({ kind, types, scope }))),
);

describe('the lead/support policy under the default rules', () => {
  it('covers every kind × exploitation-type combination × scope', () => {
    expect(CASES).toHaveLength(AGENCY_KINDS.length * 31 * SCOPES.length);
  });

  it.each(CASES)('R1: may $kind lead a $scope operation of $types?', ({ kind, types, scope }) => {
    const verdict = mayLead(kind, { exploitationTypes: types, scope }, DEFAULT_POLICY_RULES);
    expect(verdict.permitted).toBe(r1(kind, types, scope));
    expect(verdict.rule).toBe('R1');
    expect(verdict.reason).toMatch(/^R1: /);
  });

  it.each(CASES)('R2: may $kind support a $scope operation of $types?', ({ kind, types, scope }) => {
    const verdict = maySupport(kind, { exploitationTypes: types, scope }, DEFAULT_POLICY_RULES);
    expect(verdict.permitted).toBe(r2(kind, types));
    expect(verdict.reason).toMatch(/^R2: /);
  });
});

describe('refusal reasons name the rule', () => {
  const labourAndSexual = { exploitationTypes: ['LABOUR', 'SEXUAL'] as ExploitationType[], scope: 'LOCAL' as Scope };

  it('GLAA leading a mixed operation', () => {
    expect(mayLead('GLAA', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe(
      'R1: GLAA may lead only operations whose exploitation types are all LABOUR',
    );
  });

  it('anyone but the NCA leading an international operation', () => {
    expect(mayLead('POLICE', { exploitationTypes: ['SEXUAL'], scope: 'INTERNATIONAL' }, DEFAULT_POLICY_RULES).reason).toBe(
      'R1: an INTERNATIONAL operation may be led only by NCA',
    );
  });

  it('a kind that may not lead at all', () => {
    expect(mayLead('HMRC', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe('R1: HMRC may not lead an operation');
  });

  it('the CPS as a deployed team', () => {
    expect(maySupport('CPS', labourAndSexual, DEFAULT_POLICY_RULES).reason).toBe(
      'R2: the CPS takes part through CPS involvement only, never as a lead or a deployed team',
    );
  });

  it('GLAA supporting an operation without LABOUR', () => {
    expect(maySupport('GLAA', { exploitationTypes: ['SEXUAL'], scope: 'LOCAL' }, DEFAULT_POLICY_RULES).reason).toBe(
      'R2: GLAA may support only operations whose exploitation types include LABOUR',
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
      'R1: a NATIONAL operation may be led only by POLICE, NCA or GLAA',
    );
  });
});

describe('describeRule', () => {
  it('puts a rule in words', () => {
    const glaaLead = DEFAULT_POLICY_RULES.find((rule) => rule.agencyKind === 'GLAA' && rule.role === 'LEAD') as RuleData;
    expect(describeRule(glaaLead)).toBe('GLAA may lead LOCAL, REGIONAL or NATIONAL operations whose exploitation types are all LABOUR');
    const ncaLead = DEFAULT_POLICY_RULES.find((rule) => rule.agencyKind === 'NCA' && rule.role === 'LEAD') as RuleData;
    expect(describeRule(ncaLead)).toBe('NCA may lead any operation');
  });
});
