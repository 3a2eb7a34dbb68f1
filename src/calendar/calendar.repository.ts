import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { named, sql } from '../database/sql';
import { first, query } from '../database/query';
import { COMPLETED_RELEASE } from '../common/release-reasons';
import type { DeploymentStatus, OperationStatus } from '../common/domain';
import type { Marking } from '../common/marking';
import { ownedBy, ownRecord, visibleTo } from '../operations/visibility.sql';

/** How far back a feed reaches: plans whose window ended less than this long ago, and every plan still to come. */
export const HORIZON_DAYS = 90;
/** A bound on each kind of event in one feed, nearest the future kept: far beyond any agency's real load. */
export const FEED_LIMIT = 2000;

export interface FeedStatus {
  createdAt: Date;
  lastUsedAt: Date | null;
}

/**
 * A plan the feed's agency owns: Core facts and its marking, nothing operational (issue 23); and why
 * it was cancelled or stood down, which its owner wrote (the feed shows no partner a plan's reason).
 */
export interface OwnedPlanRow extends Marking {
  id: string;
  reference: string;
  name: string;
  status: OperationStatus;
  version: number;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  /** Why the plan was cancelled or stood down; null otherwise. */
  cancelReason: string | null;
}

/**
 * A deployment of one of the feed's agency's teams that was confirmed (and may since have been
 * released), with its plan's Core facts and marking; never its tasking, RV point or call sign (issue 23).
 */
export interface TeamDeploymentRow extends Marking {
  id: string;
  status: DeploymentStatus;
  releaseReason: string | null;
  /** Whether its release came with the plan's completion: then the team did go, and the event stands. */
  releasedOnCompletion: boolean;
  version: number;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  team: string;
  planId: string;
  reference: string;
  planName: string;
  planStatus: OperationStatus;
  planVersion: number;
  planStartsAt: Date;
  planEndsAt: Date;
}

/**
 * A feed works while its user is active and still at the token generation the feed was made at:
 * whatever ends the user's sessions and tokens (disabling, a password change or reset, new roles
 * or agency) ends the feed with them. Of `calendar_feeds f` joined to `users u`.
 */
const LIVE = sql`u.active AND f.token_generation = u.token_generation`;

const HORIZON = sql`o.ends_at > now() - make_interval(days => ${HORIZON_DAYS})`;

/** Calendar feeds, found by the SHA-256 of their token; and what a feed shows, three statements a request. */
@Injectable()
export class CalendarRepository {
  /**
   * Makes the user's feed, or replaces it: the old token stops working at once. The feed is made at
   * the user's token generation now, and lives only while the user stays at it.
   */
  async replace(manager: EntityManager, userId: string, tokenSha256: Buffer): Promise<FeedStatus> {
    const [row] = await query<FeedStatus>(
      manager,
      sql`INSERT INTO calendar_feeds (user_id, token_sha256, token_generation)
          SELECT u.id, ${tokenSha256}, u.token_generation FROM users u WHERE u.id = ${userId}
          ON CONFLICT ON CONSTRAINT uq_calendar_feeds_user
          DO UPDATE SET id = gen_random_uuid(), token_sha256 = EXCLUDED.token_sha256, token_generation = EXCLUDED.token_generation, created_at = now(), last_used_at = NULL
          RETURNING created_at AS "createdAt", last_used_at AS "lastUsedAt"`,
    );
    return row;
  }

  /** The user's live feed: none once their token generation has moved on (a password change, a reset, new roles). */
  status(manager: EntityManager, userId: string): Promise<FeedStatus | undefined> {
    return first(
      manager,
      sql`SELECT f.created_at AS "createdAt", f.last_used_at AS "lastUsedAt"
            FROM calendar_feeds f JOIN users u ON u.id = f.user_id
           WHERE f.user_id = ${userId} AND ${LIVE}`,
    );
  }

  async revoke(manager: EntityManager, userId: string): Promise<void> {
    await query(manager, sql`DELETE FROM calendar_feeds WHERE user_id = ${userId}`);
  }

  /**
   * The active user whose feed has this token hash, read as the authentication guard reads the
   * caller (so R14 applies to them as it stands now), while the feed is of their token generation
   * now; and the feed marked used, at most once an hour.
   */
  owner(manager: EntityManager, tokenSha256: Buffer): Promise<AuthUser | undefined> {
    return first(
      manager,
      named(sql`WITH feed AS (
                  SELECT f.id AS feed_id, u.id, u.email, u.name, u.roles, u.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind"
                    FROM calendar_feeds f JOIN users u ON u.id = f.user_id JOIN agencies a ON a.id = u.agency_id
                   WHERE f.token_sha256 = ${tokenSha256} AND ${LIVE}),
                touched AS (
                  UPDATE calendar_feeds f SET last_used_at = now() FROM feed
                   WHERE f.id = feed.feed_id AND (f.last_used_at IS NULL OR f.last_used_at <= now() - interval '1 hour'))
                SELECT id, email, name, roles, "agencyId", "agencyCode", "agencyKind" FROM feed`),
    );
  }

  /** R15: the plans the viewer's agency owns (the lead, or the creator's agency while there is no lead), within R14. */
  ownedPlans(manager: EntityManager, viewer: AuthUser): Promise<OwnedPlanRow[]> {
    return query(
      manager,
      sql`SELECT o.id, o.reference, o.name, o.status, o.version, o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.updated_at AS "updatedAt",
                 o.cancel_reason AS "cancelReason", o.classification, o.handling_instruction AS "handlingInstruction"
            FROM operations o
           WHERE ${ownedBy(viewer.agencyId)}
             AND ${visibleTo(viewer)} AND ${HORIZON}
           ORDER BY o.starts_at DESC, o.id
           LIMIT ${FEED_LIMIT}`,
    );
  }

  /**
   * The viewer's agency's own teams (R14: its deployment records, even on a plan it has left), as
   * they were agreed: confirmed, or confirmed and then released (with the plan's completion, or its
   * cancellation, or by the owner).
   */
  teamDeployments(manager: EntityManager, viewer: AuthUser): Promise<TeamDeploymentRow[]> {
    return query(
      manager,
      sql`SELECT d.id, d.status, d.release_reason AS "releaseReason", COALESCE(d.release_reason = ${COMPLETED_RELEASE}, false) AS "releasedOnCompletion",
                 d.version, d.starts_at AS "startsAt", d.ends_at AS "endsAt",
                 greatest(o.updated_at, d.responded_at, d.released_at) AS "updatedAt", t.name AS team,
                 o.id AS "planId", o.reference, o.name AS "planName", o.status AS "planStatus", o.version AS "planVersion",
                 o.starts_at AS "planStartsAt", o.ends_at AS "planEndsAt", o.classification, o.handling_instruction AS "handlingInstruction"
            FROM deployments d
            JOIN operations o ON o.id = d.operation_id
            JOIN teams t ON t.id = d.team_id
           WHERE d.team_agency_id = ${viewer.agencyId} AND d.status <> 'DECLINED' /* ix_deployments_team_agency's condition */
             AND (d.status = 'CONFIRMED' OR (d.status = 'RELEASED' AND d.responded_at IS NOT NULL))
             /* The agency's own records, even of a plan it has left (R14): a team released by the owner shows as cancelled. */
             AND ${ownRecord(viewer)} AND ${HORIZON}
           ORDER BY d.starts_at DESC, d.id
           LIMIT ${FEED_LIMIT}`,
    );
  }
}
