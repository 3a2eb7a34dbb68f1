import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import type { AgencyKind } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { pgErrorCode } from '../database/pg-errors';
import { inTransaction } from '../database/transaction';
import { maySupport } from '../lead-policy/policy';
import { PolicyService } from '../lead-policy/policy.service';
import { DeploymentDecisionView, OperationView } from '../operations/dto/operation.dto';
import { assertEditable, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { OperationsService } from '../operations/operations.service';
import { owningAgencyId } from '../operations/visibility';
import { CreateDeploymentDto, DeclineDeploymentDto } from './dto/deployment.dto';
import { Booking, doubleBookingError } from './double-booking';

type DeploymentStatus = 'REQUESTED' | 'CONFIRMED' | 'DECLINED' | 'RELEASED';

interface DeploymentRow {
  id: string;
  version: number;
  teamId: string;
  startsAt: Date;
  endsAt: Date;
  teamAgencyId: string;
  teamName: string;
  agencyCode: string;
  status: DeploymentStatus;
}

interface TeamRow {
  id: string;
  name: string;
  capacity: number;
  agencyId: string;
  agencyCode: string;
  agencyKind: AgencyKind;
}

@Injectable()
export class DeploymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly operations: OperationsService,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
  ) {}

  /** The owner asks for a team (R2, R5, R6, R7): its own teams are confirmed at once, a partner's are requested. */
  async request(viewer: AuthUser, operationId: string, input: CreateDeploymentDto): Promise<OperationView> {
    let booking: { startsAt: Date; endsAt: Date } | undefined;
    try {
      await inTransaction(this.dataSource, async (manager) => {
        const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
        const team = await this.team(manager, input.teamId);
        const verdict = maySupport(team.agencyKind, row, await this.policy.rules(manager));
        if (!verdict.permitted) {
          throw new DomainError('SUPPORT_NOT_PERMITTED', verdict.reason, { rule: verdict.rule, agency: team.agencyCode });
        }
        if (input.headcount > team.capacity) {
          throw new DomainError('CAPACITY_EXCEEDED', `${team.name} has ${team.capacity} officers; a headcount of ${input.headcount} is more than it has`, {
            capacity: team.capacity,
            headcount: input.headcount,
          });
        }
        booking = this.window(row, input);
        const ownTeam = team.agencyId === owningAgencyId(row);
        const status: DeploymentStatus = ownTeam ? 'CONFIRMED' : 'REQUESTED';
        const [{ id }] = await manager.query(
          `INSERT INTO deployments (operation_id, team_id, team_agency_id, headcount, tasking, starts_at, ends_at,
             follows_operation_window, status, requested_by, responded_by, responded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11::uuid IS NULL THEN NULL ELSE now() END)
           RETURNING id`,
          [
            operationId,
            team.id,
            team.agencyId,
            input.headcount,
            input.tasking ?? '',
            booking.startsAt,
            booking.endsAt,
            !input.startsAt && !input.endsAt,
            status,
            viewer.id,
            ownTeam ? viewer.id : null,
          ],
        );
        await this.access.updatePlan(manager, viewer, row, {});
        await this.audit.append(manager, {
          operationId,
          action: 'deployment.requested',
          actor: viewer,
          before: null,
          after: { deploymentId: id, team: team.name, agency: team.agencyCode, headcount: input.headcount, tasking: input.tasking ?? '', status, ...booking },
        });
      });
    } catch (error) {
      if (pgErrorCode(error) === '23P01' && booking) {
        throw await doubleBookingError(this.dataSource.manager, viewer, { teamIds: [input.teamId], operationId, ...booking });
      }
      throw error;
    }
    return this.operations.get(viewer, operationId);
  }

  /** R7: a coordinator of the team's agency confirms its requested deployment, against the deployment's version. */
  confirm(viewer: AuthUser, operationId: string, deploymentId: string, version: number): Promise<DeploymentDecisionView> {
    return this.respond(viewer, operationId, deploymentId, version, 'CONFIRMED');
  }

  /** A declining agency stops seeing the plan (R14), so the answer is the deployment, not the plan. */
  decline(viewer: AuthUser, operationId: string, deploymentId: string, input: DeclineDeploymentDto): Promise<DeploymentDecisionView> {
    return this.respond(viewer, operationId, deploymentId, input.version, 'DECLINED', input.reason);
  }

  /** The owner releases a team: the deployment stops counting, so the team is free for other operations. */
  async release(viewer: AuthUser, operationId: string, deploymentId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const deployment = await this.deployment(manager, operationId, deploymentId);
      if (deployment.status !== 'REQUESTED' && deployment.status !== 'CONFIRMED') {
        throw new DomainError('INVALID_TRANSITION', `The deployment of ${deployment.teamName} is already ${deployment.status}`, {
          status: deployment.status,
        });
      }
      await manager.query(
        `UPDATE deployments SET status = 'RELEASED', released_by = $2, released_at = now(), release_reason = 'released by the owner', version = version + 1
          WHERE id = $1`,
        [deploymentId, viewer.id],
      );
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'deployment.released',
        actor: viewer,
        before: { deploymentId, team: deployment.teamName, status: deployment.status },
        after: { deploymentId, team: deployment.teamName, status: 'RELEASED' },
      });
    });
    return this.operations.get(viewer, operationId);
  }

  /**
   * A partner's answer changes its deployment only: it is checked against the deployment's
   * version, so partners answering at the same moment do not collide, and the plan's version
   * (what the owner edits against) stays. The plan's row lock keeps the answer in step with
   * the owner's changes and the audit chain in order.
   */
  private async respond(
    viewer: AuthUser,
    operationId: string,
    deploymentId: string,
    version: number,
    status: 'CONFIRMED' | 'DECLINED',
    reason?: string,
  ): Promise<DeploymentDecisionView> {
    let booking: Booking | undefined;
    try {
      const operationVersion = await this.answer(viewer, operationId, deploymentId, version, status, reason, (clash) => (booking = clash));
      return { operationId, operationVersion, deployment: await this.operations.deployment(deploymentId) };
    } catch (error) {
      // R5: confirming books the team; a confirmed booking of it elsewhere in that window refuses it.
      if (pgErrorCode(error) === '23P01' && booking) throw await doubleBookingError(this.dataSource.manager, viewer, booking);
      throw error;
    }
  }

  private answer(
    viewer: AuthUser,
    operationId: string,
    deploymentId: string,
    version: number,
    status: 'CONFIRMED' | 'DECLINED',
    reason: string | undefined,
    booking: (clash: Booking) => void,
  ): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const deployment = await this.deployment(manager, operationId, deploymentId);
      if (!hasRole(viewer, 'COORDINATOR') || viewer.agencyId !== deployment.teamAgencyId) {
        throw DomainError.forbidden(`Only a coordinator of ${deployment.agencyCode} may confirm or decline the deployment of ${deployment.teamName}`);
      }
      if (deployment.version !== version) throw DomainError.staleVersion(`The deployment of ${deployment.teamName}`, version, deployment.version);
      assertEditable(row);
      if (deployment.status !== 'REQUESTED') {
        throw new DomainError('INVALID_TRANSITION', `The deployment of ${deployment.teamName} is ${deployment.status}, not REQUESTED`, {
          status: deployment.status,
        });
      }
      booking({ teamIds: [deployment.teamId], operationId, startsAt: deployment.startsAt, endsAt: deployment.endsAt });
      await manager.query(
        `UPDATE deployments SET status = $2, responded_by = $3, responded_at = now(), decline_reason = $4, version = version + 1 WHERE id = $1`,
        [deploymentId, status, viewer.id, reason ?? null],
      );
      await this.audit.append(manager, {
        operationId,
        action: status === 'CONFIRMED' ? 'deployment.confirmed' : 'deployment.declined',
        actor: viewer,
        before: { deploymentId, team: deployment.teamName, status: deployment.status },
        after: { deploymentId, team: deployment.teamName, status, ...(reason ? { reason } : {}) },
      });
      return row.version;
    });
  }

  /** The deployment's window: the operation's unless given, and always inside it. */
  private window(row: OperationRow, input: CreateDeploymentDto): { startsAt: Date; endsAt: Date } {
    const startsAt = input.startsAt ? new Date(input.startsAt) : row.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : row.endsAt;
    const problems: { field: string; problems: string[] }[] = [];
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', problems: ['endsAt must be after startsAt'] });
    if (startsAt < row.startsAt || endsAt > row.endsAt) {
      problems.push({
        field: input.startsAt ? 'startsAt' : 'endsAt',
        problems: [`the deployment must lie inside the operation's window, ${row.startsAt.toISOString()} to ${row.endsAt.toISOString()}`],
      });
    }
    if (problems.length) throw validationError(problems);
    return { startsAt, endsAt };
  }

  private async team(manager: EntityManager, teamId: string): Promise<TeamRow> {
    const [team] = await manager.query(
      `SELECT t.id, t.name, t.capacity, t.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind"
         FROM teams t JOIN agencies a ON a.id = t.agency_id WHERE t.id = $1 FOR SHARE OF t`,
      [teamId],
    );
    if (!team) throw DomainError.notFound('Team', teamId);
    return team;
  }

  private async deployment(manager: EntityManager, operationId: string, deploymentId: string): Promise<DeploymentRow> {
    const [deployment] = await manager.query(
      `SELECT d.id, d.version, d.team_id AS "teamId", d.starts_at AS "startsAt", d.ends_at AS "endsAt", d.team_agency_id AS "teamAgencyId", d.status, t.name AS "teamName", a.code AS "agencyCode"
         FROM deployments d JOIN teams t ON t.id = d.team_id JOIN agencies a ON a.id = d.team_agency_id
        WHERE d.id = $1 AND d.operation_id = $2 FOR UPDATE OF d`,
      [deploymentId, operationId],
    );
    if (!deployment) throw DomainError.notFound('Deployment', deploymentId);
    return deployment;
  }
}
