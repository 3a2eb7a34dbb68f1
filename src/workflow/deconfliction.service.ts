import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { RateLimits } from '../database/rate-limits';
import { inTransaction } from '../database/transaction';
import { assertOwner, assertVersion, OperationAccess } from '../operations/operation-access';
import { PlanEvents } from '../operations/plan-events';
import { PlansService } from '../operations/plans.service';
import { DeconflictionRepository } from './deconfliction.repository';
import { AcknowledgeDto, ConflictView } from './dto/workflow.dto';

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
    private readonly plans: PlansService,
    private readonly planEvents: PlanEvents,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.planEvents.onPlaceOrTimeChanged((manager, viewer, change) => this.raise(manager, viewer, change.operationId));
  }

  /** Records the hits a change of places or window raised, for both plans, counted against the user who made it. */
  private async raise(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<void> {
    const limit = { key: `deconfliction-hits:user:${viewer.id}`, max: this.config.DECONFLICTION_MAX_HITS_PER_HOUR, windowMs: HOUR_MS };
    const refuse = (retryAfterMs: number) =>
      new DomainError(
        'RATE_LIMITED',
        `Your changes have raised ${limit.max} deconfliction hits within the hour; you can change places and times again in ${Math.ceil(retryAfterMs / 60000)} minute(s). Meanwhile, call the contacts of the hits raised.`,
        { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
      );
    const verdict = await this.rateLimits.check(limit, manager);
    if (!verdict.allowed) throw refuse(verdict.retryAfterMs);
    const raised = await DeconflictionRepository.raise(manager, operationId, viewer.id);
    if (raised.length === 0) return;
    // Counted in the transaction (the counter's row stays locked until it ends): a change that
    // would go past the limit, or one racing another, is refused whole, its hits with it.
    const counted = await this.rateLimits.take([limit], raised.length, manager);
    if (!counted.allowed) throw refuse(counted.retryAfterMs);
    for (const hit of raised) {
      const record = (chain: string, other: string) =>
        this.audit.append(manager, { operationId: chain, action: 'deconfliction.hit-raised', actor: viewer, before: null, after: { other, sharedPostcodes: hit.postcodes } });
      await record(operationId, hit.otherReference);
      await record(hit.otherId, hit.reference);
    }
  }

  /** The hits of an operation the caller may see (404 otherwise), current ones first. */
  async conflicts(viewer: AuthUser, id: string): Promise<ConflictView[]> {
    await this.plans.summary(viewer, id);
    return this.conflictsOf(this.dataSource.manager, id);
  }

  /** Every hit recorded for an operation the caller has already been shown to see. */
  async conflictsOf(manager: EntityManager, id: string): Promise<ConflictView[]> {
    const iso = (at: string) => new Date(at).toISOString();
    return (await DeconflictionRepository.hits(manager, id)).map((row) => ({
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
      assertOwner(viewer, row, 'acknowledge the hits of');
      assertVersion(row, input.version);
      if (row.status === 'COMPLETED' || row.status === 'CANCELLED') {
        throw new DomainError('INVALID_TRANSITION', `${row.reference} is ${row.status}; its hits no longer need acknowledging`, { status: row.status });
      }
      const hit = await DeconflictionRepository.hit(manager, id, hitId);
      if (!hit) throw DomainError.notFound('Deconfliction hit', hitId);
      await DeconflictionRepository.acknowledge(manager, id, hit.otherId, input.note, viewer.id);
      await this.access.update(manager, row, {});
      await this.audit.append(manager, { operationId: id, action: 'deconfliction.acknowledged', actor: viewer, before: null, after: { other: hit.reference, note: input.note } });
    });
    return this.conflicts(viewer, id);
  }
}
