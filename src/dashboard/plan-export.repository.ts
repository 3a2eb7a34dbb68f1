import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import type { Classification, ExploitationType, OperationStatus, Scope } from '../common/domain';
import { query } from '../database/query';
import { sql } from '../database/sql';
import { OperationRepository } from '../operations/operation.repository';
import { newestVisible, visibleTo } from '../operations/visibility.sql';

export interface PlanExportRow {
  reference: string;
  name: string;
  status: OperationStatus;
  leadAgency: string | null;
  startsAt: Date;
  endsAt: Date;
  exploitationTypes: ExploitationType[];
  scope: Scope;
  classification: Classification;
  handlingInstruction: string | null;
}

/** The plan list as a download: the same filters and order as /plans, every matching plan the viewer may see (R14) up to `limit`. */
@Injectable()
export class PlanExportRepository {
  plans(
    manager: EntityManager,
    viewer: AuthUser,
    filters: { status?: string; from?: string; to?: string; q?: string },
    limit: number,
  ): Promise<PlanExportRow[]> {
    const page = { filters: OperationRepository.listFilters(filters), limit };
    return query(
      manager,
      sql`WITH page AS (SELECT id FROM (${newestVisible(viewer, page)}) c ORDER BY created_at DESC, id DESC LIMIT ${limit})
          SELECT o.reference, o.name, o.status, la.name AS "leadAgency", o.starts_at AS "startsAt", o.ends_at AS "endsAt",
                 o.exploitation_types AS "exploitationTypes", o.scope, o.classification, o.handling_instruction AS "handlingInstruction"
            FROM page JOIN operations o ON o.id = page.id LEFT JOIN agencies la ON la.id = o.lead_agency_id
           WHERE ${visibleTo(viewer)}
           ORDER BY o.created_at DESC, o.id DESC`,
    );
  }
}
