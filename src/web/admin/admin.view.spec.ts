import type { PolicyRuleView } from '../../lead-policy/dto/policy-rule.dto';
import type { UserView } from '../../reference-data/dto/user.dto';
import { policyForm, policyFormErrors, policyWithChange, teamForm, userForm } from './admin.form';
import { auditQuery, passwordShownView, policyValuesOf, powersBanner, userValuesOf } from './admin.view';

const RULES = [
  {
    agencyKind: 'POLICE',
    role: 'LEAD',
    permitted: true,
    allowedScopes: null,
    exploitationTypesWithin: null,
    exploitationTypesAnyOf: null,
    description: 'Police may lead',
  },
  {
    agencyKind: 'GLAA',
    role: 'LEAD',
    permitted: true,
    allowedScopes: ['LOCAL'],
    exploitationTypesWithin: ['LABOUR'],
    exploitationTypesAnyOf: null,
    description: 'GLAA may lead labour',
  },
] as PolicyRuleView[];

const USER = {
  id: 'u1',
  email: 'a@example.org',
  name: 'Ann',
  roles: ['COORDINATOR'],
  active: false,
  agency: { id: 'a1' },
} as unknown as UserView;

describe('the admin pages’ views', () => {
  it('fills the user form with the user to change, or leaves it empty', () => {
    expect(userValuesOf(USER)).toEqual({
      id: 'u1',
      email: 'a@example.org',
      name: 'Ann',
      agencyId: 'a1',
      roles: ['COORDINATOR'],
      active: 'false',
    });
    expect(userValuesOf(undefined)).toEqual({ roles: [] });
  });

  it('titles the one-time password page by whether the user is new or was given a new password', () => {
    expect(passwordShownView(USER, 'secret', false)).toEqual({
      pageTitle: 'User added',
      section: 'admin',
      created: USER,
      password: 'secret',
    });
    expect(passwordShownView(USER, 'secret', true)).toMatchObject({ pageTitle: 'New one-time password', reset: true });
  });

  it('fills the policy form with the rule named, its empty limits as empty lists', () => {
    expect(policyValuesOf(RULES, 'POLICE:LEAD')).toEqual({
      rule: 'POLICE:LEAD',
      permitted: 'true',
      allowedScopes: [],
      exploitationTypesWithin: [],
      exploitationTypesAnyOf: [],
    });
    expect(policyValuesOf(RULES, 'CPS:SUPPORT')).toBeUndefined();
  });

  it('asks for an older page of the history only with a cursor that is a number', () => {
    expect(auditQuery('120')).toEqual({ limit: 50, cursor: '120' });
    expect(auditQuery('drop table')).toEqual({ limit: 50 });
    expect(auditQuery(undefined)).toEqual({ limit: 50 });
  });

  it('names the kind of agency whose powers changed, and nothing for an unknown kind', () => {
    expect(powersBanner('POLICE')).toBe('Powers of Police changed');
    expect(powersBanner('NOPE')).toBeUndefined();
    expect(powersBanner(undefined)).toBeUndefined();
  });
});

describe('the admin pages’ forms', () => {
  it('changes one rule of the policy and keeps the others, without their descriptions', () => {
    const values = policyForm({
      rule: 'GLAA:LEAD',
      permitted: 'false',
      allowedScopes: [],
      exploitationTypesWithin: 'SEXUAL',
      reason: 'Review',
    });
    const rules = policyWithChange(RULES, values);
    expect(rules[0]).toEqual({
      agencyKind: 'POLICE',
      role: 'LEAD',
      permitted: true,
      allowedScopes: null,
      exploitationTypesWithin: null,
      exploitationTypesAnyOf: null,
    });
    expect(rules[1]).toEqual({
      agencyKind: 'GLAA',
      role: 'LEAD',
      permitted: false,
      allowedScopes: null,
      exploitationTypesWithin: ['SEXUAL'],
      exploitationTypesAnyOf: null,
    });
  });

  it('puts a refusal of the policy on the one rule’s fields', () => {
    const errors = policyFormErrors([
      { field: 'reason', text: 'Enter a reason' },
      { field: 'rules.1.allowedScopes', text: 'Choose a scope' },
      { field: 'rules.1', text: 'The rule is wrong' },
    ]);
    expect(errors.map((error) => error.field)).toEqual(['reason', 'allowedScopes', 'permitted']);
  });

  it('gives a changed user a new one-time password only when asked, and never a new user', () => {
    expect(userForm({ id: 'u1', newPassword: 'yes' }).reset).toBe(true);
    expect(userForm({ id: 'u1' }).reset).toBe(false);
    expect(userForm({ id: '', newPassword: 'yes' }).reset).toBe(false);
  });

  it('sends a team’s capacity as a number when it is one, else as typed for the API to refuse', () => {
    expect(teamForm({ capacity: ' 12 ' }).body.capacity).toBe(12);
    expect(teamForm({ capacity: 'twelve' }).body.capacity).toBe('twelve');
  });
});
