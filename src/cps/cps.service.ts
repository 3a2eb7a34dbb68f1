import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { EvidenceType, OFFENCES } from '../common/domain';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { ukDate } from '../common/uk-time';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { OperationView } from '../operations/dto/operation.dto';
import { assertEditable, assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { OperationsService } from '../operations/operations.service';
import { mayEditPlan } from '../operations/visibility';
import {
  AssignEvidenceDto,
  CpsDeclineView,
  CpsRequestDto,
  CreateEvidenceRequirementDto,
  DeclineCpsRequestDto,
  EvidenceMatrixView,
  EvidenceWriteView,
  GatheredEvidenceDto,
  UpdateEvidenceRequirementDto,
} from './dto/cps.dto';
import { capabilityWarning, OFFENCE_LABELS } from './evidence-fit';
import { evidenceViews } from './evidence-views';

interface InvolvementRow {
  status: 'REQUESTED' | 'ENGAGED' | 'WITHDRAWN' | 'DECLINED';
  liaisonId: string | null;
  closedAt: Date | null;
}

interface RequirementRow {
  id: string;
  version: number;
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

  /** The owner asks for early CPS involvement, saying what advice is needed and by when: from now every CPS liaison can see the plan. */
  async request(viewer: AuthUser, operationId: string, input: CpsRequestDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      const current = await this.involvement(manager, operationId);
      if (current && (current.status === 'REQUESTED' || current.status === 'ENGAGED')) {
        throw new DomainError('INVALID_TRANSITION', `CPS involvement in ${row.reference} is already ${current.status}`, { status: current.status });
      }
      const problem = adviceDateProblem(input.adviceNeededBy, ukDate(new Date()), ukDate(row.startsAt));
      if (problem) throw validationError([{ field: 'adviceNeededBy', problems: [problem] }]);
      await manager.query(
        `INSERT INTO cps_involvements (operation_id, status, requested_by, request_note, advice_needed_by) VALUES ($1, 'REQUESTED', $2, $3, $4)
         ON CONFLICT (operation_id) DO UPDATE
           SET status = 'REQUESTED', requested_by = $2, requested_at = now(), request_note = $3, advice_needed_by = $4,
               liaison_id = NULL, engaged_at = NULL, withdrawn_at = NULL, declined_by = NULL, declined_at = NULL, decline_reason = NULL`,
        [operationId, viewer.id, input.note, input.adviceNeededBy],
      );
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'cps.requested',
        actor: viewer,
        before: current ? { status: current.status } : null,
        after: { status: 'REQUESTED', note: input.note, adviceNeededBy: input.adviceNeededBy },
      });
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
    await this.answerRequest(viewer, operationId, version, 'ENGAGED');
    return this.operations.get(viewer, operationId);
  }

  /**
   * A CPS liaison declines the request with a reason: it leaves every liaison's view (so the
   * answer is the decision, not the plan), and the owner sees why.
   */
  async decline(viewer: AuthUser, operationId: string, input: DeclineCpsRequestDto): Promise<CpsDeclineView> {
    const { reference, version } = await this.answerRequest(viewer, operationId, input.version, 'DECLINED', input.reason);
    return { operationId, reference, operationVersion: version, status: 'DECLINED', reason: input.reason };
  }

  /**
   * The assigned liaison closes evidence gathering once the case file is complete; until then
   * evidence is gathered and decided after the day too (interviews, financial analysis, downloads).
   */
  async close(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId);
      assertVersion(row, version);
      const current = await this.involvement(manager, operationId);
      if (row.status !== 'COMPLETED') {
        throw new DomainError('INVALID_TRANSITION', `${row.reference} is ${row.status}; evidence gathering is closed after the day of action is completed`, {
          status: row.status,
        });
      }
      if (current?.closedAt) throw new DomainError('INVALID_TRANSITION', `Evidence gathering on ${row.reference} is already closed`);
      await manager.query(`UPDATE cps_involvements SET closed_at = now(), closed_by = $2 WHERE operation_id = $1`, [operationId, viewer.id]);
      await this.access.update(manager, row, {});
      await this.audit.append(manager, { operationId, action: 'cps.closed', actor: viewer, before: { closed: false }, after: { closed: true } });
    });
    return this.operations.get(viewer, operationId);
  }

  private answerRequest(
    viewer: AuthUser,
    operationId: string,
    version: number,
    answer: 'ENGAGED' | 'DECLINED',
    reason?: string,
  ): Promise<{ reference: string; version: number }> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const current = await this.involvement(manager, operationId);
      if (!hasRole(viewer, 'CPS_LIAISON')) throw DomainError.forbidden('Only a CPS liaison may accept or decline early involvement');
      assertVersion(row, version);
      if (current?.status !== 'REQUESTED') {
        throw new DomainError('INVALID_TRANSITION', `CPS involvement in ${row.reference} is ${current?.status ?? 'not requested'}, not REQUESTED`, {
          status: current?.status ?? null,
        });
      }
      if (row.status === 'CANCELLED' || row.status === 'COMPLETED') {
        throw new DomainError('INVALID_TRANSITION', `${row.reference} is ${row.status}; its CPS request can no longer be answered`, { status: row.status });
      }
      if (answer === 'ENGAGED') {
        await manager.query(
          `UPDATE cps_involvements SET status = 'ENGAGED', liaison_id = $2, engaged_at = now() WHERE operation_id = $1 AND status = 'REQUESTED'`,
          [operationId, viewer.id],
        );
      } else {
        await manager.query(
          `UPDATE cps_involvements SET status = 'DECLINED', declined_by = $2, declined_at = now(), decline_reason = $3 WHERE operation_id = $1 AND status = 'REQUESTED'`,
          [operationId, viewer.id, reason],
        );
      }
      // The liaison's answer is not an edit of the plan: it moves the version, not who last changed it (R12).
      const updated = await this.access.update(manager, row, {});
      await this.audit.append(manager, {
        operationId,
        action: answer === 'ENGAGED' ? 'cps.engaged' : 'cps.declined',
        actor: viewer,
        before: { status: 'REQUESTED' },
        after: answer === 'ENGAGED' ? { status: 'ENGAGED', liaison: viewer.email } : { status: 'DECLINED', reason },
      });
      return { reference: row.reference, version: updated.version };
    });
  }

  /** The engaged liaison sets a requirement: part of the plan, so against the plan's version. */
  async addRequirement(viewer: AuthUser, operationId: string, input: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    this.assertOffenceText(input.offence, input.offenceOther);
    return this.write(operationId, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId);
      assertVersion(row, input.version);
      assertEditable(row);
      const [{ id }] = await manager.query(
        `INSERT INTO evidence_requirements (operation_id, offence, offence_other, evidence_type, description, priority, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [operationId, input.offence, input.offenceOther ?? null, input.evidenceType, input.description, input.priority, viewer.id],
      );
      const { version: _version, ...fields } = definedFields(input);
      return this.finish(manager, viewer, row, id, 'evidence.added', null, { requirementId: id, status: 'OPEN', ...fields });
    });
  }

  /** Every transition of an existing requirement is made against the requirement's version, not the plan's (R10). */
  async updateRequirement(viewer: AuthUser, operationId: string, requirementId: string, input: UpdateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId);
      assertEditable(row);
      const requirement = await this.requirement(manager, operationId, requirementId, input.version);
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
        `UPDATE evidence_requirements SET offence = $2, offence_other = $3, evidence_type = $4, description = $5, priority = $6,
                version = version + 1, updated_at = now()
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
      const row = await this.access.lockVisible(manager, viewer, operationId);
      if (!mayEditPlan(viewer, row)) throw DomainError.forbidden(`Only a coordinator of the owning agency may assign the evidence of ${row.reference}`);
      assertEditable(row);
      const requirement = await this.requirement(manager, operationId, requirementId, input.version);
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
      await manager.query(
        `UPDATE evidence_requirements SET assigned_team_id = $2, status = 'ASSIGNED', version = version + 1, updated_at = now() WHERE id = $1`,
        [requirementId, input.teamId],
      );
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

  /**
   * A coordinator of the assigned team's agency records the evidence as gathered: once the plan
   * is started, until the liaison closes gathering, after completion too.
   */
  async gathered(viewer: AuthUser, operationId: string, requirementId: string, input: GatheredEvidenceDto): Promise<EvidenceWriteView> {
    return this.write(operationId, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const requirement = await this.requirement(manager, operationId, requirementId);
      if (!hasRole(viewer, 'COORDINATOR') || viewer.agencyId !== requirement.assignedAgencyId) {
        throw DomainError.forbidden('Only a coordinator of the agency whose team is assigned this requirement may mark it gathered');
      }
      assertRequirementVersion(requirement, input.version);
      if (requirement.status !== 'ASSIGNED' && requirement.status !== 'REJECTED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only ASSIGNED or REJECTED evidence is gathered`, {
          status: requirement.status,
        });
      }
      if (row.status !== 'ACTIVE' && row.status !== 'COMPLETED') {
        throw new DomainError('INVALID_TRANSITION', `Evidence is gathered from the day of action: ${row.reference} is ${row.status}, not started`, {
          status: row.status,
        });
      }
      await this.assertGatheringOpen(manager, row);
      await manager.query(
        `UPDATE evidence_requirements SET status = 'GATHERED', gathered_note = $2, gathered_by = $3, gathered_at = now(),
                rejection_reason = NULL, decided_by = NULL, decided_at = NULL, version = version + 1, updated_at = now()
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
      const row = await this.lockForLiaison(manager, viewer, operationId);
      const requirement = await this.requirement(manager, operationId, requirementId, version);
      if (requirement.status !== 'GATHERED') {
        throw new DomainError('INVALID_TRANSITION', `The requirement is ${requirement.status}; only GATHERED evidence is accepted or rejected`, {
          status: requirement.status,
        });
      }
      await this.assertGatheringOpen(manager, row);
      await manager.query(
        `UPDATE evidence_requirements SET status = $2, decided_by = $3, decided_at = now(), rejection_reason = $4, version = version + 1, updated_at = now()
          WHERE id = $1`,
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
    // Setting and assigning evidence requirements changes the plan (R9); gathering and judging evidence does not touch it.
    const version = changesPlan ? (await this.access.updatePlan(manager, viewer, row, {})).version : row.version;
    await this.audit.append(manager, { operationId: row.id, action, actor: viewer, before, after });
    return { version, requirementId };
  }

  /** Only the liaison who accepted the involvement writes and decides evidence requirements (R15). */
  private async lockForLiaison(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<OperationRow> {
    const row = await this.access.lockVisible(manager, viewer, operationId);
    const involvement = await this.involvement(manager, operationId);
    if (involvement?.status !== 'ENGAGED' || involvement.liaisonId !== viewer.id) {
      throw DomainError.forbidden(`Only the CPS liaison engaged on ${row.reference} may set or decide its evidence requirements`);
    }
    return row;
  }

  private async assertGatheringOpen(manager: EntityManager, row: OperationRow): Promise<void> {
    const involvement = await this.involvement(manager, row.id);
    if (involvement?.closedAt) {
      throw new DomainError('INVALID_TRANSITION', `The CPS liaison closed evidence gathering on ${row.reference} on ${involvement.closedAt.toISOString()}`);
    }
  }

  private assertOffenceText(offence: string, offenceOther: string | undefined | null): void {
    if (offence === 'OTHER' && !offenceOther) {
      throw validationError([{ field: 'offenceOther', problems: ['Enter the offence, in words, when it is OTHER'] }]);
    }
    if (offence !== 'OTHER' && offenceOther) {
      throw validationError([{ field: 'offenceOther', problems: ['offenceOther is only for offence OTHER'] }]);
    }
  }

  private async involvement(manager: EntityManager, operationId: string): Promise<InvolvementRow | undefined> {
    const [row] = await manager.query(
      `SELECT status, liaison_id AS "liaisonId", closed_at AS "closedAt" FROM cps_involvements WHERE operation_id = $1`,
      [operationId],
    );
    return row;
  }

  /** The requirement, locked; with `version`, only if the client saw that version of it. */
  private async requirement(manager: EntityManager, operationId: string, requirementId: string, version?: number): Promise<RequirementRow> {
    const [row] = await manager.query(
      `SELECT r.id, r.version, r.status, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description, r.priority,
              r.assigned_team_id AS "assignedTeamId", t.agency_id AS "assignedAgencyId"
         FROM evidence_requirements r LEFT JOIN teams t ON t.id = r.assigned_team_id
        WHERE r.id = $1 AND r.operation_id = $2 FOR UPDATE OF r`,
      [requirementId, operationId],
    );
    if (!row) throw DomainError.notFound('Evidence requirement', requirementId);
    if (version !== undefined) assertRequirementVersion(row, version);
    return row;
  }
}

function assertRequirementVersion(requirement: RequirementRow, version: number): void {
  if (requirement.version !== version) throw DomainError.staleVersion('The evidence requirement', version, requirement.version);
}

/** Advice is needed from today on, and before the day of action while that is still ahead. */
function adviceDateProblem(adviceNeededBy: string, today: string, startDay: string): string | undefined {
  if (adviceNeededBy < today) return `the date advice is needed by must be today (${today}) or later`;
  if (startDay >= today && adviceNeededBy > startDay) {
    return `the date advice is needed by must be from today (${today}) up to the day of action (${startDay})`;
  }
  return undefined;
}
