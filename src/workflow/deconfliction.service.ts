import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { inTransaction } from '../database/transaction';
import { OperatorMetrics } from '../metrics/operator-metrics';
import { HitBudget } from '../operations/hit-budget';
import { matchedWords } from '../operations/hit-kinds';
import { assertOwner, assertVersion, OperationAccess } from '../operations/operation-access';
import { planHasEnded } from '../operations/plan-actions';
import { PlanEvents } from '../operations/plan-events';
import { PlansService } from '../operations/plans.service';
import { Reader } from '../operations/visibility.sql';
import { DeconflictionRepository, RaisedHit } from './deconfliction.repository';
import { AcknowledgeDto, ConflictView } from './dto/workflow.dto';

/** What the history records of a hit: the other plan's reference and what was shared, never more. */
const recordOf = (other: string, hit: RaisedHit) => ({
  other,
  hitId: hit.hitId,
  kinds: hit.kinds,
  sharedPostcodes: hit.sharedPostcodes,
  overlap: hit.overlap,
});

/**
 * R13: two plans that share a postcode in overlapping windows, or a subject of interest, are a hit
 * for both, whoever leads them. A hit records what was shared when it was raised, in both plans'
 * histories, and says only that ever after: reading it never looks at the other plan's places,
 * times or subjects again, so adding and removing guesses after a hit tells nothing more. A later
 * change that shares a kind or a postcode no earlier hit of the pair recorded is a new hit, listing
 * everything the two share at that moment: a pair sharing a place, a phone and a vehicle is one hit,
 * and only the latest hit of a pair is acknowledged, once by each side. Each user may raise
 * only so many hits an hour (HitBudget), and add only so much to match in a day (AdditionLimit).
 */
@Injectable()
export class DeconflictionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly planEvents: PlanEvents,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly budget: HitBudget,
    private readonly metrics: OperatorMetrics,
    private readonly hits: DeconflictionRepository,
  ) {}

  onModuleInit(): void {
    this.planEvents.onPlaceOrTimeChanged((manager, viewer, change) => this.raise(manager, viewer, change.operationId));
    this.planEvents.onSubjectAdded((manager, viewer, added) => this.raise(manager, viewer, added.operationId, added.keys));
  }

  /** Records the hits a change of places, window or subjects raised, for both plans, counted against the user who made it. */
  private async raise(manager: EntityManager, viewer: AuthUser, operationId: string, addedKeys?: Buffer[]): Promise<void> {
    await this.budget.assertLeft(manager, viewer);
    const raised = await this.hits.raise(manager, operationId, viewer.id, addedKeys);
    await this.budget.spend(manager, viewer, raised.length);
    this.metrics.hitsRaised(raised.length);
    for (const hit of raised) {
      await this.audit.append(manager, {
        operationId,
        action: 'deconfliction.hit-raised',
        actor: viewer,
        before: null,
        after: recordOf(hit.otherReference, hit),
      });
      await this.audit.append(manager, {
        operationId: hit.otherId,
        action: 'deconfliction.hit-raised',
        actor: viewer,
        before: null,
        after: recordOf(hit.reference, hit),
      });
    }
  }

  /** The hits of an operation whose Intelligence the caller sees (404 when they may not see it, 403 when it is not shared), newest first. */
  async conflicts(viewer: AuthUser, id: string): Promise<ConflictView[]> {
    await this.plans.section(viewer, id, 'INTELLIGENCE');
    return this.conflictsOf(this.dataSource.manager, viewer, id);
  }

  /** The hits of a plan the viewer has just read (a page): none unless they see its Intelligence (R14a). */
  hitsSeenBy(viewer: AuthUser, plan: { id: string }): Promise<ConflictView[]> {
    return this.conflictsOf(this.dataSource.manager, viewer, plan.id);
  }

  /** Every hit recorded for an operation the caller has already been shown to see: none unless `reader` sees its Intelligence (R14a). */
  async conflictsOf(manager: EntityManager, reader: Reader, id: string): Promise<ConflictView[]> {
    const iso = (at: string | Date) => new Date(at).toISOString();
    const acknowledged = <T extends { at: string } | null>(ack: T): T => (ack ? { ...ack, at: iso(ack.at) } : ack);
    return (await this.hits.hits(manager, reader, id)).map((row) => ({
      ...row,
      matched: matchedWords(row.kinds),
      raisedAt: iso(row.raisedAt),
      acknowledgement: acknowledged(row.acknowledgement),
      theirAcknowledgement: acknowledged(row.theirAcknowledgement),
    }));
  }

  /**
   * The owner acknowledges their side of a hit with a note (once for all it lists); the other owner
   * sees it. An acknowledgement is not an edit of the plan: it is made on an approved or active plan
   * too, and does not withdraw approval; once the plan has ended (completed, cancelled or stood down)
   * there is nothing left to acknowledge.
   */
  async acknowledge(viewer: AuthUser, id: string, hitId: string, input: AcknowledgeDto): Promise<ConflictView[]> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      assertOwner(viewer, row, 'acknowledge the hits of');
      assertVersion(row, input.version);
      if (planHasEnded(row.status)) {
        const ended = label('status', row.status).toLowerCase();
        throw new DomainError(
          'INVALID_TRANSITION',
          `${row.reference} has been ${ended}: its deconfliction hits no longer need acknowledging`,
          { status: row.status },
        );
      }
      const hit = await this.hits.acknowledge(manager, id, hitId, input.note, viewer.id);
      if (!hit) throw DomainError.notFound('Deconfliction hit', hitId);
      await this.access.update(manager, row, {});
      await this.audit.append(manager, {
        operationId: id,
        action: 'deconfliction.acknowledged',
        actor: viewer,
        before: null,
        after: { other: hit.reference, hitId, kinds: hit.kinds, note: input.note },
      });
    });
    return this.conflicts(viewer, id);
  }
}
