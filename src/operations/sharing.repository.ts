import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyKind, GRANTABLE_SECTIONS, GrantableSection } from '../common/domain';
import { first, query } from '../database/query';
import { constants, sql } from '../database/sql';

/** An agency as sharing needs it: who it is, and where it stands on the plan. */
export interface SharingStanding {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  /** It has a team on the plan that is asked for or agreed. */
  onPlan: boolean;
  granted: GrantableSection[];
}

/** The sections owners grant partner agencies beyond their default (R14b). */
@Injectable()
export class SharingRepository {
  standing(manager: EntityManager, operationId: string, agencyId: string): Promise<SharingStanding | undefined> {
    return first(
      manager,
      sql`SELECT a.id, a.code, a.name, a.kind,
                 EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = ${operationId} AND d.team_agency_id = a.id
                           AND d.status IN ('REQUESTED', 'CONFIRMED')) AS "onPlan",
                 ARRAY(SELECT g.section FROM plan_section_grants g WHERE g.operation_id = ${operationId} AND g.agency_id = a.id
                        ORDER BY array_position(ARRAY[${constants(GRANTABLE_SECTIONS)}], g.section)) AS granted
            FROM agencies a WHERE a.id = ${agencyId}`,
    );
  }

  /** The agency's grants become `sections`, each with this reason. */
  async replace(
    manager: EntityManager,
    grant: { operationId: string; agencyId: string; sections: GrantableSection[]; reason: string; by: string },
  ): Promise<void> {
    await query(manager, sql`DELETE FROM plan_section_grants WHERE operation_id = ${grant.operationId} AND agency_id = ${grant.agencyId}`);
    if (grant.sections.length === 0) return;
    await query(
      manager,
      sql`INSERT INTO plan_section_grants (operation_id, agency_id, section, reason, granted_by)
          SELECT ${grant.operationId}, ${grant.agencyId}, section, ${grant.reason}, ${grant.by} FROM unnest(${grant.sections}::text[]) AS section`,
    );
  }
}
