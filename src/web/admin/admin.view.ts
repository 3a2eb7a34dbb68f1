import type { ReferenceEventPage, VerifyView } from '../../audit/dto/audit.dto';
import { AGENCY_KINDS, AgencyKind } from '../../common/domain';
import { label } from '../../common/labels';
import type { PolicyRuleView } from '../../lead-policy/dto/policy-rule.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import type { TeamView } from '../../reference-data/dto/team.dto';
import type { UserView } from '../../reference-data/dto/user.dto';
import { historyEntries } from '../history-view';
import type { Values } from './admin.form';
import { readableReferenceEntry } from './powers-audit';

/** The agency form filled with the agency to change, or empty to add one. */
export function agencyValuesOf(editing: AgencyView | undefined): Values {
  return editing ? { id: editing.id, code: editing.code, name: editing.name, kind: editing.kind } : {};
}

/** The user form filled with the user to change, or empty to add one. */
export function userValuesOf(editing: UserView | undefined): Values {
  return editing
    ? {
        id: editing.id,
        email: editing.email,
        name: editing.name,
        agencyId: editing.agency.id,
        roles: editing.roles,
        active: String(editing.active),
      }
    : { roles: [] };
}

/** The page showing, once, the one-time password of a user just added, or just given a new one. */
export function passwordShownView(created: UserView, password: string, reset: boolean) {
  return reset
    ? { pageTitle: 'New one-time password', section: 'admin', created, password, reset: true }
    : { pageTitle: 'User added', section: 'admin', created, password };
}

/** The team form filled with the team to change, or empty to add one. */
export function teamValuesOf(editing: TeamView | undefined): Values {
  return editing
    ? {
        id: editing.id,
        agencyId: editing.agencyId,
        name: editing.name,
        capabilities: editing.capabilities,
        capacity: String(editing.capacity),
      }
    : { capabilities: [] };
}

/** The policy form filled with the rule to change (`change` names its agency kind and role), or none. */
export function policyValuesOf(rules: PolicyRuleView[], change: string | undefined): Values | undefined {
  const editing = rules.find((rule) => `${rule.agencyKind}:${rule.role}` === change);
  return editing
    ? {
        rule: change!,
        permitted: String(editing.permitted),
        allowedScopes: editing.allowedScopes ?? [],
        exploitationTypesWithin: editing.exploitationTypesWithin ?? [],
        exploitationTypesAnyOf: editing.exploitationTypesAnyOf ?? [],
      }
    : undefined;
}

/** The address's cursor, when it is one (an older page of the history), for the API's query. */
export function auditQuery(cursor: string | undefined): Record<string, unknown> {
  return { limit: 50, ...(cursor && /^\d{1,10}$/.test(cursor) ? { cursor } : {}) };
}

/** A page of the reference-data history as people read it, the check of the audit chains if asked for, and the link to older changes. */
export function auditView(page: ReferenceEventPage, verified: VerifyView | undefined, cursor: string | undefined) {
  const entries = historyEntries(page.items);
  return {
    pageTitle: cursor ? 'Audit (older changes)' : 'Audit',
    section: 'admin',
    entries: entries.map((entry, index) => ({ ...readableReferenceEntry(entry, page.items[index]), entity: page.items[index].entity })),
    verified,
    nextHref: page.nextCursor ? `/admin/audit?cursor=${page.nextCursor}` : undefined,
  };
}

/** The banner of the powers list after a kind's powers changed (`?changed=<kind>`), or none. */
export function powersBanner(changed: string | undefined): string | undefined {
  return (AGENCY_KINDS as readonly string[]).includes(changed ?? '')
    ? `Powers of ${label('agencyKind', changed as AgencyKind)} changed`
    : undefined;
}
