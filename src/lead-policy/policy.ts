import type { AgencyKind, ExploitationType, PolicyRole, Scope } from '../common/domain';
import { AGENCY_KIND_NOUNS, label } from '../common/labels';

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
  /** R1 for leading, R2 for supporting: for programs (an error's details), never in the reason. */
  rule: 'R1' | 'R2';
  /** Why, in words a person reads. */
  reason: string;
}

const ROLE_RULE = { LEAD: 'R1', SUPPORT: 'R2' } as const;

function either(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? 'nobody') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const agency = (kind: AgencyKind) => capitalised(AGENCY_KIND_NOUNS[kind]);
const exploitation = (types: readonly ExploitationType[]) => types.map((type) => label('exploitationType', type).toLowerCase());
const scopes = (values: readonly Scope[]) => values.map((scope) => label('scope', scope).toLowerCase());
const acting = (role: PolicyRole) => (role === 'LEAD' ? 'lead' : 'supply teams to');

/** The role, limited: "lead only", "supply teams only to". */
const only = (role: PolicyRole) => (role === 'LEAD' ? 'lead only' : 'supply teams only to');
/** Days of action with at least one exploitation type of `anyOf`, in words. */
const including = (anyOf: readonly ExploitationType[]) => `that include ${either(exploitation(anyOf))}`;

/** Days of action whose exploitation types are all among `within`, in words. */
function keepingTo(within: readonly ExploitationType[]): string {
  return within.length === 1 ? `against ${exploitation(within)[0]} alone` : `against nothing but ${either(exploitation(within))}`;
}

function refusal(
  role: PolicyRole,
  kind: AgencyKind,
  operation: OperationFacts,
  rule: RuleData | undefined,
  rules: RuleData[],
): string | undefined {
  if (!rule?.permitted) {
    if (role === 'SUPPORT' && kind === 'CPS') return CPS_TAKES_PART;
    return `${agency(kind)} cannot ${acting(role)} a day of action`;
  }
  if (rule.allowedScopes && !rule.allowedScopes.includes(operation.scope)) {
    const kinds = rules
      .filter((other) => other.role === role && other.permitted && (!other.allowedScopes || other.allowedScopes.includes(operation.scope)))
      .map((other) => AGENCY_KIND_NOUNS[other.agencyKind]);
    const scope = label('scope', operation.scope).toLowerCase();
    return `${/^[aeiou]/.test(scope) ? 'An' : 'A'} ${scope} day of action can be ${role === 'LEAD' ? 'led' : 'supplied with teams'} only by ${either(kinds)}`;
  }
  const within = rule.exploitationTypesWithin;
  if (within && !operation.exploitationTypes.every((type) => within.includes(type))) {
    return `${agency(kind)} can ${only(role)} days of action ${keepingTo(within)}`;
  }
  const anyOf = rule.exploitationTypesAnyOf;
  if (anyOf && !operation.exploitationTypes.some((type) => anyOf.includes(type))) {
    return `${agency(kind)} can ${only(role)} days of action ${including(anyOf)}`;
  }
  return undefined;
}

/** Why the CPS never supplies teams (R2), in words. */
export const CPS_TAKES_PART = 'The CPS takes part through early involvement only, never as the lead or with teams';

/** Whether an agency of `kind` may take `role` in `operation` under `rules`, and why, in words (the rule's id is `rule`). */
export function decide(role: PolicyRole, kind: AgencyKind, operation: OperationFacts, rules: RuleData[]): Verdict {
  const rule = rules.find((candidate) => candidate.role === role && candidate.agencyKind === kind);
  const reason = refusal(role, kind, operation, rule, rules);
  const code = ROLE_RULE[role];
  if (reason) return { permitted: false, rule: code, reason };
  return { permitted: true, rule: code, reason: `${agency(kind)} can ${acting(role)} this day of action` };
}

export const mayLead = (kind: AgencyKind, operation: OperationFacts, rules: RuleData[]) => decide('LEAD', kind, operation, rules);

export const maySupport = (kind: AgencyKind, operation: OperationFacts, rules: RuleData[]) => decide('SUPPORT', kind, operation, rules);

/** A rule in words, e.g. "The Gangmasters and Labour Abuse Authority can lead local, regional or national days of action against labour exploitation alone". */
export function describeRule(rule: RuleData): string {
  const verb = acting(rule.role);
  if (!rule.permitted)
    return rule.role === 'SUPPORT' && rule.agencyKind === 'CPS'
      ? CPS_TAKES_PART
      : `${agency(rule.agencyKind)} cannot ${verb} a day of action`;
  const scope = rule.allowedScopes ? `${either(scopes(rule.allowedScopes))} ` : '';
  const conditions = [
    rule.exploitationTypesWithin && keepingTo(rule.exploitationTypesWithin),
    rule.exploitationTypesAnyOf && including(rule.exploitationTypesAnyOf),
  ].filter(Boolean);
  const suffix = conditions.length ? ` ${conditions.join(' and ')}` : '';
  if (!scope && !suffix) return `${agency(rule.agencyKind)} can ${verb} any day of action`;
  return `${agency(rule.agencyKind)} can ${verb} ${scope}days of action${suffix}`;
}
