import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { inTransaction } from '../database/transaction';
import { HitBudget } from '../operations/hit-budget';
import { assertOwner, assertVersion, OperationAccess } from '../operations/operation-access';
import { planHasEnded } from '../operations/plan-actions';
import { PlanEvents } from '../operations/plan-events';
import { PlansService } from '../operations/plans.service';
import { Reader } from '../operations/visibility.sql';
import { together } from '../database/together';
import { matchedWords, SubjectsService } from '../subjects/subjects.service';
import { DeconflictionRepository } from './deconfliction.repository';
import { AcknowledgeDto, ConflictView } from './dto/workflow.dto';

/**
 * R13: two operations whose windows overlap and that share a postcode are a hit for both,
 * whoever leads them. A hit is recorded when it is raised, in both plans' histories, and stays
 * visible to both owners after the places or times that raised it change: deconfliction
 * cannot be used to learn other agencies' operations without a trace. Each user may raise
 * only so many hits an hour (HitBudget).
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
    private readonly subjects: SubjectsService,
  ) {}

  onModuleInit(): void {
    this.planEvents.onPlaceOrTimeChanged((manager, viewer, change) => this.raise(manager, viewer, change.operationId));
  }

  /** Records the hits a change of places or window raised, for both plans, counted against the user who made it. */
  private async raise(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<void> {
    await this.budget.assertLeft(manager, viewer);
    const raised = await DeconflictionRepository.raise(manager, operationId, viewer.id);
    await this.budget.spend(manager, viewer, raised.length);
    for (const hit of raised) {
      const record = (chain: string, other: string) =>
        this.audit.append(manager, { operationId: chain, action: 'deconfliction.hit-raised', actor: viewer, before: null, after: { other, sharedPostcodes: hit.postcodes } });
      await record(operationId, hit.otherReference);
      await record(hit.otherId, hit.reference);
    }
  }

  /** The hits of an operation whose Intelligence the caller sees (404 when they may not see it, 403 when it is not shared), current ones first. */
  async conflicts(viewer: AuthUser, id: string): Promise<ConflictView[]> {
    await this.plans.section(viewer, id, 'INTELLIGENCE');
    return this.conflictsOf(this.dataSource.manager, viewer, id);
  }

  /** The hits of a plan the viewer has just read (a page): none unless they see its Intelligence (R14a). */
  hitsSeenBy(viewer: AuthUser, plan: { id: string }): Promise<ConflictView[]> {
    return this.conflictsOf(this.dataSource.manager, viewer, plan.id);
  }

  /**
   * Every hit recorded for an operation the caller has already been shown to see, of place and
   * time, then of subjects: none unless `reader` sees its Intelligence (R14a).
   */
  async conflictsOf(manager: EntityManager, reader: Reader, id: string): Promise<ConflictView[]> {
    const iso = (at: string | Date) => new Date(at).toISOString();
    const acknowledged = <T extends { at: string } | null>(ack: T): T => (ack ? { ...ack, at: iso(ack.at) } : ack);
    const [places, subjects] = await together(manager, [() => DeconflictionRepository.hits(manager, reader, id), () => this.subjects.hitsOf(manager, reader, id)] as const);
    const placeHits: ConflictView[] = places.map((row) => ({
      ...row,
      basis: 'PLACE_AND_TIME',
      matched: null,
      raisedAt: row.raisedAt.toISOString(),
      overlap: row.overlap && { startsAt: iso(row.overlap.startsAt), endsAt: iso(row.overlap.endsAt) },
      acknowledgement: acknowledged(row.acknowledgement),
      theirAcknowledgement: acknowledged(row.theirAcknowledgement),
    }));
    const subjectHits: ConflictView[] = subjects.map(({ kind, ...row }) => ({
      ...row,
      basis: 'SUBJECT',
      matched: matchedWords(kind),
      raisedAt: iso(row.raisedAt),
      sharedPostcodes: [],
      overlap: null,
      acknowledgement: acknowledged(row.acknowledgement),
      theirAcknowledgement: acknowledged(row.theirAcknowledgement),
    }));
    return [...placeHits, ...subjectHits].sort((a, b) => Number(b.current) - Number(a.current));
  }

  /**
   * The owner acknowledges a hit with a note; the other owner sees it. An acknowledgement is not an
   * edit of the plan: it is made on an approved or active plan too, and does not withdraw approval;
   * once the plan has ended (completed, cancelled or stood down) there is nothing left to acknowledge.
   */
  async acknowledge(viewer: AuthUser, id: string, hitId: string, input: AcknowledgeDto): Promise<ConflictView[]> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      assertOwner(viewer, row, 'acknowledge the hits of');
      assertVersion(row, input.version);
      if (planHasEnded(row.status)) {
        const ended = label('status', row.status).toLowerCase();
        throw new DomainError('INVALID_TRANSITION', `${row.reference} has been ${ended}: its deconfliction hits no longer need acknowledging`, { status: row.status });
      }
      const hit = await DeconflictionRepository.hit(manager, id, hitId);
      let after: Record<string, unknown>;
      if (hit) {
        await DeconflictionRepository.acknowledge(manager, id, hit.otherId, input.note, viewer.id);
        after = { other: hit.reference, note: input.note };
      } else {
        const subjectHit = await this.subjects.acknowledge(manager, id, hitId, input.note, viewer.id);
        if (!subjectHit) throw DomainError.notFound('Deconfliction hit', hitId);
        after = { other: subjectHit.reference, matched: matchedWords(subjectHit.kind), note: input.note };
      }
      await this.access.update(manager, row, {});
      await this.audit.append(manager, { operationId: id, action: 'deconfliction.acknowledged', actor: viewer, before: null, after });
    });
    return this.conflicts(viewer, id);
  }
}
