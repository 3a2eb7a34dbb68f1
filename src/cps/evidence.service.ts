import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { OFFENCES } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { capabilityWarning } from '../common/evidence-fit';
import { label } from '../common/labels';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { DeploymentEvents } from '../deployments/deployment-events';
import { assertEditable, assertOwner, assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { evidenceIsGathered } from '../operations/plan-actions';
import { PlansService } from '../operations/plans.service';
import { CpsService } from './cps.service';
import {
  AssignEvidenceDto,
  CreateEvidenceRequirementDto,
  EvidenceMatrixView,
  EvidenceWriteView,
  GatheredEvidenceDto,
  UpdateEvidenceRequirementDto,
} from './dto/cps.dto';
import { EvidenceRepository, RequirementContent, RequirementRow } from './evidence.repository';
import { EVIDENCE_MOVES, EvidenceMove, mayMoveEvidence } from './evidence-moves';

type Written = { version: number; requirementId: string };

/**
 * The evidence a prosecution needs: the engaged liaison sets requirements, the owner gives each
 * to a confirmed team, that team's agency gathers it (from the day on, until the liaison closes
 * gathering), and the liaison accepts or rejects it. Each step is made against the requirement's
 * own version (R10).
 */
@Injectable()
export class EvidenceService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly cps: CpsService,
    private readonly deploymentEvents: DeploymentEvents,
    private readonly requirements: EvidenceRepository,
  ) {}

  onModuleInit(): void {
    this.deploymentEvents.onTeamWithdrawn((manager, viewer, withdrawn) =>
      this.unassignTeam(manager, viewer, withdrawn.operationId, withdrawn.teamId, withdrawn.teamName),
    );
  }

  /** Part of the plan, so against the plan's version. */
  async add(viewer: AuthUser, operationId: string, input: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    assertOffenceText(input.offence, input.offenceOther);
    return this.write(viewer, operationId, async (manager) => {
      const row = await this.cps.lockForLiaison(manager, viewer, operationId);
      assertVersion(row, input.version);
      assertEditable(row);
      const content: RequirementContent = {
        offence: input.offence,
        offenceOther: input.offenceOther ?? null,
        evidenceType: input.evidenceType,
        description: input.description,
        priority: input.priority,
      };
      const id = await this.requirements.insert(manager, operationId, content, viewer.id);
      const { version: _version, ...fields } = definedFields(input);
      return this.finish(manager, viewer, row, id, 'evidence.added', null, { requirementId: id, status: 'OPEN', ...fields });
    });
  }

  async update(
    viewer: AuthUser,
    operationId: string,
    requirementId: string,
    input: UpdateEvidenceRequirementDto,
  ): Promise<EvidenceWriteView> {
    return this.write(viewer, operationId, async (manager) => {
      const row = await this.cps.lockForLiaison(manager, viewer, operationId);
      assertEditable(row);
      const requirement = await this.requirement(manager, operationId, requirementId, input.version);
      assertStatus(requirement, 'change', 'edited');
      const offence = input.offence ?? requirement.offence;
      const offenceOther = offence === 'OTHER' ? (input.offenceOther ?? requirement.offenceOther ?? undefined) : input.offenceOther;
      assertOffenceText(offence, offenceOther);
      const next: RequirementContent = {
        offence,
        offenceOther: offence === 'OTHER' ? (offenceOther ?? null) : null,
        evidenceType: input.evidenceType ?? requirement.evidenceType,
        description: input.description ?? requirement.description,
        priority: input.priority ?? requirement.priority,
      };
      await this.requirements.update(manager, requirementId, next);
      const { id: _id, version: _version, status: _status, assignedTeamId: _team, assignedAgencyId: _agency, ...before } = requirement;
      return this.finish(manager, viewer, row, requirementId, 'evidence.updated', { requirementId, ...before }, { requirementId, ...next });
    });
  }

  /** The owner gives a requirement to a team that is confirmed on the operation. */
  async assign(viewer: AuthUser, operationId: string, requirementId: string, input: AssignEvidenceDto): Promise<EvidenceWriteView> {
    return this.write(viewer, operationId, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      assertOwner(viewer, row, 'assign the evidence of');
      assertEditable(row);
      const requirement = await this.requirement(manager, operationId, requirementId, input.version);
      assertStatus(requirement, 'assign', 'assigned');
      const team = await this.requirements.team(manager, operationId, input.teamId);
      if (!team) throw DomainError.notFound('Team', input.teamId);
      if (!team.deployed) {
        throw new DomainError(
          'TEAM_NOT_DEPLOYED',
          `${team.name} has no confirmed deployment on ${row.reference}; deploy it and have it confirmed first`,
          { team: team.name },
        );
      }
      await this.requirements.assign(manager, requirementId, team.id);
      const warning = capabilityWarning(requirement.evidenceType, team);
      return this.finish(
        manager,
        viewer,
        row,
        requirementId,
        'evidence.assigned',
        { requirementId, status: requirement.status, teamId: requirement.assignedTeamId },
        { requirementId, status: 'ASSIGNED', teamId: team.id, team: team.name, ...(warning ? { warning } : {}) },
      );
    });
  }

  /**
   * A coordinator of the assigned team's agency records the evidence as gathered: once the day of
   * action has started, after it is completed or stood down too, until the liaison closes gathering.
   */
  async gathered(viewer: AuthUser, operationId: string, requirementId: string, input: GatheredEvidenceDto): Promise<EvidenceWriteView> {
    return this.write(viewer, operationId, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (!hasRole(viewer, 'COORDINATOR') || viewer.agencyId !== requirement.assignedAgencyId) {
        throw DomainError.forbidden('Only a coordinator of the agency whose team is assigned this requirement may mark it gathered');
      }
      assertRequirementVersion(requirement, input.version);
      assertStatus(requirement, 'gather', 'gathered');
      if (!evidenceIsGathered(row.status)) {
        const why =
          row.status === 'CANCELLED' ? `${row.reference} was cancelled before its day of action` : `${row.reference} has not started yet`;
        throw new DomainError('INVALID_TRANSITION', `Evidence is recorded as gathered from the start of the day of action: ${why}`, {
          status: row.status,
        });
      }
      await this.cps.assertGatheringOpen(manager, row);
      await this.requirements.gathered(manager, requirementId, input.note, viewer.id);
      return this.finish(
        manager,
        viewer,
        row,
        requirementId,
        'evidence.gathered',
        { requirementId, status: requirement.status },
        { requirementId, status: 'GATHERED', note: input.note },
        false,
      );
    });
  }

  /** The engaged liaison accepts or rejects gathered evidence. */
  async decide(
    viewer: AuthUser,
    operationId: string,
    requirementId: string,
    version: number,
    decision: 'ACCEPTED' | 'REJECTED',
    reason?: string,
  ): Promise<EvidenceWriteView> {
    return this.write(viewer, operationId, async (manager) => {
      const row = await this.cps.lockForLiaison(manager, viewer, operationId);
      const requirement = await this.requirement(manager, operationId, requirementId, version);
      assertStatus(requirement, 'decide', 'accepted or rejected');
      await this.cps.assertGatheringOpen(manager, row);
      await this.requirements.decide(manager, requirementId, { status: decision, by: viewer.id, reason: reason ?? null });
      const action = decision === 'ACCEPTED' ? 'evidence.accepted' : 'evidence.rejected';
      return this.finish(
        manager,
        viewer,
        row,
        requirementId,
        action,
        { requirementId, status: 'GATHERED' },
        { requirementId, status: decision, ...(reason ? { reason } : {}) },
        false,
      );
    });
  }

  /** What the prosecution needs, grouped by offence, with who gathers each part and how far it has got. */
  async matrix(viewer: AuthUser, operationId: string): Promise<EvidenceMatrixView> {
    const { id, version } = await this.plans.summary(viewer, operationId);
    const requirements = await this.plans.evidence(viewer, { operationId });
    const offences = OFFENCES.map((offence) => ({
      offence,
      label: label('offence', offence),
      requirements: requirements.filter((requirement) => requirement.offence === offence),
    })).filter((group) => group.requirements.length > 0);
    const count = (predicate: (r: (typeof requirements)[number]) => boolean) => requirements.filter(predicate).length;
    return {
      operationId: id,
      version,
      offences,
      summary: {
        total: requirements.length,
        essential: count((r) => r.priority === 'ESSENTIAL'),
        essentialUnassigned: count((r) => r.priority === 'ESSENTIAL' && !r.assignedTeam),
        gathered: count((r) => r.status === 'GATHERED'),
        accepted: count((r) => r.status === 'ACCEPTED'),
        rejected: count((r) => r.status === 'REJECTED'),
        warnings: count((r) => r.warning !== null),
      },
    };
  }

  /** A team that left the plan (declined, or released by the owner) no longer gathers its evidence: each requirement goes back to OPEN. */
  private async unassignTeam(
    manager: EntityManager,
    viewer: AuthUser,
    operationId: string,
    teamId: string,
    teamName: string,
  ): Promise<void> {
    for (const requirement of await this.requirements.unassignTeam(manager, operationId, teamId)) {
      await this.audit.append(manager, {
        operationId,
        action: 'evidence.unassigned',
        actor: viewer,
        before: { requirementId: requirement.id, team: teamName },
        after: { requirementId: requirement.id, status: 'OPEN', reason: `${teamName} no longer takes part` },
      });
    }
  }

  private async write(
    viewer: AuthUser,
    operationId: string,
    work: (manager: EntityManager) => Promise<Written>,
  ): Promise<EvidenceWriteView> {
    const { version, requirementId } = await inTransaction(this.dataSource, work);
    const [requirement] = await this.plans.evidence(viewer, { requirementId });
    return { operationId, operationVersion: version, requirement };
  }

  /** Setting and assigning requirements changes the plan (R9); gathering and judging evidence does not touch it. */
  private async finish(
    manager: EntityManager,
    viewer: AuthUser,
    row: OperationRow,
    requirementId: string,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    changesPlan = true,
  ): Promise<Written> {
    const version = changesPlan ? (await this.access.updatePlan(manager, viewer, row, {})).version : row.version;
    await this.audit.append(manager, { operationId: row.id, action, actor: viewer, before, after });
    return { version, requirementId };
  }

  /** The requirement, locked; with `version`, only if the client saw that version of it. */
  private async requirement(manager: EntityManager, operationId: string, requirementId: string, version?: number): Promise<RequirementRow> {
    const row = await this.requirements.lock(manager, operationId, requirementId);
    if (!row) throw DomainError.notFound('Evidence requirement', requirementId);
    if (version !== undefined) assertRequirementVersion(row, version);
    return row;
  }
}

function assertRequirementVersion(requirement: RequirementRow, version: number): void {
  if (requirement.version !== version) throw DomainError.staleVersion('The evidence requirement', version, requirement.version);
}

function assertStatus(requirement: RequirementRow, move: EvidenceMove, what: string): void {
  if (!mayMoveEvidence(requirement.status, move)) {
    const words = (status: RequirementRow['status']) => label('evidenceStatus', status).toLowerCase();
    throw new DomainError(
      'INVALID_TRANSITION',
      `The requirement is ${words(requirement.status)}; only ${EVIDENCE_MOVES[move].map(words).join(' or ')} requirements are ${what}`,
      {
        status: requirement.status,
      },
    );
  }
}

function assertOffenceText(offence: string, offenceOther: string | undefined | null): void {
  if (offence === 'OTHER' && !offenceOther)
    throw validationError([{ field: 'offenceOther', problems: ['Enter the offence, in words, when it is another offence'] }]);
  if (offence !== 'OTHER' && offenceOther)
    throw validationError([{ field: 'offenceOther', problems: ['Leave the offence in words empty unless it is another offence'] }]);
}
