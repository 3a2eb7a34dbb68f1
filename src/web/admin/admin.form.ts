import type { PolicyRuleView } from '../../lead-policy/dto/policy-rule.dto';
import { formList, formText } from '../forms';
import type { FieldError } from '../page';

/** A reference-data form's values as typed, drawn back into the form after a refusal. */
export type Values = Record<string, string | string[]>;

/** The agency form: codes are kept in capitals. */
export function agencyForm(form: unknown) {
  const values = {
    id: formText(form, 'id'),
    code: formText(form, 'code').trim().toUpperCase(),
    name: formText(form, 'name'),
    kind: formText(form, 'kind'),
  };
  return { values, body: { code: values.code, name: values.name, kind: values.kind } };
}

/** The user form, and whether a changed user is to be given a new one-time password (`newPassword`: a forgotten one). */
export function userForm(form: unknown) {
  const values = {
    id: formText(form, 'id'),
    email: formText(form, 'email').trim(),
    name: formText(form, 'name'),
    agencyId: formText(form, 'agencyId'),
    roles: formList(form, 'roles'),
    active: formText(form, 'active'),
  };
  return { values, reset: values.id !== '' && formText(form, 'newPassword') === 'yes' };
}

export type UserValues = ReturnType<typeof userForm>['values'];

/** The API's body changing a user: active unless the form says not. */
export function userChanges(values: UserValues): Record<string, unknown> {
  return { name: values.name, agencyId: values.agencyId, roles: values.roles, active: values.active !== 'false' };
}

/** The API's body adding a user, with their initial password. */
export function newUser(values: UserValues, password: string): Record<string, unknown> {
  return { email: values.email, name: values.name, agencyId: values.agencyId, roles: values.roles, password };
}

/** The team form; a capacity that is a number is sent as one, anything else as typed for the API to refuse. */
export function teamForm(form: unknown) {
  const values = {
    id: formText(form, 'id'),
    agencyId: formText(form, 'agencyId'),
    name: formText(form, 'name'),
    capabilities: formList(form, 'capabilities'),
    capacity: formText(form, 'capacity').trim(),
  };
  const capacity = /^\d{1,6}$/.test(values.capacity) ? Number(values.capacity) : values.capacity;
  return { values, body: { name: values.name, capabilities: values.capabilities, capacity } };
}

/** The form changing the powers of one kind of agency. */
export function powersForm(form: unknown): { powers: string[]; reason: string } {
  return { powers: formList(form, 'powers'), reason: formText(form, 'reason') };
}

/** The form changing one rule of the lead and support policy (`rule` is its agency kind and role), with the reason. */
export function policyForm(form: unknown) {
  return {
    rule: formText(form, 'rule'),
    permitted: formText(form, 'permitted'),
    allowedScopes: formList(form, 'allowedScopes'),
    exploitationTypesWithin: formList(form, 'exploitationTypesWithin'),
    exploitationTypesAnyOf: formList(form, 'exploitationTypesAnyOf'),
    reason: formText(form, 'reason'),
  };
}

export type PolicyValues = ReturnType<typeof policyForm>;

/** The whole policy with the one rule changed, the others kept, as the API replaces it (an empty list is no limit). */
export function policyWithChange(rules: PolicyRuleView[], values: PolicyValues) {
  const [agencyKind, role] = values.rule.split(':');
  const orNull = (list: string[]) => (list.length ? list : null);
  const changed = {
    agencyKind,
    role,
    permitted: values.permitted === 'true',
    allowedScopes: orNull(values.allowedScopes),
    exploitationTypesWithin: orNull(values.exploitationTypesWithin),
    exploitationTypesAnyOf: orNull(values.exploitationTypesAnyOf),
  };
  return rules.map(({ description: _words, ...rule }) => (rule.agencyKind === agencyKind && rule.role === role ? changed : rule));
}

/** A refusal of the policy, on the one rule's form: `rules.3.allowedScopes` is its `allowedScopes`, the rule as a whole its `permitted`. */
export function policyFormErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: error.field === 'reason' ? 'reason' : error.field.replace(/^rules\.\d+\.?/, '') || 'permitted',
  }));
}
