import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { AdditionLimit } from '../operations/addition-limit';
import { OperationAccess } from '../operations/operation-access';
import { PlanEvents } from '../operations/plan-events';
import { PlansService } from '../operations/plans.service';
import { AddSubjectDto, PlanSubjectsView, SubjectView } from './dto/subject.dto';
import { SubjectMatchKey } from './match-key';
import { normaliseSubject } from './normalise';
import { SubjectRow, SubjectsRepository } from './subjects.repository';

function toView(row: SubjectRow): SubjectView {
  const d = row.details as {
    fullName?: string;
    dateOfBirth?: string;
    aliases?: string[];
    phone?: string;
    registration?: string;
    email?: string;
  };
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

/**
 * Subjects of interest on a plan, matched blind against every other plan that has not ended,
 * whatever its dates: each identifier is normalised and kept as a keyed hash; deconfliction hears
 * of each subject added (PlanEvents) and records a hit for both owners on a shared hash, who learn
 * only the other plan's reference, lead agency, a contact, and what kind of identifier matched.
 * Each identifier a subject is matched by counts against the user's daily limit on additions,
 * whether or not it matches. Only those who may see a plan see its subjects (R14); its owner adds
 * and removes them (R15), against the version they saw (R10). Removing one changes no hit.
 */
@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly matchKey: SubjectMatchKey,
    private readonly additions: AdditionLimit,
    private readonly planEvents: PlanEvents,
    private readonly subjects: SubjectsRepository,
  ) {}

  /** A plan's subjects, for those who see its Intelligence section (R14a). */
  async list(viewer: AuthUser, operationId: string): Promise<PlanSubjectsView> {
    const plan = await this.plans.section(viewer, operationId, 'INTELLIGENCE');
    return { operationVersion: plan.version, subjects: await this.subjectsOf(viewer, plan) };
  }

  /** The subjects of a plan the caller has just read (so may see): none unless they see its Intelligence. */
  async subjectsOf(viewer: AuthUser, plan: { id: string }): Promise<SubjectView[]> {
    return (await this.subjects.list(this.dataSource.manager, viewer, plan.id)).map(toView);
  }

  async add(viewer: AuthUser, operationId: string, input: AddSubjectDto): Promise<PlanSubjectsView> {
    const normalised = normaliseSubject(input);
    if (Array.isArray(normalised)) throw validationError(normalised);
    const keys = normalised.matchTexts.map((text) => this.matchKey.of(text));
    const operationVersion = await this.additions.reportingRefusals(() =>
      inTransaction(this.dataSource, async (manager) => {
        const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
        await this.additions.spend(manager, viewer, operationId, keys.length);
        await this.subjects.lockKeys(manager, keys);
        const subjectId = await this.subjects.insert(manager, {
          operationId,
          kind: input.kind,
          details: normalised.details,
          addedBy: viewer.id,
          keys,
        });
        const updated = await this.access.updatePlan(manager, viewer, row, {});
        await this.audit.append(manager, {
          operationId,
          action: 'subject.added',
          actor: viewer,
          before: null,
          after: { subjectId, kind: input.kind, matchKeys: keys.map((key) => key.toString('hex')).sort() },
        });
        await this.planEvents.subjectAdded(manager, viewer, { operationId, keys });
        return updated.version;
      }),
    );
    return { operationVersion, subjects: await this.subjectsOf(viewer, { id: operationId }) };
  }

  async remove(viewer: AuthUser, operationId: string, subjectId: string, version: number): Promise<PlanSubjectsView> {
    const operationVersion = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const removed = await this.subjects.remove(manager, operationId, subjectId);
      if (!removed) throw DomainError.notFound('Subject', subjectId);
      const updated = await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'subject.removed',
        actor: viewer,
        before: { subjectId, kind: removed.kind, matchKeys: removed.keys },
        after: null,
      });
      return updated.version;
    });
    return { operationVersion, subjects: await this.subjectsOf(viewer, { id: operationId }) };
  }
}
