import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { query } from '../database/query';
import { named, sql } from '../database/sql';
import type { RuleData } from './policy';
import { PolicyRule } from './policy-rule.entity';

/** The lead policy's rules (policy_rules): one per agency kind and role. */
@Injectable()
export class PolicyRepository {
  /** The rules the decisions read: a named statement, as readiness reads them on every plan page. */
  rules(manager: EntityManager): Promise<RuleData[]> {
    return query(
      manager,
      named(sql`SELECT agency_kind AS "agencyKind", role, permitted, allowed_scopes AS "allowedScopes",
                       exploitation_types_within AS "exploitationTypesWithin", exploitation_types_any_of AS "exploitationTypesAnyOf"
                  FROM policy_rules`),
    );
  }

  /** Every rule as stored, to be replaced in the caller's transaction. */
  stored(manager: EntityManager): Promise<PolicyRule[]> {
    return manager.getRepository(PolicyRule).find();
  }

  async remove(manager: EntityManager, rules: PolicyRule[]): Promise<void> {
    await manager.getRepository(PolicyRule).remove(rules);
  }

  /** Writes the rule of its agency kind and role: a new row, or the one there changed in place. */
  async upsert(manager: EntityManager, rule: QueryDeepPartialEntity<PolicyRule>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PolicyRule)
      .values(rule)
      .orUpdate(
        ['permitted', 'allowed_scopes', 'exploitation_types_within', 'exploitation_types_any_of', 'updated_by', 'updated_at'],
        ['agency_kind', 'role'],
      )
      .execute();
  }
}
