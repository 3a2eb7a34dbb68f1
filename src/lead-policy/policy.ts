import type { AgencyKind, ExploitationType, PolicyRole, Scope } from '../common/domain';

/** The part of a policy rule the decision reads (a row of policy_rules). */
export interface RuleData {
  agencyKind: AgencyKind;
  role: PolicyRole;
  permitted: boolean;
  allowedScopes: Scope[] | null;
  exploitationTypesWithin: ExploitationType[] | null;
  exploitationTypesAnyOf: ExploitationType[] | null;
}

/** The part of an operation the decision reads. */
export interface OperationFacts {
  exploitationTypes: ExploitationType[];
  scope: Scope;
}

export interface Verdict {
  permitted: boolean;
  /** R1 for leading, R2 for supporting. */
  rule: 'R1' | 'R2';
  reason: string;
}

const ROLE_RULE = { LEAD: 'R1', SUPPORT: 'R2' } as const;

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function either(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? 'nobody') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function refusal(role: PolicyRole, kind: AgencyKind, operation: OperationFacts, rule: RuleData | undefined, rules: RuleData[]): string | undefined {
  if (!rule?.permitted) {
    if (role === 'SUPPORT' && kind === 'CPS') {
      return 'the CPS takes part through CPS involvement only, never as a lead or a deployed team';
    }
    return role === 'LEAD' ? `${kind} may not lead an operation` : `${kind} may not supply deployed teams`;
  }
  if (rule.allowedScopes && !rule.allowedScopes.includes(operation.scope)) {
    const verb = role === 'LEAD' ? 'led' : 'supported';
    const kinds = rules
      .filter((other) => other.role === role && other.permitted && (!other.allowedScopes || other.allowedScopes.includes(operation.scope)))
      .map((other) => other.agencyKind);
    return `${article(operation.scope)} ${operation.scope} operation may be ${verb} only by ${either(kinds)}`;
  }
  const within = rule.exploitationTypesWithin;
  if (within && !operation.exploitationTypes.every((type) => within.includes(type))) {
    const verb = role === 'LEAD' ? 'lead' : 'support';
    return `${kind} may ${verb} only operations whose exploitation types are all ${either(within)}`;
  }
  const anyOf = rule.exploitationTypesAnyOf;
  if (anyOf && !operation.exploitationTypes.some((type) => anyOf.includes(type))) {
    const verb = role === 'LEAD' ? 'lead' : 'support';
    return `${kind} may ${verb} only operations whose exploitation types include ${either(anyOf)}`;
  }
  return undefined;
}

/** Whether an agency of `kind` may take `role` in `operation` under `rules`, and why. */
export function decide(role: PolicyRole, kind: AgencyKind, operation: OperationFacts, rules: RuleData[]): Verdict {
  const rule = rules.find((candidate) => candidate.role === role && candidate.agencyKind === kind);
  const reason = refusal(role, kind, operation, rule, rules);
  const code = ROLE_RULE[role];
  if (reason) return { permitted: false, rule: code, reason: `${code}: ${reason}` };
  const verb = role === 'LEAD' ? 'lead' : 'support';
  return { permitted: true, rule: code, reason: `${code}: ${kind} may ${verb} this operation` };
}

export const mayLead = (kind: AgencyKind, operation: OperationFacts, rules: RuleData[]) => decide('LEAD', kind, operation, rules);

export const maySupport = (kind: AgencyKind, operation: OperationFacts, rules: RuleData[]) =>
  decide('SUPPORT', kind, operation, rules);

/** A rule in words, e.g. "GLAA may lead LOCAL, REGIONAL or NATIONAL operations whose exploitation types are all LABOUR". */
export function describeRule(rule: RuleData): string {
  const verb = rule.role === 'LEAD' ? 'lead' : 'supply deployed teams to';
  if (!rule.permitted) return `${rule.agencyKind} may not ${verb} operations`;
  const scopes = rule.allowedScopes ? `${either(rule.allowedScopes)} ` : '';
  const conditions = [
    rule.exploitationTypesWithin && `whose exploitation types are all ${either(rule.exploitationTypesWithin)}`,
    rule.exploitationTypesAnyOf && `whose exploitation types include ${either(rule.exploitationTypesAnyOf)}`,
  ].filter(Boolean);
  const suffix = conditions.length ? ` ${conditions.join(' and ')}` : '';
  if (!scopes && !suffix) return `${rule.agencyKind} may ${verb} any operation`;
  return `${rule.agencyKind} may ${verb} ${scopes}operations${suffix}`;
}
