import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LogKind, PremisesStatus } from '../common/domain';
import { COMPLETED_RELEASE, STOOD_DOWN_RELEASE } from '../common/release-reasons';
import { agencyJson, isoUtc, personJson } from '../database/json';
import { first, query } from '../database/query';
import { sql } from '../database/sql';
import { holds, sees, visibleTo } from '../operations/visibility.sql';
import type { AuthUser } from '../common/auth/auth-user';
import type { AgencyView } from '../reference-data/dto/agency.dto';

/** An entry of the day's log as its reader may see it: the place only for a reader who sees Places. */
export interface LogEntryRow {
  id: string;
  kind: LogKind;
  section: 'CORE' | 'INTELLIGENCE';
  location: { id: string; label: string } | null;
  status: PremisesStatus | null;
  happenedAt: string;
  recordedAt: string;
  author: { id: string; name: string; email: string };
  agency: AgencyView;
  correctsId: string | null;
  details: Record<string, unknown>;
}

export interface NewLogEntry {
  operationId: string;
  kind: LogKind;
  section: 'CORE' | 'INTELLIGENCE';
  locationId: string | null;
  status: PremisesStatus | null;
  happenedAt: Date;
  authorId: string;
  authorAgencyId: string;
  correctsId: string | null;
  details: Record<string, unknown>;
}

/**
 * Where a reader's agency stands on the plan: whether it holds it, has a confirmed team on it, and the places its
 * confirmed teams are allocated to; and whether the log is open (the same rule as the database's insert check).
 */
export interface PlanStanding {
  holds: boolean;
  confirmed: boolean;
  places: string[];
  open: boolean;
}

/**
 * A team (alias d) that is on the day: confirmed, or confirmed and then released only because the plan ended, so
 * its agency still records and corrects its part in the 72 hours after.
 */
const ON_THE_DAY = sql`(d.status = 'CONFIRMED' OR (d.status = 'RELEASED' AND d.responded_at IS NOT NULL
                        AND d.release_reason IN (${COMPLETED_RELEASE}, ${STOOD_DOWN_RELEASE})))`;

/** The entry an entry corrects: what it must match (its kind and place), whose it is, and its section. */
export interface CorrectedEntry {
  kind: LogKind;
  locationId: string | null;
  section: 'CORE' | 'INTELLIGENCE';
  authorAgencyId: string;
}

/** The day's log: appended to, never changed (the database refuses UPDATE and DELETE), read as each reader may see it. */
@Injectable()
export class DayLogRepository {
  async standing(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<PlanStanding> {
    const row = await first<PlanStanding>(
      manager,
      sql`SELECT ${holds(viewer)} AS holds,
                 EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = o.id AND d.team_agency_id = ${viewer.agencyId}
                            AND ${ON_THE_DAY}) AS confirmed,
                 ARRAY(SELECT DISTINCT dl.location_id::text FROM deployments d JOIN deployment_locations dl ON dl.deployment_id = d.id
                        WHERE d.operation_id = o.id AND d.team_agency_id = ${viewer.agencyId} AND ${ON_THE_DAY}) AS places,
                 (o.status = 'ACTIVE' OR (o.status IN ('COMPLETED', 'STOOD_DOWN') AND o.ended_at > now() - interval '72 hours')) AS open
            FROM operations o WHERE o.id = ${operationId}`,
    );
    return row ?? { holds: false, confirmed: false, places: [], open: false };
  }

  /** The place's latest status, with the place locked so that two moves of it are made one after the other. */
  async lockedStatus(manager: EntityManager, operationId: string, locationId: string): Promise<PremisesStatus | null | undefined> {
    const place = await first<{ status: PremisesStatus | null }>(
      manager,
      sql`SELECT (SELECT e.status FROM day_log_entries e WHERE e.operation_id = l.operation_id AND e.location_id = l.id AND e.kind = 'STATUS'
                   ORDER BY e.happened_at DESC, e.id DESC LIMIT 1) AS status
            FROM operation_locations l WHERE l.id = ${locationId} AND l.operation_id = ${operationId} FOR UPDATE OF l`,
    );
    return place ? place.status : undefined;
  }

  /**
   * Makes the plan's entries take their ids one transaction after another, so that ids follow the order entries are
   * committed in: a follower reading "after the last id it was sent" can then never pass over an entry committed late.
   */
  async lockPlan(manager: EntityManager, operationId: string): Promise<void> {
    await query(manager, sql`SELECT pg_advisory_xact_lock(29, hashtext(${operationId}::text))`);
  }

  /** The plan's entry of this id, as a correction must match it; undefined when the plan has no such entry. */
  corrected(manager: EntityManager, operationId: string, id: string): Promise<CorrectedEntry | undefined> {
    return first(
      manager,
      sql`SELECT kind, location_id AS "locationId", section, author_agency_id AS "authorAgencyId"
            FROM day_log_entries WHERE id = ${id}::bigint AND operation_id = ${operationId}`,
    );
  }

  async insert(manager: EntityManager, entry: NewLogEntry): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO day_log_entries (operation_id, kind, section, location_id, location_label, status, happened_at, author_id,
                                       author_agency_id, corrects_id, details)
          VALUES (${entry.operationId}, ${entry.kind}, ${entry.section}, ${entry.locationId},
                  (SELECT label FROM operation_locations WHERE id = ${entry.locationId}), ${entry.status}, ${entry.happenedAt},
                  ${entry.authorId}, ${entry.authorAgencyId}, ${entry.correctsId}, ${JSON.stringify(entry.details)})
          RETURNING id::text`,
    );
    return id;
  }

  /**
   * The plan's entries the viewer may see (R14a: a decision marked Intelligence only for those who see it; the
   * place only for those who see Places), in the order they were recorded, after `afterId` when given.
   */
  list(manager: EntityManager, viewer: AuthUser, operationId: string, afterId?: string): Promise<LogEntryRow[]> {
    return query(
      manager,
      sql`SELECT e.id::text, e.kind, e.section, e.status, ${isoUtc('e.happened_at')} AS "happenedAt", ${isoUtc('e.recorded_at')} AS "recordedAt",
                 CASE WHEN e.location_id IS NOT NULL AND ${sees(viewer, 'PLACES')}
                      THEN jsonb_build_object('id', e.location_id, 'label', e.location_label) END AS location,
                 ${personJson('u')} AS author, ${agencyJson('a')} AS agency, e.corrects_id::text AS "correctsId",
                 -- A situation report's exact location is the address, as good as the premises' name: Places only.
                 CASE WHEN ${sees(viewer, 'PLACES')} THEN e.details ELSE e.details - 'exactLocation' END AS details
            FROM day_log_entries e
            JOIN operations o ON o.id = e.operation_id
            JOIN users u ON u.id = e.author_id
            JOIN agencies a ON a.id = e.author_agency_id
           WHERE e.operation_id = ${operationId} AND ${visibleTo(viewer)}
             AND (e.section = 'CORE' OR ${sees(viewer, 'INTELLIGENCE')})
             AND e.id > ${afterId ?? '0'}::bigint
           ORDER BY e.id`,
    );
  }
}
