import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { together } from '../database/together';
import { inTransaction } from '../database/transaction';
import { PolicyService } from '../lead-policy/policy.service';
import { OperationView } from '../operations/dto/operation.dto';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationsService } from '../operations/operations.service';
import { OperationRow } from '../operations/operation-row';
import { mayEditPlan } from '../operations/visibility';
import { briefingBlocks, toHtml, toMarkdown } from './briefing';
import { DeconflictionService } from './deconfliction.service';
import { CompleteDto, ReadinessView, ReviewDto } from './dto/review.dto';
import { LifecycleAction, nextStatus } from './lifecycle';
import { outcomeProblems } from './outcomes';
import { readiness, ReadinessStage } from './readiness';
import { CANCELLED_RELEASE, COMPLETED_RELEASE } from './release-reasons';

type OwnerAction = Extract<LifecycleAction, 'submit' | 'withdraw' | 'start' | 'complete' | 'cancel'>;

@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly operations: OperationsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly deconfliction: DeconflictionService,
  ) {}

  /**
   * R11, re-evaluated against the current policy and data on every call: the checks for
   * submitting, or, once the plan is approved, the go/no-go of starting it.
   */
  async readiness(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager, stage?: ReadinessStage['stage']): Promise<ReadinessView> {
    const plan = await this.operations.get(viewer, id, manager);
    stage ??= plan.status === 'APPROVED' ? 'start' : 'submit';
    const [conflicts, rules] = await together(manager, [() => this.deconfliction.conflictsOf(manager, id), () => this.policy.rules(manager)] as const);
    return readiness(
      {
        now: new Date(),
        startsAt: new Date(plan.startsAt),
        endsAt: new Date(plan.endsAt),
        exploitationTypes: plan.exploitationTypes,
        scope: plan.scope,
        lead: plan.leadAgency,
        locationCount: plan.locations.length,
        deployments: plan.deployments
          .filter((d) => d.status === 'REQUESTED' || d.status === 'CONFIRMED')
          .map((d) => ({
            teamId: d.team.id,
            teamName: d.team.name,
            agencyCode: d.agency.code,
            agencyKind: d.agency.kind,
            status: d.status as 'REQUESTED' | 'CONFIRMED',
            capabilities: d.team.capabilities,
          })),
        cps: plan.cpsInvolvement && {
          status: plan.cpsInvolvement.status,
          engagedAt: plan.cpsInvolvement.engagedAt ? new Date(plan.cpsInvolvement.engagedAt) : null,
        },
        evidence: plan.evidenceRequirements.map((r) => ({
          description: r.description,
          priority: r.priority,
          assignedTeamId: r.assignedTeam?.id ?? null,
          warning: r.warning,
        })),
        expectedPotentialVictims: plan.safeguarding.expectedPotentialVictims,
        receptionCentre: plan.safeguarding.receptionCentre,
        languages: plan.safeguarding.languages,
        conflicts: conflicts.filter((c) => c.current).map((c) => ({ reference: c.reference, acknowledged: c.acknowledgement !== null })),
      },
      rules,
      stage === 'start' ? { stage, startWindowHours: this.config.START_WINDOW_HOURS } : { stage },
    );
  }

  submit(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.ownerTransition(viewer, id, version, 'submit', {}, {}, (manager) => this.assertReady(viewer, id, manager, 'submit'));
  }

  withdraw(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.ownerTransition(viewer, id, version, 'withdraw', {});
  }

  /** Go/no-go: from START_WINDOW_HOURS before the window opens, and only while every blocking check still passes. */
  start(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.ownerTransition(viewer, id, version, 'start', {}, {}, (manager) => this.assertReady(viewer, id, manager, 'start'));
  }

  /** Records the outcomes and releases the teams; the plan keeps who was deployed, and evidence gathering goes on. */
  complete(viewer: AuthUser, id: string, input: CompleteDto): Promise<OperationView> {
    const outcomes = definedFields(input.outcomes);
    const problems = outcomeProblems(input.outcomes);
    if (problems.length) throw validationError(problems);
    return this.ownerTransition(viewer, id, input.version, 'complete', { outcomes: JSON.stringify(outcomes) }, { outcomes }, async (manager, row) => {
      if (Date.now() < row.startsAt.getTime()) {
        throw new DomainError('INVALID_TRANSITION', `${row.reference} starts at ${row.startsAt.toISOString()}; it can be completed only after it has started`, {
          startsAt: row.startsAt.toISOString(),
        });
      }
      return { releasedTeams: await this.releaseTeams(manager, viewer, id, COMPLETED_RELEASE) };
    });
  }

  cancel(viewer: AuthUser, id: string, version: number, reason: string): Promise<OperationView> {
    return this.ownerTransition(viewer, id, version, 'cancel', { cancel_reason: reason }, { reason }, async (manager) => ({
      releasedTeams: await this.releaseTeams(manager, viewer, id, CANCELLED_RELEASE),
    }));
  }

  private async assertReady(viewer: AuthUser, id: string, manager: EntityManager, stage: 'submit' | 'start'): Promise<void> {
    const result = await this.readiness(viewer, id, manager, stage);
    if (result.ready) return;
    const failing = result.checks.filter((check) => check.blocking && !check.ok);
    throw new DomainError('NOT_READY', `The plan is not ready to ${stage}: ${failing.map((check) => check.message).join('; ')}`, { checks: failing });
  }

  /** R12: a manager of the lead agency who neither created the plan nor changed its content since it was last approved, against the version they read. */
  async review(viewer: AuthUser, id: string, input: ReviewDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      if (!hasRole(viewer, 'MANAGER') || viewer.agencyId !== row.leadAgencyId) {
        throw DomainError.forbidden(`Only a manager of the lead agency reviews ${row.reference}`);
      }
      if (viewer.id === row.createdBy || row.contentEditors.includes(viewer.id)) {
        throw new DomainError(
          'SELF_APPROVAL',
          `Four eyes: you ${viewer.id === row.createdBy ? 'created' : 'changed'} ${row.reference}${viewer.id === row.createdBy ? '' : ' since it was last approved'}, so another manager must review it`,
        );
      }
      assertVersion(row, input.version);
      const approve = input.decision === 'APPROVE';
      const status = nextStatus(row.status, approve ? 'approve' : 'request-changes');
      const comment = input.comment ?? '';
      await manager.query(
        `INSERT INTO reviews (operation_id, decision, comment, reviewer_id, version_reviewed) VALUES ($1, $2, $3, $4, $5)`,
        [id, input.decision, comment, viewer.id, input.version],
      );
      await this.access.update(manager, row, {
        status,
        approved_by: approve ? viewer.id : null,
        approved_at: approve ? new Date() : null,
        ...(approve ? { content_editors: [] } : {}),
      });
      await this.audit.append(manager, {
        operationId: id,
        action: approve ? 'operation.approved' : 'operation.changes-requested',
        actor: viewer,
        before: { status: row.status },
        after: { status, comment, versionReviewed: input.version },
      });
    });
    return this.operations.get(viewer, id);
  }

  async briefing(viewer: AuthUser, id: string, format: 'markdown' | 'html'): Promise<string> {
    const blocks = briefingBlocks(await this.operations.get(viewer, id));
    return format === 'html' ? toHtml(blocks) : toMarkdown(blocks);
  }

  private async ownerTransition(
    viewer: AuthUser,
    id: string,
    version: number,
    action: OwnerAction,
    changes: Record<string, unknown>,
    detail: Record<string, unknown> = {},
    before?: (manager: EntityManager, row: OperationRow) => Promise<Record<string, unknown> | void>,
  ): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      if (!mayEditPlan(viewer, row)) throw DomainError.forbidden(`Only a coordinator of the owning agency may ${action} ${row.reference}`);
      assertVersion(row, version);
      const status = nextStatus(row.status, action);
      const recorded = await before?.(manager, row);
      await this.access.update(manager, row, { ...changes, status });
      await this.audit.append(manager, {
        operationId: id,
        action: `operation.${action}`,
        actor: viewer,
        before: { status: row.status },
        after: { status, ...detail, ...recorded },
      });
    });
    return this.operations.get(viewer, id);
  }

  /** Cancelling or completing frees every team the operation held; each keeps what it was deployed for, and why it was released. */
  private async releaseTeams(manager: EntityManager, viewer: AuthUser, id: string, reason: string): Promise<Record<string, unknown>[]> {
    const [rows]: [Record<string, unknown>[], number] = await manager.query(
      `UPDATE deployments d SET status = 'RELEASED', released_by = $2, released_at = now(), release_reason = $3, version = d.version + 1
         FROM deployments prior JOIN teams t ON t.id = prior.team_id JOIN agencies a ON a.id = prior.team_agency_id
        WHERE prior.id = d.id AND d.operation_id = $1 AND d.status IN ('REQUESTED', 'CONFIRMED')
        RETURNING t.name AS team, a.code AS agency, prior.status, prior.headcount, prior.tasking,
                  prior.starts_at AS "startsAt", prior.ends_at AS "endsAt"`,
      [id, viewer.id, reason],
    );
    return rows;
  }
}

