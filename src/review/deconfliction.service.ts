import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { prepared } from '../database/prepared';
import { RateLimits } from '../database/rate-limits';
import { inTransaction } from '../database/transaction';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { mayEditPlan } from '../operations/visibility';
import { OperationsService } from '../operations/operations.service';
import { AcknowledgeDto, ConflictView } from './dto/review.dto';

const HOUR_MS = 3600 * 1000;

/**
 * R13: two operations whose windows overlap and that share a postcode are a hit for both,
 * whoever leads them. A hit is recorded when it is raised, in both plans' histories, and stays
 * visible to both owners after the places or times that raised it change: deconfliction
 * cannot be used to learn other agencies' operations without a trace. Each user may raise
 * only so many hits an hour (DECONFLICTION_MAX_HITS_PER_HOUR) before their changes of place
 * and time are refused, whatever the change, so the refusal itself tells nothing.
 */
@Injectable()
export class DeconflictionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly operations: OperationsService,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.operations.onPlaceOrTimeChanged((manager, viewer, operationId) => this.raise(manager, viewer, operationId));
  }

  /** Records the hits a change of places or window raised, for both plans, counted against the user who made it. */
  private async raise(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<void> {
    const limit = { key: `deconfliction-hits:user:${viewer.id}`, max: this.config.DECONFLICTION_MAX_HITS_PER_HOUR, windowMs: HOUR_MS };
    const verdict = await this.rateLimits.check(limit, manager);
    if (!verdict.allowed) {
      throw new DomainError(
        'RATE_LIMITED',
        `Your changes have raised ${limit.max} deconfliction hits within the hour; you can change places and times again in ${Math.ceil(verdict.retryAfterMs / 60000)} minute(s). Meanwhile, call the contacts of the hits raised.`,
        { retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) },
      );
    }
    const raised: { otherId: string; otherReference: string; reference: string; postcodes: string[] }[] = await manager.query(
      `WITH live AS (
         SELECT other.id AS other_id, array_agg(DISTINCT mine.postcode ORDER BY mine.postcode) AS postcodes
           FROM operations me
           JOIN operation_locations mine ON mine.operation_id = me.id
           JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id <> me.id
           JOIN operations other ON other.id = theirs.operation_id
          WHERE me.id = $1 AND me.status <> 'CANCELLED' AND other.status <> 'CANCELLED'
            AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(me.starts_at, me.ends_at, '[)')
          GROUP BY other.id),
       recorded AS (
         INSERT INTO deconfliction_hits (operation_id, other_operation_id, raised_by)
         SELECT $1::uuid, other_id, $2::uuid FROM live UNION ALL SELECT other_id, $1::uuid, $2::uuid FROM live
         ON CONFLICT (operation_id, other_operation_id) DO NOTHING
         RETURNING operation_id, other_operation_id)
       SELECT other.id AS "otherId", other.reference AS "otherReference", me.reference, live.postcodes
         FROM recorded r
         JOIN live ON live.other_id = r.other_operation_id
         JOIN operations me ON me.id = r.operation_id
         JOIN operations other ON other.id = r.other_operation_id
        WHERE r.operation_id = $1
        ORDER BY other.id`,
      [operationId, viewer.id],
    );
    if (raised.length === 0) return;
    await this.rateLimits.take([limit], raised.length, manager);
    for (const hit of raised) {
      const record = (chain: string, other: string) =>
        this.audit.append(manager, {
          operationId: chain,
          action: 'deconfliction.hit-raised',
          actor: viewer,
          before: null,
          after: { other, sharedPostcodes: hit.postcodes },
        });
      await record(operationId, hit.otherReference);
      await record(hit.otherId, hit.reference);
    }
  }

  /** The hits of an operation the caller may see (404 otherwise), current ones first. */
  async conflicts(viewer: AuthUser, id: string): Promise<ConflictView[]> {
    await this.operations.summary(viewer, id);
    return this.conflictsOf(this.dataSource.manager, id);
  }

  /**
   * Every hit recorded for an operation the caller has already been shown to see: of the other
   * operation only its reference, lead agency and a contact, and whether the hit stands now
   * (a shared postcode and overlapping windows, neither cancelled) with the times both are on the ground.
   */
  async conflictsOf(manager: EntityManager, id: string): Promise<ConflictView[]> {
    const rows = await manager.query(
      prepared(`SELECT h.id AS "hitId", other.reference, h.raised_at AS "raisedAt",
              CASE WHEN la.id IS NULL THEN NULL ELSE json_build_object('code', la.code, 'name', la.name) END AS "leadAgency",
              COALESCE(
                (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
                  WHERE u.id = other.created_by AND other.created_by_agency_id = COALESCE(other.lead_agency_id, other.created_by_agency_id)),
                (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
                  WHERE u.agency_id = other.lead_agency_id AND 'COORDINATOR' = ANY (u.roles) AND u.active
                  ORDER BY u.created_at LIMIT 1)) AS contact,
              shared.postcodes AS "sharedPostcodes",
              (cardinality(shared.postcodes) > 0 AND me.status <> 'CANCELLED' AND other.status <> 'CANCELLED'
                AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(me.starts_at, me.ends_at, '[)')) AS "current",
              CASE WHEN tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(me.starts_at, me.ends_at, '[)')
                   THEN json_build_object('startsAt', greatest(me.starts_at, other.starts_at), 'endsAt', least(me.ends_at, other.ends_at)) END AS overlap,
              CASE WHEN ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                'note', ack.note, 'at', ack.acknowledged_at,
                'by', json_build_object('id', au.id, 'name', au.name, 'email', au.email)) END AS acknowledgement,
              CASE WHEN their_ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                'note', their_ack.note, 'at', their_ack.acknowledged_at,
                'by', json_build_object('name', tu.name, 'email', tu.email, 'agency', ta.code)) END AS "theirAcknowledgement"
         FROM deconfliction_hits h
         JOIN operations me ON me.id = h.operation_id
         JOIN operations other ON other.id = h.other_operation_id
         CROSS JOIN LATERAL (
           SELECT COALESCE(array_agg(DISTINCT mine.postcode ORDER BY mine.postcode), '{}') AS postcodes
             FROM operation_locations mine JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id = other.id
            WHERE mine.operation_id = me.id) shared
         LEFT JOIN agencies la ON la.id = other.lead_agency_id
         LEFT JOIN conflict_acknowledgements ack ON ack.operation_id = me.id AND ack.other_operation_id = other.id
         LEFT JOIN users au ON au.id = ack.acknowledged_by
         LEFT JOIN conflict_acknowledgements their_ack ON their_ack.operation_id = other.id AND their_ack.other_operation_id = me.id
         LEFT JOIN users tu ON tu.id = their_ack.acknowledged_by
         LEFT JOIN agencies ta ON ta.id = tu.agency_id
        WHERE h.operation_id = $1
        ORDER BY "current" DESC, other.starts_at, other.reference`),
      [id],
    );
    const iso = (at: string) => new Date(at).toISOString();
    return rows.map((row: ConflictView & { raisedAt: Date }) => ({
      ...row,
      raisedAt: row.raisedAt.toISOString(),
      overlap: row.overlap && { startsAt: iso(row.overlap.startsAt), endsAt: iso(row.overlap.endsAt) },
      acknowledgement: row.acknowledgement && { ...row.acknowledgement, at: iso(row.acknowledgement.at) },
      theirAcknowledgement: row.theirAcknowledgement && { ...row.theirAcknowledgement, at: iso(row.theirAcknowledgement.at) },
    }));
  }

  /**
   * The owner acknowledges a hit with a note; the other owner sees it. An acknowledgement is not an
   * edit of the plan: it is made on an approved or active plan too, and does not withdraw approval.
   */
  async acknowledge(viewer: AuthUser, id: string, hitId: string, input: AcknowledgeDto): Promise<ConflictView[]> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      if (!mayEditPlan(viewer, row)) throw DomainError.forbidden(`Only a coordinator of the owning agency acknowledges the hits of ${row.reference}`);
      assertVersion(row, input.version);
      if (row.status === 'COMPLETED' || row.status === 'CANCELLED') {
        throw new DomainError('INVALID_TRANSITION', `${row.reference} is ${row.status}; its hits no longer need acknowledging`, { status: row.status });
      }
      const [hit]: { otherId: string; reference: string }[] = await manager.query(
        `SELECT h.other_operation_id AS "otherId", other.reference
           FROM deconfliction_hits h JOIN operations other ON other.id = h.other_operation_id
          WHERE h.id = $1 AND h.operation_id = $2`,
        [hitId, id],
      );
      if (!hit) throw DomainError.notFound('Deconfliction hit', hitId);
      await manager.query(
        `INSERT INTO conflict_acknowledgements (operation_id, other_operation_id, note, acknowledged_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (operation_id, other_operation_id) DO UPDATE SET note = $3, acknowledged_by = $4, acknowledged_at = now()`,
        [id, hit.otherId, input.note, viewer.id],
      );
      await this.access.update(manager, row, {});
      await this.audit.append(manager, {
        operationId: id,
        action: 'deconfliction.acknowledged',
        actor: viewer,
        before: null,
        after: { other: hit.reference, note: input.note },
      });
    });
    return this.conflicts(viewer, id);
  }
}
