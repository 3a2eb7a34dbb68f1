import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { HistoryEventView } from '../audit/dto/audit.dto';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { together } from '../database/together';
import { decodeCursor, encodeCursor } from './cursor';
import { OperationPage, OperationQueryDto } from './dto/operation.dto';
import { DeploymentView, EvidenceRequirementView, OperationView } from './dto/plan-view.dto';
import { OperationRepository } from './operation.repository';
import { PlanReadRepository } from './plan-read.repository';
import { toDeploymentView, toEvidenceView, toOperationView, toSummary } from './plan-views';

const DEFAULT_PAGE = 20;
const REFERENCE = /^OP-\d{4}-\d{4,9}$/;

/** Reading plans: the whole plan, a page of plans, and a plan's history, for those who may see them (R14). */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The whole plan, in a query for the operation and one per list it holds. */
  async get(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationView> {
    return this.read(viewer, id, manager, viewer);
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
    return this.read(viewer, { reference }, this.dataSource.manager, viewer);
  }

  private async read(viewer: AuthUser, which: string | { reference: string }, manager: EntityManager, scope: AuthUser | 'already-checked'): Promise<OperationView> {
    const row = await PlanReadRepository.plan(manager, scope, which);
    if (!row) throw DomainError.notFound('Operation', typeof which === 'string' ? which : which.reference);
    const [locations, deployments, evidence] = await together(manager, [
      () => OperationRepository.locations(manager, row.id),
      () => PlanReadRepository.deployments(manager, { operationId: row.id }),
      () => PlanReadRepository.evidence(manager, { operationId: row.id }),
    ] as const);
    return toOperationView(viewer, row, { locations, deployments, evidence });
  }

  async list(viewer: AuthUser, query: OperationQueryDto): Promise<OperationPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await OperationRepository.listPage(this.dataSource.manager, viewer, { filters: OperationRepository.listFilters(query), before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  }

  /** Just enough of a visible operation to answer for it: 404 when the viewer may not see it. */
  async summary(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; reference: string; version: number }> {
    const row = await OperationRepository.summary(manager, viewer, id);
    if (!row) throw DomainError.notFound('Operation', id);
    return row;
  }

  async history(viewer: AuthUser, id: string): Promise<HistoryEventView[]> {
    await this.summary(viewer, id);
    return this.audit.history(id);
  }

  /** The history of a plan the caller has just read (so may see). */
  historyOf(plan: Pick<OperationView, 'id'>): Promise<HistoryEventView[]> {
    return this.audit.history(plan.id);
  }

  /** The position of the newest event in the history of a plan the caller has just read. */
  lastChangeOf(plan: Pick<OperationView, 'id'>): Promise<number> {
    return this.audit.lastSeq(plan.id);
  }

  /** One deployment as the plan shows it (for a partner, who may lose sight of the plan by declining). */
  async deployment(deploymentId: string, manager: EntityManager = this.dataSource.manager): Promise<DeploymentView> {
    const [row] = await PlanReadRepository.deployments(manager, { deploymentId });
    return toDeploymentView(row);
  }

  /** An operation's evidence requirements, or one of them, as the plan shows them. */
  async evidence(of: { operationId: string } | { requirementId: string }, manager: EntityManager = this.dataSource.manager): Promise<EvidenceRequirementView[]> {
    return (await PlanReadRepository.evidence(manager, of)).map(toEvidenceView);
  }
}
