import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { ACTIVE_DEPLOYMENT_STATUSES, AgencyKind, Classification, DeploymentStatus, Power } from '../common/domain';
import { first, query } from '../database/query';
import { constants, sql, Sql } from '../database/sql';
import { ENDED, ownRecord, visibleTo } from '../operations/visibility.sql';

const ACTIVE = constants(ACTIVE_DEPLOYMENT_STATUSES);

export interface DeploymentPlan {
  operationId: string;
  reference: string;
  name: string;
  classification: Classification;
  handlingInstruction: string | null;
  planVisible: boolean;
}

export interface TeamRow {
  id: string;
  name: string;
  capacity: number;
  agencyId: string;
  agencyCode: string;
  agencyKind: AgencyKind;
}

export interface LockedDeployment {
  id: string;
  version: number;
  teamId: string;
  teamAgencyId: string;
  teamName: string;
  agencyCode: string;
  status: DeploymentStatus;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  teamCapacity: number;
  agencyKind: AgencyKind;
  tasking: string;
  powers: Power[];
  rvPointId: string | null;
  callSign: string | null;
  locationIds: string[];
}

/** A deployment's part in the operational order. */
export interface DeploymentOrder {
  tasking: string;
  powers: Power[];
  rvPointId: string | null;
  callSign: string | null;
  /** The plan's locations it is allocated to, in id order. */
  locationIds: string[];
}

export interface Window {
  startsAt: Date;
  endsAt: Date;
}

/** A confirmed booking of a team in a window, on another operation, and whether the caller may see that operation. */
export interface Clash {
  teamName: string;
  reference: string;
  startsAt: Date;
  endsAt: Date;
  visible: boolean;
}

/** Who answers requests for an agency's teams: its coordinators, its managers while it has none, or nobody (it has neither). */
export type Answerer = 'COORDINATOR' | 'MANAGER' | 'NOBODY';

/**
 * R7: whether the agency (an SQL expression for its id) has no active user with the coordinator's
 * role, so that its managers answer requests for its teams instead.
 */
export function hasNoCoordinator(agencyId: Sql): Sql {
  return sql`NOT EXISTS (SELECT 1 FROM users au WHERE au.agency_id = ${agencyId} AND au.active AND 'COORDINATOR' = ANY (au.roles))`;
}

/**
 * Deployments: only this module writes them. Hand-written SQL: status changes are conditional
 * on the status read under the row lock, and R5's exclusion constraint is what refuses a double
 * booking, which the clash query then explains to the caller as far as they may see (R14).
 */
@Injectable()
export class DeploymentRepository {
  async team(manager: EntityManager, teamId: string): Promise<TeamRow | undefined> {
    return first(
      manager,
      sql`SELECT t.id, t.name, t.capacity, t.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind"
            FROM teams t JOIN agencies a ON a.id = t.agency_id WHERE t.id = ${teamId} FOR SHARE OF t`,
    );
  }

  async insert(
    manager: EntityManager,
    deployment: {
      operationId: string;
      team: TeamRow;
      headcount: number;
      order: DeploymentOrder;
      window: Window;
      followsOperationWindow: boolean;
      status: DeploymentStatus;
      by: string;
    },
  ): Promise<string> {
    const confirmedAtOnce = deployment.status === 'CONFIRMED';
    const { tasking, powers, rvPointId, callSign } = deployment.order;
    const [{ id }] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO deployments (operation_id, team_id, team_agency_id, headcount, tasking, powers, rv_point_id, call_sign, starts_at, ends_at,
            follows_operation_window, status, requested_by, responded_by, responded_at)
          VALUES (${deployment.operationId}, ${deployment.team.id}, ${deployment.team.agencyId}, ${deployment.headcount}, ${tasking},
                  ${powers}::text[], ${rvPointId}, ${callSign},
                  ${deployment.window.startsAt}, ${deployment.window.endsAt}, ${deployment.followsOperationWindow}, ${deployment.status},
                  ${deployment.by}, ${confirmedAtOnce ? deployment.by : null}, ${confirmedAtOnce ? sql`now()` : null})
          RETURNING id`,
    );
    await this.allocate(manager, deployment.operationId, id, deployment.order.locationIds);
    return id;
  }

  /**
   * Allocates the deployment to exactly these locations. The foreign key carries the plan's id, so
   * a location of another plan, or none at all, is refused by the database (fk_deployment_locations_location).
   */
  private async allocate(manager: EntityManager, operationId: string, deploymentId: string, locationIds: string[]): Promise<void> {
    await query(manager, sql`DELETE FROM deployment_locations WHERE deployment_id = ${deploymentId}`);
    await query(
      manager,
      sql`INSERT INTO deployment_locations (operation_id, deployment_id, location_id)
          SELECT ${operationId}, ${deploymentId}, unnest(${locationIds}::uuid[])`,
    );
  }

  /**
   * The powers agencies of this kind hold (reference data), held for the rest of the transaction:
   * an admin taking one away waits until the tasking that relied on it is saved, then applies to
   * the next one (POWER_NOT_HELD holds under concurrency).
   */
  async heldPowers(manager: EntityManager, kind: AgencyKind): Promise<Power[]> {
    const rows = await query<{ power: Power }>(manager, sql`SELECT power FROM agency_kind_powers WHERE kind = ${kind} FOR SHARE`);
    return rows.map((row) => row.power);
  }

  async changeOrder(manager: EntityManager, operationId: string, id: string, order: DeploymentOrder): Promise<void> {
    await this.allocate(manager, operationId, id, order.locationIds);
    await query(
      manager,
      sql`UPDATE deployments SET tasking = ${order.tasking}, powers = ${order.powers}::text[], rv_point_id = ${order.rvPointId}, call_sign = ${order.callSign}
           WHERE id = ${id}`,
    );
  }

  lock(manager: EntityManager, operationId: string, deploymentId: string): Promise<LockedDeployment | undefined> {
    return first(
      manager,
      sql`SELECT d.id, d.version, d.team_id AS "teamId", d.team_agency_id AS "teamAgencyId", d.status, d.starts_at AS "startsAt",
                 d.ends_at AS "endsAt", d.headcount, t.capacity AS "teamCapacity", t.name AS "teamName", a.code AS "agencyCode",
                 a.kind AS "agencyKind", d.tasking, d.powers, d.rv_point_id AS "rvPointId", d.call_sign AS "callSign",
                 ARRAY(SELECT dl.location_id FROM deployment_locations dl WHERE dl.deployment_id = d.id ORDER BY dl.location_id) AS "locationIds"
            FROM deployments d JOIN teams t ON t.id = d.team_id JOIN agencies a ON a.id = d.team_agency_id
           WHERE d.id = ${deploymentId} AND d.operation_id = ${operationId}
             FOR UPDATE OF d FOR SHARE OF t`,
    );
  }

  /** R7: who answers requests for the agency's teams, as the agency's users stand now: its coordinators, or its managers while it has none. */
  async answerer(manager: EntityManager, agencyId: string): Promise<'COORDINATOR' | 'MANAGER'> {
    const [{ role }] = await query<{ role: 'COORDINATOR' | 'MANAGER' }>(
      manager,
      sql`SELECT CASE WHEN ${hasNoCoordinator(sql`${agencyId}::uuid`)} THEN 'MANAGER' ELSE 'COORDINATOR' END AS role`,
    );
    return role;
  }

  /** R7 for the pages: who answers requests for each agency's teams now, and whether anyone there can. */
  answerers(manager: EntityManager, agencyIds: string[]): Promise<{ agencyId: string; answerer: Answerer }[]> {
    return query(
      manager,
      sql`SELECT a.id AS "agencyId",
                 CASE WHEN NOT ${hasNoCoordinator(sql`a.id`)} THEN 'COORDINATOR'
                      WHEN EXISTS (SELECT 1 FROM users mu WHERE mu.agency_id = a.id AND mu.active AND 'MANAGER' = ANY (mu.roles)) THEN 'MANAGER'
                      ELSE 'NOBODY' END AS answerer
            FROM agencies a WHERE a.id = ANY (${agencyIds}::uuid[])`,
    );
  }

  async answer(
    manager: EntityManager,
    id: string,
    answer: { status: 'CONFIRMED' | 'DECLINED'; by: string; reason: string | null },
  ): Promise<void> {
    await query(
      manager,
      sql`UPDATE deployments SET status = ${answer.status}, responded_by = ${answer.by}, responded_at = now(), decline_reason = ${answer.reason},
                 version = version + 1
           WHERE id = ${id} AND status = 'REQUESTED'`,
    );
  }

  async release(manager: EntityManager, id: string, by: string, reason: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE deployments SET status = 'RELEASED', released_by = ${by}, released_at = now(), release_reason = ${reason}, version = version + 1
           WHERE id = ${id} AND status IN (${ACTIVE})`,
    );
  }

  /** Releases every team the operation still holds; answers what each was deployed for, as it was. */
  releaseAll(manager: EntityManager, operationId: string, by: string, reason: string): Promise<Record<string, unknown>[]> {
    return query(
      manager,
      sql`UPDATE deployments d SET status = 'RELEASED', released_by = ${by}, released_at = now(), release_reason = ${reason}, version = d.version + 1
            FROM deployments prior JOIN teams t ON t.id = prior.team_id JOIN agencies a ON a.id = prior.team_agency_id
           WHERE prior.id = d.id AND d.operation_id = ${operationId} AND d.status IN (${ACTIVE})
          RETURNING t.name AS team, a.code AS agency, prior.status, prior.headcount, prior.tasking,
                    prior.starts_at AS "startsAt", prior.ends_at AS "endsAt"`,
    );
  }

  /** The teams whose own windows would fall outside `window`. */
  async outside(manager: EntityManager, operationId: string, window: Window): Promise<string[]> {
    const rows = await query<{ name: string }>(
      manager,
      sql`SELECT t.name FROM deployments d JOIN teams t ON t.id = d.team_id
           WHERE d.operation_id = ${operationId} AND NOT d.follows_operation_window AND d.status IN (${ACTIVE})
             AND (d.starts_at < ${window.startsAt} OR d.ends_at > ${window.endsAt})`,
    );
    return rows.map((row) => row.name);
  }

  async followingTeams(manager: EntityManager, operationId: string): Promise<string[]> {
    const rows = await query<{ teamId: string }>(
      manager,
      sql`SELECT team_id AS "teamId" FROM deployments WHERE operation_id = ${operationId} AND follows_operation_window AND status IN (${ACTIVE})`,
    );
    return rows.map((row) => row.teamId);
  }

  /** Moves the deployments that follow the operation's window; the exclusion constraint (R5) refuses a double booking. */
  async moveFollowing(manager: EntityManager, operationId: string, window: Window): Promise<void> {
    await query(
      manager,
      sql`UPDATE deployments SET starts_at = ${window.startsAt}, ends_at = ${window.endsAt}
           WHERE operation_id = ${operationId} AND follows_operation_window AND status IN (${ACTIVE})`,
    );
  }

  /** Puts every partner's confirmed deployment back to REQUESTED (the owning agency's own stay confirmed). */
  askAgain(
    manager: EntityManager,
    operationId: string,
    owningAgencyId: string,
  ): Promise<{ deploymentId: string; team: string; agency: string }[]> {
    return query(
      manager,
      sql`UPDATE deployments d SET status = 'REQUESTED', responded_by = NULL, responded_at = NULL, version = d.version + 1
            FROM teams t, agencies a
           WHERE t.id = d.team_id AND a.id = d.team_agency_id
             AND d.operation_id = ${operationId} AND d.status = 'CONFIRMED' AND d.team_agency_id <> ${owningAgencyId}
          RETURNING d.id AS "deploymentId", t.name AS team, a.code AS agency`,
    );
  }

  /**
   * The plan of a deployment the viewer may read: any deployment of a plan they see (R14), and their
   * own agency's team's whatever became of the plan for them (declined, or released by the owner).
   */
  record(
    manager: EntityManager,
    viewer: AuthUser,
    plan: { operationId: string } | { reference: string },
    deploymentId: string,
  ): Promise<DeploymentPlan | undefined> {
    const which = 'operationId' in plan ? sql`o.id = ${plan.operationId}` : sql`o.reference = ${plan.reference}`;
    return first(
      manager,
      sql`SELECT o.id AS "operationId", o.reference, o.name, o.classification, o.handling_instruction AS "handlingInstruction", COALESCE(${visibleTo(viewer)}, false) AS "planVisible"
            FROM deployments d JOIN operations o ON o.id = d.operation_id
           WHERE d.id = ${deploymentId} AND ${which} AND (${ownRecord(viewer)} OR ${visibleTo(viewer)})`,
    );
  }

  /** The confirmed booking of one of `teamIds` that overlaps `window` on another operation. */
  clash(
    manager: EntityManager,
    viewer: AuthUser,
    booking: { teamIds: string[]; operationId: string } & Window,
  ): Promise<Clash | undefined> {
    return first(
      manager,
      sql`SELECT t.name AS "teamName", o.reference, d.starts_at AS "startsAt", d.ends_at AS "endsAt", ${visibleTo(viewer)} AS visible
            FROM deployments d
            JOIN operations o ON o.id = d.operation_id
            JOIN teams t ON t.id = d.team_id
           WHERE d.team_id = ANY(${booking.teamIds}::uuid[]) AND d.status = 'CONFIRMED' AND d.operation_id <> ${booking.operationId}
             AND tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(${booking.startsAt}, ${booking.endsAt}, '[)')
           LIMIT 1`,
    );
  }

  /** The teams held by another operation for time overlapping `window`: CONFIRMED there, or only REQUESTED. */
  busyTeams(manager: EntityManager, operationId: string, window: Window): Promise<{ teamId: string; status: 'CONFIRMED' | 'REQUESTED' }[]> {
    return query(
      manager,
      sql`SELECT d.team_id AS "teamId", min(d.status) AS status /* CONFIRMED sorts before REQUESTED */
            FROM deployments d
           WHERE d.operation_id <> ${operationId} AND d.status IN ('CONFIRMED', 'REQUESTED')
             AND tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(${window.startsAt}, ${window.endsAt}, '[)')
           GROUP BY d.team_id`,
    );
  }

  /** Confirmed deployments of a team, on plans still to happen or under way, with more officers than `capacity`. */
  overCapacity(
    manager: EntityManager,
    viewer: AuthUser,
    teamId: string,
    capacity: number,
  ): Promise<{ reference: string; headcount: number; visible: boolean }[]> {
    return query(
      manager,
      sql`SELECT o.reference, d.headcount, ${visibleTo(viewer)} AS visible
            FROM deployments d JOIN operations o ON o.id = d.operation_id
           WHERE d.team_id = ${teamId} AND d.status = 'CONFIRMED' AND d.headcount > ${capacity}
             AND o.status NOT IN ${ENDED}
           ORDER BY o.starts_at, o.reference`,
    );
  }
}
