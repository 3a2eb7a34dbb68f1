import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { HitBudget } from '../operations/hit-budget';
import { OperationAccess } from '../operations/operation-access';
import { PlansService } from '../operations/plans.service';
import { Reader } from '../operations/visibility.sql';
import { AddSubjectDto, PlanSubjectsView, SubjectView } from './dto/subject.dto';
import { SubjectMatchKey } from './match-key';
import { normaliseSubject } from './normalise';
import { SubjectHitRow, SubjectRow, SubjectsRepository } from './subjects.repository';

function toView(row: SubjectRow): SubjectView {
  const d = row.details as { fullName?: string; dateOfBirth?: string; aliases?: string[]; phone?: string; registration?: string; email?: string };
  return {
    id: row.id,
    kind: row.kind,
    fullName: d.fullName ?? null,
    dateOfBirth: d.dateOfBirth ?? null,
    aliases: d.aliases ?? [],
    phone: d.phone ?? null,
    registration: d.registration ?? null,
    email: d.email ?? null,
    addedBy: row.addedBy,
    addedAt: new Date(row.addedAt).toISOString(),
  };
}

/** "a phone number": what a hit says matched, never the value. */
export const matchedWords = (kind: SubjectRow['kind']) => label('subjectKind', kind).toLowerCase();

/**
 * Subjects of interest on a plan, matched blind against every other plan neither completed nor
 * cancelled, whatever its dates: each identifier is normalised and kept as a keyed hash, and a
 * shared hash is a hit for both owners, who learn only the other plan's reference, lead agency,
 * a contact, and what kind of identifier matched. Only those who may see a plan see its subjects (R14);
 * its owner adds and removes them (R15), against the version they saw (R10).
 */
@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly matchKey: SubjectMatchKey,
    private readonly budget: HitBudget,
  ) {}

  /** A plan's subjects, for those who see its Intelligence section (R14a). */
  async list(viewer: AuthUser, operationId: string): Promise<PlanSubjectsView> {
    const plan = await this.plans.section(viewer, operationId, 'INTELLIGENCE');
    return { operationVersion: plan.version, subjects: await this.subjectsOf(viewer, plan) };
  }

  /** The subjects of a plan the caller has just read (so may see): none unless they see its Intelligence. */
  async subjectsOf(viewer: AuthUser, plan: { id: string }): Promise<SubjectView[]> {
    return (await SubjectsRepository.list(this.dataSource.manager, viewer, plan.id)).map(toView);
  }

  async add(viewer: AuthUser, operationId: string, input: AddSubjectDto): Promise<PlanSubjectsView> {
    const normalised = normaliseSubject(input);
    if (Array.isArray(normalised)) throw validationError(normalised);
    const keys = normalised.matchTexts.map((text) => this.matchKey.of(text));
    const operationVersion = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      await this.budget.assertLeft(manager, viewer);
      await SubjectsRepository.lockKeys(manager, keys);
      const subjectId = await SubjectsRepository.insert(manager, { operationId, kind: input.kind, details: normalised.details, addedBy: viewer.id, keys });
      const updated = await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'subject.added',
        actor: viewer,
        before: null,
        after: { subjectId, kind: input.kind, matchKeys: keys.map((key) => key.toString('hex')).sort() },
      });
      await this.raiseHits(manager, viewer, { id: operationId, reference: row.reference }, input.kind, keys);
      return updated.version;
    });
    return { operationVersion, subjects: await this.subjectsOf(viewer, { id: operationId }) };
  }

  async remove(viewer: AuthUser, operationId: string, subjectId: string, version: number): Promise<PlanSubjectsView> {
    const operationVersion = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const removed = await SubjectsRepository.remove(manager, operationId, subjectId);
      if (!removed) throw DomainError.notFound('Subject', subjectId);
      const updated = await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, { operationId, action: 'subject.removed', actor: viewer, before: { subjectId, kind: removed.kind, matchKeys: removed.keys }, after: null });
      return updated.version;
    });
    return { operationVersion, subjects: await this.subjectsOf(viewer, { id: operationId }) };
  }

  /** The subject hits of a plan the caller has already been shown to see. */
  hitsOf(manager: EntityManager, reader: Reader, operationId: string): Promise<SubjectHitRow[]> {
    return SubjectsRepository.hits(manager, reader, operationId);
  }

  /** The owner's acknowledgement of a subject hit, or undefined when the hit is not one of the plan's subject hits. */
  acknowledge(manager: EntityManager, operationId: string, hitId: string, note: string, by: string) {
    return SubjectsRepository.acknowledge(manager, operationId, hitId, note, by);
  }

  /**
   * Records a hit for both plans with every other open plan holding one of the keys, once per
   * kind of identifier, in both histories and counted against the user; the other plan is not
   * changed (R9 does not apply to it), its owner is told through Your tasks.
   */
  private async raiseHits(manager: EntityManager, viewer: AuthUser, plan: { id: string; reference: string }, kind: SubjectRow['kind'], keys: Buffer[]): Promise<void> {
    const others = await SubjectsRepository.othersHolding(manager, plan.id, keys);
    const raised = new Set(await SubjectsRepository.raise(manager, plan.id, others.map((other) => other.otherId), kind, viewer.id));
    const fresh = others.filter((other) => raised.has(other.otherId));
    await this.budget.spend(manager, viewer, fresh.length);
    for (const other of fresh) {
      const record = (chain: string, reference: string) =>
        this.audit.append(manager, { operationId: chain, action: 'deconfliction.subject-hit-raised', actor: viewer, before: null, after: { other: reference, matched: matchedWords(kind) } });
      await record(plan.id, other.reference);
      await record(other.otherId, plan.reference);
    }
  }
}
