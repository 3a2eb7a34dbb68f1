import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import type { AgencyKind, DeploymentStatus, Power } from '../common/domain';
import { counted, label } from '../common/labels';
import { DomainError } from '../common/errors/domain-error';
import { pgErrorCode } from '../database/pg-errors';
import { inTransaction, underSavepoint } from '../database/transaction';
import { maySupport } from '../lead-policy/policy';
import { PolicyService } from '../lead-policy/policy.service';
import { OperationView } from '../operations/dto/plan-view.dto';
import { assertEditable, OperationAccess } from '../operations/operation-access';
import { PlansService } from '../operations/plans.service';
import { owningAgencyId } from '../operations/ownership';
import { DeploymentEvents } from './deployment-events';
import { Answerer, DeploymentOrder, DeploymentRepository, LockedDeployment, Window } from './deployment.repository';
import { deploymentWindow } from './deployment-window';
import {
  CreateDeploymentDto,
  DeclineDeploymentDto,
  DeploymentDecisionView,
  DeploymentRecordView,
  UpdateDeploymentDto,
} from './dto/deployment.dto';
import { doubleBookingError } from './double-booking';
import { OWNER_RELEASE } from '../common/release-reasons';

/** Supporting teams: the owner asks for them, their agencies answer, the owner releases them (R2, R5, R6, R7). */
@Injectable()
export class DeploymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly events: DeploymentEvents,
    private readonly deployments: DeploymentRepository,
  ) {}

  /** The owner asks for a team: its own teams are confirmed at once (and book it), a partner's are requested. */
  async request(viewer: AuthUser, operationId: string, input: CreateDeploymentDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      const team = await this.deployments.team(manager, input.teamId);
      if (!team) throw DomainError.notFound('Team', input.teamId);
      const verdict = maySupport(team.agencyKind, row, await this.policy.rules(manager));
      if (!verdict.permitted)
        throw new DomainError('SUPPORT_NOT_PERMITTED', verdict.reason, { rule: verdict.rule, agency: team.agencyCode });
      if (input.headcount > team.capacity) {
        throw new DomainError(
          'CAPACITY_EXCEEDED',
          `${team.name} has ${counted(team.capacity, 'officer')}; ${counted(input.headcount, 'officer')} is more than it has`,
          {
            capacity: team.capacity,
            headcount: input.headcount,
          },
        );
      }
      const window = deploymentWindow(row, input);
      const status: DeploymentStatus = team.agencyId === owningAgencyId(row) ? 'CONFIRMED' : 'REQUESTED';
      const order: DeploymentOrder = {
        tasking: input.tasking ?? '',
        powers: input.powers ?? [],
        rvPointId: input.rvPointId ?? null,
        callSign: input.callSign ?? null,
        locationIds: [...(input.locationIds ?? [])].sort(),
      };
      await this.assertPowersHeld(manager, { name: team.name, agencyCode: team.agencyCode, agencyKind: team.agencyKind }, order.powers);
      const id = await this.booking(manager, viewer, { teamIds: [team.id], operationId, ...window }, () =>
        this.deployments.insert(manager, {
          operationId,
          team,
          headcount: input.headcount,
          order,
          window,
          followsOperationWindow: !input.startsAt && !input.endsAt,
          status,
          by: viewer.id,
        }),
      );
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'deployment.requested',
        actor: viewer,
        before: null,
        after: {
          deploymentId: id,
          team: team.name,
          agency: team.agencyCode,
          headcount: input.headcount,
          status,
          ...window,
          ...orderOf(order),
        },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  /** The owner changes a deployment's part in the order: its tasking, the powers it needs, its RV point and call sign. */
  async changeOrder(viewer: AuthUser, operationId: string, deploymentId: string, input: UpdateDeploymentDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      const deployment = await this.lock(manager, operationId, deploymentId);
      if (deployment.status !== 'REQUESTED' && deployment.status !== 'CONFIRMED') {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${deployment.teamName} has been ${label('deploymentStatus', deployment.status).toLowerCase()}: only a requested or confirmed team's order can change`,
          { status: deployment.status },
        );
      }
      const current: DeploymentOrder = {
        tasking: deployment.tasking,
        powers: deployment.powers,
        rvPointId: deployment.rvPointId,
        callSign: deployment.callSign,
        locationIds: deployment.locationIds,
      };
      const next: DeploymentOrder = {
        tasking: input.tasking ?? current.tasking,
        powers: input.powers ?? current.powers,
        rvPointId: input.rvPointId === undefined ? current.rvPointId : input.rvPointId,
        callSign: input.callSign === undefined ? current.callSign : input.callSign,
        locationIds: input.locationIds ? [...input.locationIds].sort() : current.locationIds,
      };
      if (JSON.stringify(current) === JSON.stringify(next)) return;
      await this.assertPowersHeld(
        manager,
        { name: deployment.teamName, agencyCode: deployment.agencyCode, agencyKind: deployment.agencyKind },
        next.powers,
      );
      await this.deployments.changeOrder(manager, operationId, deploymentId, next);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'deployment.changed',
        actor: viewer,
        before: { deploymentId, team: deployment.teamName, ...orderOf(current) },
        after: { deploymentId, team: deployment.teamName, ...orderOf(next) },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  /**
   * One deployment and the plan it is on, for whoever may read it (R14): anyone who sees the plan
   * (another agency's team as team, agency and status), and the team's own agency even once it has
   * left the plan, declined or released by the owner.
   */
  async record(
    viewer: AuthUser,
    which: { operationId: string } | { reference: string },
    deploymentId: string,
  ): Promise<DeploymentRecordView> {
    const plan = await this.deployments.record(this.dataSource.manager, viewer, which, deploymentId);
    if (!plan) throw DomainError.notFound('Deployment', deploymentId);
    const { classification, handlingInstruction, ...rest } = plan;
    return { ...rest, marking: { classification, handlingInstruction }, deployment: await this.plans.deployment(viewer, deploymentId) };
  }

  /** Which teams another plan already holds during this plan's window: the plan as its viewer read it (so one they may see). */
  async busyTeams(plan: Pick<OperationView, 'id' | 'startsAt' | 'endsAt'>): Promise<Map<string, 'CONFIRMED' | 'REQUESTED'>> {
    const rows = await this.deployments.busyTeams(this.dataSource.manager, plan.id, {
      startsAt: new Date(plan.startsAt),
      endsAt: new Date(plan.endsAt),
    });
    return new Map(rows.map((row) => [row.teamId, row.status]));
  }

  /**
   * R7: a coordinator of the team's agency confirms its requested deployment, against the
   * deployment's version; a manager of it does while the agency has no active coordinator.
   */
  confirm(viewer: AuthUser, operationId: string, deploymentId: string, version: number): Promise<DeploymentDecisionView> {
    return this.answer(viewer, operationId, deploymentId, version, 'CONFIRMED');
  }

  /** A declining agency stops seeing the plan (R14), so the answer is the deployment, not the plan. */
  decline(viewer: AuthUser, operationId: string, deploymentId: string, input: DeclineDeploymentDto): Promise<DeploymentDecisionView> {
    return this.answer(viewer, operationId, deploymentId, input.version, 'DECLINED', input.reason);
  }

  /** The owner releases a team: the deployment stops counting, so the team is free for other operations. */
  async release(viewer: AuthUser, operationId: string, deploymentId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const deployment = await this.lock(manager, operationId, deploymentId);
      if (deployment.status !== 'REQUESTED' && deployment.status !== 'CONFIRMED') {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${deployment.teamName} has already been ${label('deploymentStatus', deployment.status).toLowerCase()}`,
          { status: deployment.status },
        );
      }
      await this.deployments.release(manager, deploymentId, viewer.id, OWNER_RELEASE);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'deployment.released',
        actor: viewer,
        before: { deploymentId, team: deployment.teamName, status: deployment.status },
        after: { deploymentId, team: deployment.teamName, status: 'RELEASED' },
      });
      await this.events.teamWithdrawn(manager, viewer, { operationId, teamId: deployment.teamId, teamName: deployment.teamName });
    });
    return this.plans.get(viewer, operationId);
  }

  /** Cancelling or completing frees every team the plan held; answers what each was deployed for, for the record. */
  releaseAll(manager: EntityManager, viewer: AuthUser, operationId: string, reason: string): Promise<Record<string, unknown>[]> {
    return this.deployments.releaseAll(manager, operationId, viewer.id, reason);
  }

  /**
   * A partner's answer changes its deployment only: it is checked against the deployment's
   * version, so partners answering at the same moment do not collide, and the plan's version
   * (what the owner edits against) stays. The plan's row lock keeps the answer in step with
   * the owner's changes and the audit chain in order. Confirming books the team (R5). Who may
   * answer is read in the same transaction: an agency with no active coordinator answers through
   * its managers, so a request to it does not wait for a role nobody there holds.
   */
  private async answer(
    viewer: AuthUser,
    operationId: string,
    deploymentId: string,
    version: number,
    status: 'CONFIRMED' | 'DECLINED',
    reason?: string,
  ): Promise<DeploymentDecisionView> {
    const operationVersion = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const deployment = await this.lock(manager, operationId, deploymentId);
      const answerer = await this.deployments.answerer(manager, deployment.teamAgencyId);
      if (!hasRole(viewer, answerer) || viewer.agencyId !== deployment.teamAgencyId) {
        throw DomainError.forbidden(
          answerer === 'COORDINATOR'
            ? `Only a coordinator of ${deployment.agencyCode} may confirm or decline the deployment of ${deployment.teamName}`
            : `${deployment.agencyCode} has no coordinator, so only a manager of ${deployment.agencyCode} may confirm or decline the deployment of ${deployment.teamName}`,
        );
      }
      if (deployment.version !== version)
        throw DomainError.staleVersion(`The deployment of ${deployment.teamName}`, version, deployment.version);
      assertEditable(row);
      if (deployment.status !== 'REQUESTED') {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${deployment.teamName} has already been ${label('deploymentStatus', deployment.status).toLowerCase()}: only a request still waiting can be confirmed or declined`,
          { status: deployment.status },
        );
      }
      if (status === 'CONFIRMED' && deployment.headcount > deployment.teamCapacity) {
        throw new DomainError(
          'CAPACITY_EXCEEDED',
          `${deployment.teamName} now has ${deployment.teamCapacity} officers, fewer than the ${deployment.headcount} asked for; ask the owner to lower the headcount, or decline`,
          { capacity: deployment.teamCapacity, headcount: deployment.headcount },
        );
      }
      const booking = { teamIds: [deployment.teamId], operationId, startsAt: deployment.startsAt, endsAt: deployment.endsAt };
      await this.booking(manager, viewer, booking, () =>
        this.deployments.answer(manager, deploymentId, { status, by: viewer.id, reason: reason ?? null }),
      );
      await this.audit.append(manager, {
        operationId,
        action: status === 'CONFIRMED' ? 'deployment.confirmed' : 'deployment.declined',
        actor: viewer,
        before: { deploymentId, team: deployment.teamName, status: deployment.status },
        after: { deploymentId, team: deployment.teamName, status, ...(reason ? { reason } : {}) },
      });
      if (status === 'DECLINED')
        await this.events.teamWithdrawn(manager, viewer, { operationId, teamId: deployment.teamId, teamName: deployment.teamName });
      return row.version;
    });
    return { operationId, operationVersion, deployment: await this.plans.deployment(viewer, deploymentId) };
  }

  /** Who answers requests for each agency's teams now (R7): its coordinators, its managers while it has none, or nobody. */
  async answerers(agencyIds: string[]): Promise<Map<string, Answerer>> {
    const rows = agencyIds.length ? await this.deployments.answerers(this.dataSource.manager, [...new Set(agencyIds)]) : [];
    return new Map(rows.map((row) => [row.agencyId, row.answerer]));
  }

  /** Runs a write that may book a team; a double booking (R5) is explained as far as the caller may see the other plan. */
  async booking<T>(
    manager: EntityManager,
    viewer: AuthUser,
    booking: { teamIds: string[]; operationId: string } & Window,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await underSavepoint(manager, write);
    } catch (error) {
      if (pgErrorCode(error) === '23P01') throw doubleBookingError(await this.deployments.clash(manager, viewer, booking));
      throw error;
    }
  }

  /** A team is tasked only with powers its agency holds (reference data by kind of agency). */
  private async assertPowersHeld(
    manager: EntityManager,
    team: { name: string; agencyCode: string; agencyKind: AgencyKind },
    powers: Power[],
  ): Promise<void> {
    if (powers.length === 0) return;
    const held = new Set(await this.deployments.heldPowers(manager, team.agencyKind));
    const missing = powers.filter((power) => !held.has(power));
    if (missing.length === 0) return;
    const names = missing.map((power) => label('power', power).toLowerCase()).join(', ');
    throw new DomainError(
      'POWER_NOT_HELD',
      `${team.name} (${team.agencyCode}) cannot be tasked with ${names}: ${label('agencyKind', team.agencyKind)} officers do not hold ${missing.length === 1 ? 'that power' : 'those powers'}; task a team of an agency that does`,
      {
        powers: missing,
        agency: team.agencyCode,
      },
    );
  }

  private async lock(manager: EntityManager, operationId: string, deploymentId: string): Promise<LockedDeployment> {
    const deployment = await this.deployments.lock(manager, operationId, deploymentId);
    if (!deployment) throw DomainError.notFound('Deployment', deploymentId);
    return deployment;
  }
}

/** What the audit records of a deployment's part in the order. */
function orderOf(order: DeploymentOrder) {
  const { tasking, powers, rvPointId, callSign, locationIds } = order;
  return { tasking, powers, rvPointId, callSign, locationIds };
}
