import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { HistoryEventView } from '../audit/dto/audit.dto';
import { AuthUser } from '../common/auth/auth-user';
import type { PlanSection } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { together } from '../database/together';
import { decodeCursor, encodeCursor } from './cursor';
import { historyInWords, referencedNames } from './history-words';
import { OperationPage, OperationQueryDto } from './dto/operation.dto';
import { DeploymentView, EvidenceRequirementView, OperationView } from './dto/plan-view.dto';
import { OperationRepository } from './operation.repository';
import { PlanHistoryRepository } from './plan-history.repository';
import { PlanReadRepository } from './plan-read.repository';
import { toDeploymentView, toEvidenceView, toOperationView, toSummary } from './plan-views';
import { Reader, WHOLE_PLAN } from './visibility.sql';

const DEFAULT_PAGE = 20;
const REFERENCE = /^OP-\d{4}-\d{4,9}$/;

/** Reading plans: the whole plan, a page of plans, and a plan's history, for those who may see them (R14). */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly operations: OperationRepository,
    private readonly planHistory: PlanHistoryRepository,
    private readonly reads: PlanReadRepository,
  ) {}

  /** The whole plan, in a query for the operation and one per list it holds. */
  async get(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationView> {
    return this.read(viewer, id, manager, 'visible');
  }

  /**
   * Every section of a plan the caller has been shown to see, for the service's own rules
   * (readiness counts what a partner may not read): never answered to anyone as it is.
   */
  async whole(id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationView> {
    return this.read(WHOLE_PLAN, id, manager, 'already-checked');
  }

  /**
   * The plan as its owner has just changed it, read in the change's transaction: the answer to a
   * change that the owner may no longer see once it commits (handing the lead to another agency).
   */
  async asChangedBy(viewer: AuthUser, id: string, manager: EntityManager): Promise<OperationView> {
    return this.read(viewer, id, manager, 'already-checked');
  }

  /** The whole plan with this reference, if the viewer may see it: the web UI's pages are addressed by reference. */
  async getByReference(viewer: AuthUser, reference: string): Promise<OperationView> {
    if (!REFERENCE.test(reference)) throw DomainError.notFound('Operation', reference);
    return this.read(viewer, { reference }, this.dataSource.manager, 'visible');
  }

  /** The plan as `reader` may see it (R14a): a query for the operation with its locations, and one for each of its deployments and evidence, each holding to the sections. */
  private async read(
    reader: Reader,
    which: string | { reference: string },
    manager: EntityManager,
    scope: 'visible' | 'already-checked',
  ): Promise<OperationView> {
    const row = await this.reads.plan(manager, reader, which, scope);
    if (!row) throw DomainError.notFound('Operation', typeof which === 'string' ? which : which.reference);
    const [deployments, evidence] = await together(manager, [
      () => this.reads.deployments(manager, reader, { operationId: row.id }),
      () => this.reads.evidence(manager, reader, { operationId: row.id }),
    ] as const);
    return toOperationView(reader, row, { deployments, evidence });
  }

  async list(viewer: AuthUser, query: OperationQueryDto): Promise<OperationPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.operations.listPage(this.dataSource.manager, viewer, {
      filters: OperationRepository.listFilters(query),
      before,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  }

  /** Just enough of a visible operation to answer for it: 404 when the viewer may not see it. */
  async summary(
    viewer: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; reference: string; version: number }> {
    const row = await this.operations.summary(manager, viewer, id);
    if (!row) throw DomainError.notFound('Operation', id);
    return row;
  }

  /**
   * Just enough of a visible operation to answer for one of its sections: 404 when the viewer may
   * not see the plan, 403 naming the owner to ask when the section is not shared with them (R14a).
   */
  async section(viewer: AuthUser, id: string, section: PlanSection): Promise<{ id: string; reference: string; version: number }> {
    const row = await this.operations.section(this.dataSource.manager, viewer, id, section);
    if (!row) throw DomainError.notFound('Operation', id);
    if (!row.sees) {
      throw new DomainError(
        'FORBIDDEN',
        `The ${label('sectionName', section).toLowerCase()} section of ${row.reference} is not shared with your agency: ask the plan’s owner, ${row.owner}`,
        { section },
      );
    }
    return { id: row.id, reference: row.reference, version: row.version };
  }

  /** A plan's history, each event as far as the viewer may read it (R14c), and in words. */
  async history(viewer: AuthUser, id: string): Promise<HistoryEventView[]> {
    await this.summary(viewer, id);
    return this.historyOf(viewer, { id });
  }

  /**
   * The history of a plan the viewer has just read (so may see), as far as they may read it: each
   * event with its summary in words, the ids and codes it holds named in one query for the whole history.
   */
  async historyOf(viewer: AuthUser, plan: Pick<OperationView, 'id'>): Promise<HistoryEventView[]> {
    const manager = this.dataSource.manager;
    const events = await this.planHistory.history(manager, viewer, plan.id);
    const summaries = historyInWords(events, await this.planHistory.names(manager, referencedNames(events)));
    return events.map((event, index) => ({ ...event, summary: summaries[index] }));
  }

  /** The position of the newest event in the history of a plan the caller has just read. */
  lastChangeOf(plan: Pick<OperationView, 'id'>): Promise<number> {
    return this.audit.lastSeq(plan.id);
  }

  /** One deployment as the plan shows it to `viewer` (for a partner, who may lose sight of the plan by declining). */
  async deployment(viewer: AuthUser, deploymentId: string, manager: EntityManager = this.dataSource.manager): Promise<DeploymentView> {
    const [row] = await this.reads.deployments(manager, viewer, { deploymentId });
    return toDeploymentView(row);
  }

  /** An operation's evidence requirements, or one of them, as the plan shows them to `viewer` (R14a). */
  async evidence(
    viewer: AuthUser,
    of: { operationId: string } | { requirementId: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EvidenceRequirementView[]> {
    return (await this.reads.evidence(manager, viewer, of)).map(toEvidenceView);
  }
}
