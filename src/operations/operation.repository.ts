import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import type { PlanSection } from '../common/domain';
import { agencyJson, isoUtc } from '../database/json';
import { first, query } from '../database/query';
import { identifier, join, named, sql, Sql } from '../database/sql';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { StoredLocationView } from './dto/operation.dto';
import type { LocationToStore } from './plan-edits';
import { OPERATION_COLUMNS, OperationChanges, OperationColumn, OperationRow, SUMMARY_COLUMNS, SummaryColumns } from './operation-row';
import { newestVisible, sees, visibleTo } from './visibility.sql';

/** A row of a list page: the operation, its lead, and its creation time as a UTC keyset. */
export type SummaryRow = SummaryColumns & { leadAgency: AgencyView | null; cursorAt: string };

/** What a new operation is made of. */
export interface NewOperation {
  reference: string;
  name: string;
  exploitationTypes: string[];
  scope: string;
  startsAt: Date;
  endsAt: Date;
  briefing: Record<string, string>;
  expectedPotentialVictims: number;
  languages: string[];
  receptionCentre: string | null;
  /** The operational order's columns, as `OperationChanges` names them. */
  order: OperationChanges;
  createdBy: string;
  createdByAgencyId: string;
}

const CURSOR_AT = sql`to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Operations and their locations. Hand-written SQL throughout: every read carries the
 * visibility fragment (R14), and an update is conditional on the version the client saw (R10),
 * which TypeORM's save() would not put in its WHERE.
 */
@Injectable()
export class OperationRepository {
  /** The visible operation, locked for the rest of the transaction; undefined when the viewer may not see it. */
  lockVisible(manager: EntityManager, viewer: AuthUser, id: string): Promise<OperationRow | undefined> {
    return first(manager, sql`SELECT ${OPERATION_COLUMNS} FROM operations o WHERE o.id = ${id} AND ${visibleTo(viewer)} FOR UPDATE`);
  }

  /** Just enough of a visible operation to answer for it. */
  summary(manager: EntityManager, viewer: AuthUser, id: string): Promise<{ id: string; reference: string; version: number } | undefined> {
    return first(manager, named(sql`SELECT o.id, o.reference, o.version FROM operations o WHERE o.id = ${id} AND ${visibleTo(viewer)}`));
  }

  /** A visible operation and whether the viewer sees one of its sections (R14a); undefined when they may not see it at all. */
  section(
    manager: EntityManager,
    viewer: AuthUser,
    id: string,
    section: PlanSection,
  ): Promise<{ id: string; reference: string; version: number; owner: string; sees: boolean } | undefined> {
    return first(
      manager,
      named(sql`SELECT o.id, o.reference, o.version, COALESCE(la.name, ca.name) AS owner, ${sees(viewer, section)} AS sees
                  FROM operations o JOIN agencies ca ON ca.id = o.created_by_agency_id LEFT JOIN agencies la ON la.id = o.lead_agency_id
                 WHERE o.id = ${id} AND ${visibleTo(viewer)}`),
    );
  }

  /** OP-<year>-<number>: a counter row per year, incremented under its row lock, so concurrent creations never collide. */
  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ number }] = await query<{ number: number }>(
      manager,
      sql`INSERT INTO operation_reference_counters (year, last_number) VALUES (${year}, 1)
          ON CONFLICT (year) DO UPDATE SET last_number = operation_reference_counters.last_number + 1
          RETURNING last_number AS number`,
    );
    return `OP-${year}-${String(number).padStart(4, '0')}`;
  }

  async insert(manager: EntityManager, operation: NewOperation): Promise<OperationRow> {
    const order = Object.entries(operation.order) as [OperationColumn, unknown][];
    const [row] = await query<OperationRow>(
      manager,
      sql`INSERT INTO operations AS o (reference, name, exploitation_types, scope, starts_at, ends_at, briefing,
            expected_potential_victims, safeguarding_languages, reception_centre, created_by, created_by_agency_id, updated_by
            ${join(
              order.map(([column]) => sql`, ${identifier(column)}`),
              '',
            )})
          VALUES (${operation.reference}, ${operation.name}, ${operation.exploitationTypes}, ${operation.scope}, ${operation.startsAt},
                  ${operation.endsAt}, ${JSON.stringify(operation.briefing)}, ${operation.expectedPotentialVictims}, ${operation.languages},
                  ${operation.receptionCentre}, ${operation.createdBy}, ${operation.createdByAgencyId}, ${operation.createdBy}
                  ${join(
                    order.map(([, value]) => sql`, ${value}`),
                    '',
                  )})
          RETURNING ${OPERATION_COLUMNS}`,
    );
    return row;
  }

  /** Applies `changes` and bumps the version, only if the version is still `version`; undefined when someone got there first. */
  update(manager: EntityManager, id: string, version: number, changes: OperationChanges): Promise<OperationRow | undefined> {
    const sets = (Object.entries(changes) as [OperationColumn, unknown][]).map(([column, value]) => sql`${identifier(column)} = ${value}`);
    sets.push(sql`version = version + 1`, sql`updated_at = now()`);
    return first(
      manager,
      sql`UPDATE operations o SET ${join(sets, ', ')} WHERE o.id = ${id} AND o.version = ${version} RETURNING ${OPERATION_COLUMNS}`,
    );
  }

  /** The plan's locations, each with its strike time and entry basis, instants as ISO 8601 in UTC. */
  locations(manager: EntityManager, operationId: string): Promise<StoredLocationView[]> {
    return query(
      manager,
      named(sql`SELECT id, label, address, postcode, ${isoUtc('strike_at')} AS "strikeAt",
                       CASE WHEN entry_basis IS NULL THEN NULL ELSE json_build_object(
                         'basis', entry_basis,
                         'warrant', CASE WHEN entry_basis = 'WARRANT' THEN json_build_object(
                           'type', warrant_type, 'court', warrant_court, 'reference', warrant_reference, 'expiresAt', ${isoUtc('warrant_expires_at')}) END,
                         'power', statutory_power) END AS entry, site_commander AS "siteCommander"
                  FROM operation_locations WHERE operation_id = ${operationId} ORDER BY position`),
    );
  }

  /**
   * Makes the plan's locations these, in this order. A location with an id keeps its row (and so the
   * teams allocated there); the plan's other locations are deleted, and their allocations with them.
   * Positions are unique per plan at the end of the statement (uq_operation_locations_position), so the
   * kept rows may swap places in one write.
   */
  async replaceLocations(manager: EntityManager, operationId: string, locations: LocationToStore[]): Promise<void> {
    const kept = locations.flatMap((l) => (l.id ? [l.id] : []));
    await query(manager, sql`DELETE FROM operation_locations WHERE operation_id = ${operationId} AND id <> ALL (${kept}::uuid[])`);
    if (locations.length === 0) return;
    const column = <T>(of: (location: LocationToStore) => T) => locations.map(of);
    const stored = sql`position, label, address, postcode, strike_at, entry_basis, warrant_type, warrant_court, warrant_reference,
                       warrant_expires_at, statutory_power, site_commander`;
    await query(
      manager,
      sql`INSERT INTO operation_locations (id, operation_id, ${stored})
          SELECT COALESCE(id, gen_random_uuid()), ${operationId}, ${stored}
            FROM unnest(${column((l) => l.id ?? null)}::uuid[], ${column((l) => l.label)}::text[], ${column((l) => l.address)}::text[],
                        ${column((l) => l.postcode)}::text[],
                        ${column((l) => l.strikeAt)}::timestamptz[], ${column((l) => l.entry?.basis ?? null)}::text[],
                        ${column((l) => l.entry?.warrant?.type ?? null)}::text[], ${column((l) => l.entry?.warrant?.court ?? null)}::text[],
                        ${column((l) => l.entry?.warrant?.reference ?? null)}::text[], ${column((l) => l.entry?.warrant?.expiresAt ?? null)}::timestamptz[],
                        ${column((l) => l.entry?.power ?? null)}::text[],
                        ${column((l) => (l.siteCommander ? JSON.stringify(l.siteCommander) : null))}::jsonb[])
                 WITH ORDINALITY AS l(id, label, address, postcode, strike_at, entry_basis, warrant_type, warrant_court, warrant_reference,
                                      warrant_expires_at, statutory_power, site_commander, position)
              ON CONFLICT (id) DO UPDATE SET (${stored}) = (EXCLUDED.position, EXCLUDED.label, EXCLUDED.address, EXCLUDED.postcode,
                EXCLUDED.strike_at, EXCLUDED.entry_basis, EXCLUDED.warrant_type, EXCLUDED.warrant_court, EXCLUDED.warrant_reference,
                EXCLUDED.warrant_expires_at, EXCLUDED.statutory_power, EXCLUDED.site_commander)`,
    );
  }

  /** A page of the operations the viewer may see, newest first, read through one index per way of seeing a plan. */
  listPage(
    manager: EntityManager,
    viewer: AuthUser,
    page: { filters: Sql[]; before?: { at: string; id: string }; limit: number },
  ): Promise<SummaryRow[]> {
    return query(
      manager,
      sql`WITH page AS (SELECT id FROM (${newestVisible(viewer, page)}) c ORDER BY created_at DESC, id DESC LIMIT ${page.limit})
          SELECT ${SUMMARY_COLUMNS}, ${CURSOR_AT} AS "cursorAt", ${agencyJson('la')} AS "leadAgency"
            FROM page JOIN operations o ON o.id = page.id LEFT JOIN agencies la ON la.id = o.lead_agency_id
           WHERE ${visibleTo(viewer)}
           ORDER BY o.created_at DESC, o.id DESC`,
    );
  }

  /** The filters of a list page, each a condition on `o` carrying its own parameter; static, as it only builds SQL (the export reads them too). */
  static listFilters(query: { status?: string; from?: string; to?: string; q?: string }): Sql[] {
    const filters: Sql[] = [];
    if (query.status) filters.push(sql`o.status = ${query.status}`);
    if (query.from) filters.push(sql`o.ends_at >= ${query.from}`);
    if (query.to) filters.push(sql`o.starts_at <= ${query.to}`);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      filters.push(sql`(o.name ILIKE ${pattern} OR o.reference ILIKE ${pattern})`);
    }
    return filters;
  }
}
