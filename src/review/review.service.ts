import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { prepared } from '../database/prepared';
import { together } from '../database/together';
import { inTransaction } from '../database/transaction';
import { PolicyService } from '../lead-policy/policy.service';
import { OperationView } from '../operations/dto/operation.dto';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationsService } from '../operations/operations.service';
import { OperationRow } from '../operations/operation-row';
import { mayEditPlan } from '../operations/visibility';
import { briefingBlocks, toHtml, toMarkdown } from './briefing';
import { AcknowledgeDto, CompleteDto, ConflictView, ReadinessView, ReviewDto } from './dto/review.dto';
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
  ) {}

  /** R11, re-evaluated against the current policy and data on every call. */
  async readiness(
    viewer: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    stage: ReadinessStage['stage'] = 'submit',
  ): Promise<ReadinessView> {
    const plan = await this.operations.get(viewer, id, manager);
    const [conflicts, rules] = await together(manager, [() => this.conflictsOf(manager, id), () => this.policy.rules(manager)] as const);
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
        conflicts: conflicts.map((c) => ({ reference: c.reference, acknowledged: c.acknowledgement !== null })),
      },
      rules,
      stage === 'start' ? { stage, startWindowHours: this.config.START_WINDOW_HOURS } : { stage },
    );
  }

  /**
   * R13: other operations, of any agency, whose windows overlap this one's and that share a
   * postcode. Only the other's reference, lead agency and a contact are shown.
   */
  async conflicts(viewer: AuthUser, id: string): Promise<ConflictView[]> {
    await this.operations.summary(viewer, id);
    return this.conflictsOf(this.dataSource.manager, id);
  }

  /** The deconfliction hits of an operation the caller has already been shown to see. */
  private async conflictsOf(manager: EntityManager, id: string): Promise<ConflictView[]> {
    const rows = await manager.query(
      prepared(`SELECT other.id AS "operationId", other.reference,
              CASE WHEN la.id IS NULL THEN NULL ELSE json_build_object('code', la.code, 'name', la.name) END AS "leadAgency",
              COALESCE(
                (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
                  WHERE u.id = other.created_by AND other.created_by_agency_id = COALESCE(other.lead_agency_id, other.created_by_agency_id)),
                (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
                  WHERE u.agency_id = other.lead_agency_id AND 'COORDINATOR' = ANY (u.roles) AND u.active
                  ORDER BY u.created_at LIMIT 1)) AS contact,
              array_agg(DISTINCT theirs.postcode ORDER BY theirs.postcode) AS "sharedPostcodes",
              json_build_object('startsAt', greatest(me.starts_at, other.starts_at), 'endsAt', least(me.ends_at, other.ends_at)) AS overlap,
              CASE WHEN ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                'note', ack.note, 'at', ack.acknowledged_at,
                'by', json_build_object('id', au.id, 'name', au.name, 'email', au.email)) END AS acknowledgement,
              CASE WHEN their_ack.operation_id IS NULL THEN NULL ELSE json_build_object(
                'note', their_ack.note, 'at', their_ack.acknowledged_at,
                'by', json_build_object('name', tu.name, 'email', tu.email, 'agency', ta.code)) END AS "theirAcknowledgement"
         FROM operations me
         JOIN operation_locations mine ON mine.operation_id = me.id
         JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id <> me.id
         JOIN operations other ON other.id = theirs.operation_id
         LEFT JOIN agencies la ON la.id = other.lead_agency_id
         LEFT JOIN conflict_acknowledgements ack ON ack.operation_id = me.id AND ack.other_operation_id = other.id
         LEFT JOIN users au ON au.id = ack.acknowledged_by
         LEFT JOIN conflict_acknowledgements their_ack ON their_ack.operation_id = other.id AND their_ack.other_operation_id = me.id
         LEFT JOIN users tu ON tu.id = their_ack.acknowledged_by
         LEFT JOIN agencies ta ON ta.id = tu.agency_id
        WHERE me.id = $1
          AND other.status <> 'CANCELLED'
          AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(me.starts_at, me.ends_at, '[)')
        GROUP BY me.id, other.id, la.id, ack.operation_id, ack.other_operation_id, au.id,
                 their_ack.operation_id, their_ack.other_operation_id, tu.id, ta.id
        ORDER BY other.starts_at, other.reference`),
      [id],
    );
    const iso = (at: string) => new Date(at).toISOString();
    return rows.map((row: ConflictView) => ({
      ...row,
      overlap: { startsAt: iso(row.overlap.startsAt), endsAt: iso(row.overlap.endsAt) },
      acknowledgement: row.acknowledgement && { ...row.acknowledgement, at: iso(row.acknowledgement.at) },
      theirAcknowledgement: row.theirAcknowledgement && { ...row.theirAcknowledgement, at: iso(row.theirAcknowledgement.at) },
    }));
  }

  async acknowledge(viewer: AuthUser, id: string, otherId: string, input: AcknowledgeDto): Promise<ConflictView[]> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, id, input.version);
      const hit = (await this.conflictsOf(manager, id)).find((conflict) => conflict.operationId === otherId);
      if (!hit) throw DomainError.notFound('Deconfliction hit', otherId);
      await manager.query(
        `INSERT INTO conflict_acknowledgements (operation_id, other_operation_id, note, acknowledged_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (operation_id, other_operation_id) DO UPDATE SET note = $3, acknowledged_by = $4, acknowledged_at = now()`,
        [id, otherId, input.note, viewer.id],
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

  /** R12: a manager of the lead agency, neither the plan's creator nor its last editor, against the version they read. */
  async review(viewer: AuthUser, id: string, input: ReviewDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      if (!hasRole(viewer, 'MANAGER') || viewer.agencyId !== row.leadAgencyId) {
        throw DomainError.forbidden(`Only a manager of the lead agency reviews ${row.reference}`);
      }
      if (viewer.id === row.createdBy || viewer.id === row.updatedBy) {
        throw new DomainError(
          'SELF_APPROVAL',
          `Four eyes: you ${viewer.id === row.createdBy ? 'created' : 'last changed'} ${row.reference}, so another manager must review it`,
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
  private async releaseTeams(manager: EntityManager, viewer: AuthUser, id: string, reason: string): Promise<{ team: string; status: string }[]> {
    const [rows]: [{ team: string; status: string }[], number] = await manager.query(
      `UPDATE deployments d SET status = 'RELEASED', released_by = $2, released_at = now(), release_reason = $3, version = d.version + 1
         FROM deployments prior JOIN teams t ON t.id = prior.team_id
        WHERE prior.id = d.id AND d.operation_id = $1 AND d.status IN ('REQUESTED', 'CONFIRMED')
        RETURNING t.name AS team, prior.status`,
      [id, viewer.id, reason],
    );
    return rows;
  }
}

