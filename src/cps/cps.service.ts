import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import type { CpsInvolvementStatus } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { ukDate, ukDateTime, ukDay } from '../common/uk-time';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { OperationView } from '../operations/dto/plan-view.dto';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { gatheringMayClose, planHasEnded } from '../operations/plan-actions';
import { PlansService } from '../operations/plans.service';
import { CpsDeclineView, CpsRequestDto, DeclineCpsRequestDto } from './dto/cps.dto';
import { InvolvementRepository } from './involvement.repository';
import { mayMoveInvolvement } from './involvement-moves';

/** Where a plan's request for early CPS involvement stands, as "Early CPS involvement in OP-… …" ends. */
const INVOLVEMENT: Record<CpsInvolvementStatus, string> = {
  REQUESTED: 'is requested and waits for a CPS liaison to answer',
  ENGAGED: 'was accepted by a CPS liaison',
  WITHDRAWN: 'was withdrawn',
  DECLINED: 'was declined',
};
const involvementIn = (reference: string, status: CpsInvolvementStatus | undefined) =>
  status ? `Early CPS involvement in ${reference} ${INVOLVEMENT[status]}` : `No early CPS involvement was requested in ${reference}`;

/** Advice is needed from today on, and before the day of action while that is still ahead. */
export function adviceDateProblem(adviceNeededBy: string, today: string, startDay: string): string | undefined {
  if (adviceNeededBy < today) return `the date advice is needed by must be today (${ukDay(today)}) or later`;
  if (startDay >= today && adviceNeededBy > startDay) {
    return `the date advice is needed by must be from today (${ukDay(today)}) up to the day of action (${ukDay(startDay)})`;
  }
  return undefined;
}

/** Early CPS involvement: the owner asks, a liaison accepts (and is assigned) or declines, and closes the case file after the day. */
@Injectable()
export class CpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly involvements: InvolvementRepository,
  ) {}

  /** The owner asks, saying what advice is needed and by when: from now every CPS liaison can see the plan. */
  async request(viewer: AuthUser, operationId: string, input: CpsRequestDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, input.version);
      const current = await this.involvements.get(manager, operationId);
      if (!mayMoveInvolvement(current?.status, 'request')) {
        throw new DomainError('INVALID_TRANSITION', `${involvementIn(row.reference, current?.status)}: it needs no new request`, {
          status: current?.status,
        });
      }
      const problem = adviceDateProblem(input.adviceNeededBy, ukDate(new Date()), ukDate(row.startsAt));
      if (problem) throw validationError([{ field: 'adviceNeededBy', problems: [problem] }]);
      await this.involvements.request(manager, operationId, { by: viewer.id, note: input.note, adviceNeededBy: input.adviceNeededBy });
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'cps.requested',
        actor: viewer,
        before: current ? { status: current.status } : null,
        after: { status: 'REQUESTED', note: input.note, adviceNeededBy: input.adviceNeededBy },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  /** The owner withdraws a request no liaison has accepted yet. */
  async withdraw(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const current = await this.involvements.get(manager, operationId);
      if (!mayMoveInvolvement(current?.status, 'withdraw')) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${involvementIn(row.reference, current?.status)}: there is no open request to withdraw`,
          {
            status: current?.status ?? null,
          },
        );
      }
      await this.involvements.withdraw(manager, operationId);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'cps.withdrawn',
        actor: viewer,
        before: { status: 'REQUESTED' },
        after: { status: 'WITHDRAWN' },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  /** A plan that ends (cancelled, completed, stood down) withdraws its open request: it leaves every liaison's view. */
  async withdrawWhenPlanEnds(manager: EntityManager, viewer: AuthUser, row: OperationRow, why: string): Promise<void> {
    if (!(await this.involvements.withdraw(manager, row.id))) return;
    await this.audit.append(manager, {
      operationId: row.id,
      action: 'cps.withdrawn',
      actor: viewer,
      before: { status: 'REQUESTED' },
      after: { status: 'WITHDRAWN', reason: why },
    });
  }

  /** A CPS liaison accepts the request and becomes the operation's liaison; the others lose sight of it. */
  async accept(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await this.answer(viewer, operationId, version, 'ENGAGED');
    return this.plans.get(viewer, operationId);
  }

  /** A CPS liaison declines with a reason: the request leaves every liaison's view (so the answer is the decision, not the plan), and the owner sees why. */
  async decline(viewer: AuthUser, operationId: string, input: DeclineCpsRequestDto): Promise<CpsDeclineView> {
    const { reference, version } = await this.answer(viewer, operationId, input.version, 'DECLINED', input.reason);
    return { operationId, reference, operationVersion: version, status: 'DECLINED', reason: input.reason };
  }

  /**
   * The engaged liaison closes evidence gathering once the case file is complete, after the day of
   * action was completed or stood down; until then evidence is gathered and decided after the day
   * too (interviews, financial analysis, downloads, or what was gathered before a stand-down).
   */
  async close(viewer: AuthUser, operationId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockForLiaison(manager, viewer, operationId);
      assertVersion(row, version);
      if (!gatheringMayClose(row.status)) {
        const why = `Evidence gathering on ${row.reference} is closed only once its day of action has been completed or stood down`;
        throw new DomainError('INVALID_TRANSITION', why, { status: row.status });
      }
      if ((await this.involvements.get(manager, operationId))?.closedAt)
        throw new DomainError('INVALID_TRANSITION', `Evidence gathering on ${row.reference} is already closed`);
      await this.involvements.close(manager, operationId, viewer.id);
      await this.access.update(manager, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'cps.closed',
        actor: viewer,
        before: { closed: false },
        after: { closed: true },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  /** Only the liaison who accepted the involvement writes and decides evidence requirements (R15). */
  async lockForLiaison(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<OperationRow> {
    const row = await this.access.lockVisible(manager, viewer, operationId);
    const involvement = await this.involvements.get(manager, operationId);
    if (involvement?.status !== 'ENGAGED' || involvement.liaisonId !== viewer.id) {
      throw DomainError.forbidden(`Only the CPS liaison engaged on ${row.reference} may set or decide its evidence requirements`);
    }
    return row;
  }

  /** Evidence is gathered and decided until the liaison closes gathering. */
  async assertGatheringOpen(manager: EntityManager, row: OperationRow): Promise<void> {
    const closedAt = (await this.involvements.get(manager, row.id))?.closedAt;
    if (closedAt)
      throw new DomainError('INVALID_TRANSITION', `The CPS liaison closed evidence gathering on ${row.reference} ${ukDateTime(closedAt)}`);
  }

  private answer(
    viewer: AuthUser,
    operationId: string,
    version: number,
    answer: 'ENGAGED' | 'DECLINED',
    reason?: string,
  ): Promise<{ reference: string; version: number }> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      const current = await this.involvements.get(manager, operationId);
      if (!hasRole(viewer, 'CPS_LIAISON')) throw DomainError.forbidden('Only a CPS liaison may accept or decline early involvement');
      assertVersion(row, version);
      if (!mayMoveInvolvement(current?.status, 'answer')) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${involvementIn(row.reference, current?.status)}: there is no open request to answer`,
          { status: current?.status ?? null },
        );
      }
      if (planHasEnded(row.status)) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `${row.reference} has been ${label('status', row.status).toLowerCase()}: its CPS request can no longer be answered`,
          { status: row.status },
        );
      }
      if (answer === 'ENGAGED') await this.involvements.engage(manager, operationId, viewer.id);
      else await this.involvements.decline(manager, operationId, viewer.id, reason as string);
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
}
