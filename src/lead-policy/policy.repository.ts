import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query } from '../database/query';
import { named, sql } from '../database/sql';
import type { RuleData } from './policy';

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
}
