import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OperationStatus } from '../common/domain';
import { query } from '../database/query';
import { identifier, sql } from '../database/sql';
import { OWNER_RELEASE } from '../common/release-reasons';
import { hasNoCoordinator } from '../deployments/deployment.repository';
import { AuthUser } from '../common/auth/auth-user';
import { ENDED, ownedBy, visibleTo } from '../operations/visibility.sql';
import { hitWaits } from '../workflow/deconfliction.sql';

export interface TaskRow {
  id: string;
  reference: string;
  name: string;
  status: OperationStatus;
  startsAt: Date;
  endsAt: Date;
  deploymentId?: string;
  requirementId?: string;
  hitId?: string;
  detail: string;
  /** For a released team: when the owner released it. */
  releasedAt?: Date;
  /** For a sign-off task: the plan's version, to sign off against. */
  version?: number;
  /** For a sign-off task: where the agency's sign-off stands (AWAITING, WITHDRAWN, or a DECLINED that still stands). */
  signOffState?: 'AWAITING' | 'WITHDRAWN' | 'DECLINED';
  /** For a declined team: the declining agency's code, and why it declined (the owner may read it, R14a). */
  agencyCode?: string;
  declineReason?: string | null;
}

/** A user refused by the daily limit on additions: who, how many, when, and the plan of their last refused change. */
export interface AdditionLimitReportRow {
  id: string;
  user: { name: string; email: string };
  day: string;
  dailyLimit: number;
  changesRefused: number;
  additionsRefused: number;
  lastRefusedAt: Date;
  plan: { id: string; reference: string; name: string; status: OperationStatus; startsAt: string; endsAt: string } | null;
}

/** The plan's columns every task query selects (alias `o`). */
const PLAN = sql`o.id, o.reference, o.name, o.status, o.starts_at AS "startsAt", o.ends_at AS "endsAt"`;
const OPEN_PLAN = sql`o.status NOT IN ${ENDED}`;

/**
 * What waits for someone, one query per kind of task. Each starts from what the caller's agency
 * (or the liaison) takes part in, so a task never names a plan the caller may not see (R14).
 */
@Injectable()
export class TasksRepository {
  /**
   * Drafts, changes requested, submitted plans starting within 7 days, approved plans to start, and
   * every active one to complete, whether or not its window has opened (it may start a day early).
   */
  ownersPlans(manager: EntityManager, agencyId: string, startWindowHours: number): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, '' AS detail FROM operations o
           WHERE ${ownedBy(agencyId)}
             AND ((o.status IN ('DRAFT', 'CHANGES_REQUESTED') AND o.ends_at > now())
               OR (o.status = 'SUBMITTED' AND o.starts_at < now() + interval '7 days' AND o.ends_at > now())
               OR (o.status = 'APPROVED' AND o.starts_at <= now() + ${startWindowHours} * interval '1 hour' AND o.ends_at > now())
               OR o.status = 'ACTIVE')`,
    );
  }

  /** R13: the sides of hits on the agency's open plans still to happen that wait for its acknowledgement, approved plans included. */
  hits(manager: EntityManager, agencyId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, h.id AS "hitId", other.reference AS detail
            FROM deconfliction_hits h
            JOIN operations o ON o.id = h.operation_id
            JOIN operations other ON other.id = h.other_operation_id
           WHERE ${ownedBy(agencyId)} AND ${OPEN_PLAN} AND o.ends_at > now() AND ${hitWaits('h', 'other')}`,
    );
  }

  /**
   * Users of the manager's agency refused by the daily limit on additions, not yet looked into,
   * each with the plan of their last refused change when there is one the manager may see (R14).
   */
  additionLimitReports(manager: EntityManager, viewer: AuthUser): Promise<AdditionLimitReportRow[]> {
    return query(
      manager,
      sql`SELECT r.id, json_build_object('name', u.name, 'email', u.email) AS user, to_char(r.uk_day, 'YYYY-MM-DD') AS day, r.daily_limit AS "dailyLimit",
                 r.changes_refused AS "changesRefused", r.additions_refused AS "additionsRefused", r.last_refused_at AS "lastRefusedAt",
                 CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'reference', o.reference, 'name', o.name, 'status', o.status,
                   'startsAt', o.starts_at, 'endsAt', o.ends_at) END AS plan
            FROM addition_limit_reports r
            JOIN users u ON u.id = r.user_id
            LEFT JOIN operations o ON o.id = r.operation_id AND ${visibleTo(viewer)}
           WHERE r.agency_id = ${viewer.agencyId} AND r.looked_into_at IS NULL
           ORDER BY r.last_refused_at DESC`,
    );
  }

  /**
   * Requests for the agency's teams waiting for an answer (R7), for whoever answers them: its
   * coordinators, or its managers while it has no active coordinator.
   */
  teamRequests(manager: EntityManager, agencyId: string, answerer: 'COORDINATOR' | 'MANAGER'): Promise<TaskRow[]> {
    const answers = answerer === 'MANAGER' ? hasNoCoordinator(identifier('d.team_agency_id')) : sql`true`;
    return query(
      manager,
      sql`SELECT ${PLAN}, d.id AS "deploymentId",
                 t.name || ' (' || d.headcount || CASE WHEN d.headcount = 1 THEN ' officer' ELSE ' officers' END || ') for ' || COALESCE(la.name, ca.name) || CASE WHEN d.tasking <> '' THEN ', tasked with: ' || d.tasking ELSE '' END AS detail
            FROM deployments d JOIN operations o ON o.id = d.operation_id JOIN teams t ON t.id = d.team_id
            LEFT JOIN agencies la ON la.id = o.lead_agency_id JOIN agencies ca ON ca.id = o.created_by_agency_id
           WHERE d.team_agency_id = ${agencyId} AND d.status = 'REQUESTED' AND ${OPEN_PLAN} AND ${answers}
           -- Within a plan (the tasks are sorted by plan after), in the order they were asked.
           ORDER BY d.requested_at, d.id`,
    );
  }

  /**
   * Partners' declines on the agency's own plans that still wait for the owner (`detail` is the
   * team's name): the decline is the latest word on that team for the plan (the owner has not asked
   * for it again), the plan has not been submitted since (the owner went on without it, or with
   * another team), and the plan is still to happen.
   */
  declinedTeams(manager: EntityManager, agencyId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, d.id AS "deploymentId", t.name AS detail, a.code AS "agencyCode", d.decline_reason AS "declineReason"
            FROM deployments d JOIN operations o ON o.id = d.operation_id JOIN teams t ON t.id = d.team_id JOIN agencies a ON a.id = d.team_agency_id
           WHERE ${ownedBy(agencyId)} AND d.status = 'DECLINED' AND ${OPEN_PLAN} AND o.ends_at > now()
             AND NOT EXISTS (SELECT 1 FROM deployments again WHERE again.operation_id = d.operation_id AND again.team_id = d.team_id AND again.requested_at > d.requested_at)
             AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.operation_id = o.id AND e.action = 'operation.submit' AND e.at > d.responded_at)`,
    );
  }

  /**
   * A partner agency's teams that the owner released from plans still to happen, as its record of
   * it (R14): the plan itself may no longer be theirs to see. `detail` is the team's name.
   */
  teamsReleased(manager: EntityManager, agencyId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, d.id AS "deploymentId", t.name AS detail, d.released_at AS "releasedAt"
            FROM deployments d JOIN operations o ON o.id = d.operation_id JOIN teams t ON t.id = d.team_id
           WHERE d.team_agency_id = ${agencyId} AND d.status = 'RELEASED' AND d.release_reason = ${OWNER_RELEASE}
             AND NOT COALESCE(${ownedBy(agencyId)}, false) AND ${OPEN_PLAN} AND o.ends_at > now()`,
    );
  }

  /** Evidence assigned to the agency's teams (or rejected, to gather again), on started plans it still takes part in, until the liaison closes it. */
  evidenceToGather(manager: EntityManager, agencyId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, r.id AS "requirementId", r.description AS detail
            FROM evidence_requirements r
            JOIN teams t ON t.id = r.assigned_team_id
            JOIN operations o ON o.id = r.operation_id
            JOIN cps_involvements c ON c.operation_id = o.id
           WHERE t.agency_id = ${agencyId} AND r.status IN ('ASSIGNED', 'REJECTED')
             AND o.status IN ('ACTIVE', 'COMPLETED') AND c.closed_at IS NULL
             AND EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = o.id AND d.team_agency_id = ${agencyId} AND d.status <> 'DECLINED')`,
    );
  }

  /** Early-involvement requests open to every liaison. */
  cpsRequests(manager: EntityManager): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, COALESCE(to_char(c.advice_needed_by, 'YYYY-MM-DD'), 'the day of action') AS detail
            FROM cps_involvements c JOIN operations o ON o.id = c.operation_id
           WHERE c.status = 'REQUESTED' AND ${OPEN_PLAN}`,
    );
  }

  /** Gathered evidence waiting for the liaison's decision. */
  evidenceToDecide(manager: EntityManager, liaisonId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, r.id AS "requirementId", r.description AS detail
            FROM cps_involvements c
            JOIN evidence_requirements r ON r.operation_id = c.operation_id
            JOIN operations o ON o.id = c.operation_id
           WHERE c.status = 'ENGAGED' AND c.liaison_id = ${liaisonId} AND c.closed_at IS NULL AND r.status = 'GATHERED'`,
    );
  }

  /**
   * Submitted plans of the manager's agency: `detail` is '' for those they may review, and
   * 'created' or 'changed' for those R12 leaves to another manager.
   */
  submittedForReview(manager: EntityManager, agencyId: string, managerId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT ${PLAN}, CASE WHEN o.created_by = ${managerId} THEN 'created' WHEN ${managerId} = ANY (o.content_editors) THEN 'changed' ELSE '' END AS detail
            FROM operations o
           WHERE o.lead_agency_id = ${agencyId} AND o.status = 'SUBMITTED'`,
    );
  }

  /**
   * Plans on which the agency, supporting another that owns the plan, has a confirmed team and has
   * not signed off its part as it stands (`detail` is the agency's code): submitted ones it never
   * decided, signed off before a change to its part, or declined and submitted again unchanged; and,
   * to be told at once, plans still to happen that went back to draft or for changes with a change
   * that withdrew its sign-off. `version` is the plan's, to sign off against.
   */
  partsToSignOff(manager: EntityManager, agencyId: string): Promise<TaskRow[]> {
    return query(
      manager,
      sql`SELECT * FROM (
            SELECT ${PLAN}, o.version, a.code AS detail,
                   CASE WHEN s.decision IS NULL THEN 'AWAITING' WHEN s.part_digest = agency_part_digest(o.id, a.id) THEN s.decision
                        WHEN s.decision = 'DECLINED' THEN 'AWAITING' ELSE 'WITHDRAWN' END AS "signOffState"
              FROM operations o
              JOIN agencies a ON a.id = ${agencyId}
              LEFT JOIN partner_sign_offs s ON s.operation_id = o.id AND s.agency_id = a.id
             WHERE (o.status = 'SUBMITTED' OR (o.status IN ('DRAFT', 'CHANGES_REQUESTED') AND s.decision = 'SIGNED_OFF' AND o.ends_at > now()))
               AND COALESCE(o.lead_agency_id, o.created_by_agency_id) <> a.id
               AND EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = o.id AND d.team_agency_id = a.id AND d.status = 'CONFIRMED')) parts
           WHERE "signOffState" <> 'SIGNED_OFF' AND (status = 'SUBMITTED' OR "signOffState" = 'WITHDRAWN')`,
    );
  }
}
