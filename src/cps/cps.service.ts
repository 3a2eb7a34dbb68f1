import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { EvidenceType, OFFENCES } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { SqlParams } from '../database/sql-params';
import { inTransaction } from '../database/transaction';
import { OperationView } from '../operations/dto/operation.dto';
import { assertEditable, assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { OperationsService } from '../operations/operations.service';
import {
  AssignEvidenceDto,
  CreateEvidenceRequirementDto,
  EvidenceMatrixView,
  EvidenceWriteView,
  GatheredEvidenceDto,
  UpdateEvidenceRequirementDto,
} from './dto/cps.dto';
import { capabilityWarning, OFFENCE_LABELS } from './evidence-fit';
import { evidenceViews } from './evidence-views';

interface InvolvementRow {
  status: 'REQUESTED' | 'ENGAGED' | 'WITHDRAWN';
  liaisonId: string | null;
}

interface RequirementRow {
  id: string;
  status: 'OPEN' | 'ASSIGNED' | 'GATHERED' | 'ACCEPTED' | 'REJECTED';
  offence: string;
  offenceOther: string | null;
  evidenceType: EvidenceType;
  description: string;
  priority: string;
  assignedTeamId: string | null;
  assignedAgencyId: string | null;
}

@Injectable()
export class CpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly operations: OperationsService,
    private readonly audit: AuditService,
  ) {}

  /** The owner asks for early CPS involvement: from now every CPS liaison can see the plan. */
  async request(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const current = await this.involvement(manager, operationId);
      if (current && current.status !== 'WITHDRAWN') {
        throw new DomainError('INVALID_TRANSITION', `CPS involvement in ${row.reference} is already ${current.status}`, { status: current.status });
      }
      await manager.query(
        `INSERT INTO cps_involvements (operation_id, status, requested_by) VALUES ($1, 'REQUESTED', $2)
         ON CONFLICT (operation_id) DO UPDATE
           SET status = 'REQUESTED', requested_by = $2, requested_at = now(), liaison_id = NULL, engaged_at = NULL, withdrawn_at = NULL`,
        [operationId, viewer.id],
      );
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, { operationId, action: 'cps.requested', actor: viewer, before: null, after: { status: 'REQUESTED' } });
    });
    return this.operations.get(viewer, operationId);
  }

  /** The owner withdraws a request no liaison has accepted yet. */
  async withdraw(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const current = await this.involvement(manager, operationId);
      if (current?.status !== 'REQUESTED') {
        throw new DomainError('INVALID_TRANSITION', `There is no open CPS request on ${row.reference} to withdraw (it is ${current?.status ?? 'not requested'})`, {
          status: current?.status ?? null,
        });
      }
      await manager.query(`UPDATE cps_involvements SET status = 'WITHDRAWN', withdrawn_at = now() WHERE operation_id = $1`, [operationId]);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, { operationId, action: 'cps.withdrawn', actor: viewer, before: { status: 'REQUESTED' }, after: { status: 'WITHDRAWN' } });
    });
    return this.operations.get(viewer, operationId);
  }

  /** A CPS liaison accepts the request and becomes the operation's liaison; the others lose sight of it. */
  async accept(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const current = await this.involvement(manager, operationId);
      if (!hasRole(viewer, 'CPS_LIAISON')) throw DomainError.forbidden('Only a CPS liaison may accept early involvement');
      assertVersion(row, version);
      if (current?.status !== 'REQUESTED') {
        throw new DomainError('INVALID_TRANSITION', `CPS involvement in ${row.reference} is ${current?.status ?? 'not requested'}, not REQUESTED`, {
          status: current?.status ?? null,
        });
      }
      await manager.query(
        `UPDATE cps_involvements SET status = 'ENGAGED', liaison_id = $2, engaged_at = now() WHERE operation_id = $1 AND status = 'REQUESTED'`,
        [operationId, viewer.id],
      );
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'cps.engaged',
        actor: viewer,
        before: { status: 'REQUESTED' },
        after: { status: 'ENGAGED', liaison: viewer.email },
      });
    });
    return this.operations.get(viewer, operationId);
  }

  async addRequirement(viewer: AuthUser, operationId: string, input: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    this.assertOffenceText(input.offence, input.offenceOther);
    return this.write(operationId, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId, input.version);
      assertEditable(row);
      const [{ id }] = await manager.query(
        `INSERT INTO evidence_requirements (operation_id, offence, offence_other, evidence_type, description, priority, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [operationId, input.offence, input.offenceOther ?? null, input.evidenceType, input.description, input.priority, viewer.id],
      );
      const { version: _version, ...fields } = input;
      return this.finish(manager, viewer, row, id, 'evidence.added', null, { requirementId: id, ...fields });
    });
  }

  async updateRequirement(viewer: AuthUser, operationId: string, requirementId: string, input: UpdateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId, input.version);
      assertEditable(row);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (requirement.status !== 'OPEN' && requirement.status !== 'ASSIGNED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only OPEN or ASSIGNED requirements are edited`, {
          status: requirement.status,
        });
      }
      const offence = input.offence ?? requirement.offence;
      const offenceOther = offence === 'OTHER' ? (input.offenceOther ?? requirement.offenceOther ?? undefined) : input.offenceOther;
      this.assertOffenceText(offence, offenceOther);
      const next = {
        offence,
        offenceOther: offence === 'OTHER' ? offenceOther : null,
        evidenceType: input.evidenceType ?? requirement.evidenceType,
        description: input.description ?? requirement.description,
        priority: input.priority ?? requirement.priority,
      };
      await manager.query(
        `UPDATE evidence_requirements SET offence = $2, offence_other = $3, evidence_type = $4, description = $5, priority = $6, updated_at = now()
          WHERE id = $1`,
        [requirementId, next.offence, next.offenceOther, next.evidenceType, next.description, next.priority],
      );
      const before = {
        offence: requirement.offence,
        offenceOther: requirement.offenceOther,
        evidenceType: requirement.evidenceType,
        description: requirement.description,
        priority: requirement.priority,
      };
      return this.finish(manager, viewer, row, requirementId, 'evidence.updated', { requirementId, ...before }, { requirementId, ...next });
    });
  }

  /** The owner gives a requirement to a team that is confirmed on the operation. */
  async assign(viewer: AuthUser, operationId: string, requirementId: string, input: AssignEvidenceDto): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (requirement.status !== 'OPEN' && requirement.status !== 'ASSIGNED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only OPEN or ASSIGNED requirements are assigned`, {
          status: requirement.status,
        });
      }
      const [team] = await manager.query(
        `SELECT t.id, t.name, t.capabilities,
                EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = $2 AND d.team_id = t.id AND d.status = 'CONFIRMED') AS deployed
           FROM teams t WHERE t.id = $1`,
        [input.teamId, operationId],
      );
      if (!team) throw DomainError.notFound('Team', input.teamId);
      if (!team.deployed) {
        throw new DomainError('TEAM_NOT_DEPLOYED', `${team.name} has no confirmed deployment on ${row.reference}; deploy it and have it confirmed first`, {
          team: team.name,
        });
      }
      await manager.query(`UPDATE evidence_requirements SET assigned_team_id = $2, status = 'ASSIGNED', updated_at = now() WHERE id = $1`, [
        requirementId,
        input.teamId,
      ]);
      const warning = capabilityWarning(requirement.evidenceType, team);
      return this.finish(
        manager,
        viewer,
        row,
        requirementId,
        'evidence.assigned',
        { requirementId, status: requirement.status, teamId: requirement.assignedTeamId },
        { requirementId, status: 'ASSIGNED', teamId: input.teamId, team: team.name, ...(warning ? { warning } : {}) },
      );
    });
  }

  /** A coordinator of the assigned team's agency records the evidence as gathered, once the day has started. */
  async gathered(viewer: AuthUser, operationId: string, requirementId: string, input: GatheredEvidenceDto): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (!hasRole(viewer, 'COORDINATOR') || viewer.agencyId !== requirement.assignedAgencyId) {
        throw DomainError.forbidden('Only a coordinator of the agency whose team is assigned this requirement may mark it gathered');
      }
      assertVersion(row, input.version);
      if (requirement.status !== 'ASSIGNED' && requirement.status !== 'REJECTED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only ASSIGNED or REJECTED evidence is gathered`, {
          status: requirement.status,
        });
      }
      if (row.status === 'CANCELLED') throw new DomainError('INVALID_TRANSITION', `${row.reference} was cancelled`);
      if (Date.now() < row.startsAt.getTime()) {
        throw new DomainError('INVALID_TRANSITION', `Evidence is gathered on the day: ${row.reference} starts at ${row.startsAt.toISOString()}`);
      }
      await manager.query(
        `UPDATE evidence_requirements SET status = 'GATHERED', gathered_note = $2, gathered_by = $3, gathered_at = now(),
                rejection_reason = NULL, decided_by = NULL, decided_at = NULL, updated_at = now()
          WHERE id = $1`,
        [requirementId, input.note, viewer.id],
      );
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

  /** The assigned liaison accepts or rejects gathered evidence. */
  async decide(
    viewer: AuthUser,
    operationId: string,
    requirementId: string,
    version: number,
    decision: 'ACCEPTED' | 'REJECTED',
    reason?: string,
  ): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId, version);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (requirement.status !== 'GATHERED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only GATHERED evidence is accepted or rejected`, {
          status: requirement.status,
        });
      }
      await manager.query(
        `UPDATE evidence_requirements SET status = $2, decided_by = $3, decided_at = now(), rejection_reason = $4, updated_at = now() WHERE id = $1`,
        [requirementId, decision, viewer.id, reason ?? null],
      );
      return this.finish(
        manager,
        viewer,
        row,
        requirementId,
        decision === 'ACCEPTED' ? 'evidence.accepted' : 'evidence.rejected',
        { requirementId, status: 'GATHERED' },
        { requirementId, status: decision, ...(reason ? { reason } : {}) },
        false,
      );
    });
  }

  /** What the prosecution needs, grouped by offence, with who gathers each part and how far it has got. */
  async matrix(viewer: AuthUser, operationId: string): Promise<EvidenceMatrixView> {
    const { id, version } = await this.operations.summary(viewer, operationId);
    const requirements = await evidenceViews(this.dataSource.manager, { operationId });
    const offences = OFFENCES.map((offence) => ({
      offence,
      label: OFFENCE_LABELS[offence],
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

  private async write(operationId: string, work: (manager: EntityManager) => Promise<{ version: number; requirementId: string }>) {
    const { version, requirementId } = await inTransaction(this.dataSource, work);
    const [requirement] = await evidenceViews(this.dataSource.manager, { requirementId });
    return { operationId, operationVersion: version, requirement };
  }

  private async finish(
    manager: EntityManager,
    viewer: AuthUser,
    row: OperationRow,
    requirementId: string,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    changesPlan = true,
  ): Promise<{ version: number; requirementId: string }> {
    // Setting evidence requirements changes the plan (R9); gathering and judging evidence does not.
    const updated = changesPlan ? await this.access.updatePlan(manager, viewer, row, {}) : await this.access.update(manager, row, {});
    await this.audit.append(manager, { operationId: row.id, action, actor: viewer, before, after });
    return { version: updated.version, requirementId };
  }

  /** Only the liaison who accepted the involvement writes evidence requirements (R15). */
  private async lockForLiaison(manager: EntityManager, viewer: AuthUser, operationId: string, version: number): Promise<OperationRow> {
    const row = await this.access.lockVisible(manager, viewer, operationId);
    const involvement = await this.involvement(manager, operationId);
    if (involvement?.status !== 'ENGAGED' || involvement.liaisonId !== viewer.id) {
      throw DomainError.forbidden(`Only the CPS liaison engaged on ${row.reference} may set or decide its evidence requirements`);
    }
    assertVersion(row, version);
    return row;
  }

  private assertOffenceText(offence: string, offenceOther: string | undefined | null): void {
    if (offence === 'OTHER' && !offenceOther) {
      throw validationError([{ field: 'offenceOther', problems: ['offenceOther must name the offence when offence is OTHER'] }]);
    }
    if (offence !== 'OTHER' && offenceOther) {
      throw validationError([{ field: 'offenceOther', problems: ['offenceOther is only for offence OTHER'] }]);
    }
  }

  private async involvement(manager: EntityManager, operationId: string): Promise<InvolvementRow | undefined> {
    const [row] = await manager.query(`SELECT status, liaison_id AS "liaisonId" FROM cps_involvements WHERE operation_id = $1`, [operationId]);
    return row;
  }

  private async requirement(manager: EntityManager, operationId: string, requirementId: string): Promise<RequirementRow> {
    const p = new SqlParams();
    const [row] = await manager.query(
      `SELECT r.id, r.status, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description, r.priority,
              r.assigned_team_id AS "assignedTeamId", t.agency_id AS "assignedAgencyId"
         FROM evidence_requirements r LEFT JOIN teams t ON t.id = r.assigned_team_id
        WHERE r.id = ${p.add(requirementId)} AND r.operation_id = ${p.add(operationId)} FOR UPDATE OF r`,
      p.values,
    );
    if (!row) throw DomainError.notFound('Evidence requirement', requirementId);
    return row;
  }
}
