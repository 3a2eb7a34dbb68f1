import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { CpsService } from '../cps/cps.service';
import { DayLogService } from '../day-log/day-log.service';
import { loggedOutcomes } from '../day-log/day-summary';
import { DeploymentsService } from '../deployments/deployments.service';
import { CANCELLED_RELEASE, COMPLETED_RELEASE, STOOD_DOWN_RELEASE } from '../common/release-reasons';
import { completionRefusal, LifecycleAction, nextStatus } from '../common/lifecycle';
import { OperationView } from '../operations/dto/plan-view.dto';
import { assertOwner, assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationChanges, OperationRow } from '../operations/operation-row';
import { PlansService } from '../operations/plans.service';
import { CompleteDto, OutcomesDto, StandDownDto } from './dto/workflow.dto';
import { outcomeProblems, Outcomes } from './outcomes';
import { ReadinessService } from './readiness.service';

type OwnerAction = Exclude<LifecycleAction, 'approve' | 'request-changes'>;

/** How a refusal names each move: "Only a coordinator of the owning agency may stand down operation …". */
const VERBS: Record<OwnerAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  start: 'start',
  complete: 'complete',
  cancel: 'cancel',
  'stand-down': 'stand down',
};

/** Outcomes as given, checked together (each count is checked alone by the request's validation). */
function checkedOutcomes(outcomes: OutcomesDto): Partial<OutcomesDto> {
  const problems = outcomeProblems(outcomes);
  if (problems.length) throw validationError(problems);
  return definedFields(outcomes);
}

/** The owner's moves through R8: submit, withdraw, start (go/no-go), complete, cancel, stand down. */
@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly readiness: ReadinessService,
    private readonly deployments: DeploymentsService,
    private readonly cps: CpsService,
    private readonly log: DayLogService,
  ) {}

  /** R11: every blocking check passes. */
  submit(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.transition(viewer, id, version, 'submit', {}, (manager) => this.readiness.assertReady(viewer, id, manager, 'submit'));
  }

  withdraw(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.transition(viewer, id, version, 'withdraw', {});
  }

  /** Go/no-go: from START_WINDOW_HOURS before the window opens, and only while every blocking check still passes. */
  start(viewer: AuthUser, id: string, version: number): Promise<OperationView> {
    return this.transition(viewer, id, version, 'start', {}, (manager) => this.readiness.assertReady(viewer, id, manager, 'start'));
  }

  /**
   * Records the outcomes and releases the teams; the plan keeps who was deployed, and evidence gathering goes on.
   * The history keeps the log's figures beside those recorded, so a figure changed from the log's shows.
   */
  complete(viewer: AuthUser, id: string, input: CompleteDto): Promise<OperationView> {
    const outcomes = checkedOutcomes(input.outcomes);
    return this.transition(viewer, id, input.version, 'complete', { outcomes: JSON.stringify(outcomes) }, async (manager, row) => {
      const early = completionRefusal(row, new Date());
      if (early) throw new DomainError('INVALID_TRANSITION', early, { startsAt: row.startsAt.toISOString() });
      await this.cps.withdrawWhenPlanEnds(manager, viewer, row, 'the operation was completed');
      return {
        outcomes,
        ...(await this.logCounted(manager, viewer, id)),
        releasedTeams: await this.deployments.releaseAll(manager, viewer, id, COMPLETED_RELEASE),
      };
    });
  }

  /** Any status before ACTIVE; frees the teams and withdraws an open CPS request. */
  cancel(viewer: AuthUser, id: string, version: number, reason: string): Promise<OperationView> {
    return this.transition(viewer, id, version, 'cancel', { cancel_reason: reason }, async (manager, row) => {
      await this.cps.withdrawWhenPlanEnds(manager, viewer, row, 'the operation was cancelled');
      return { reason, releasedTeams: await this.deployments.releaseAll(manager, viewer, id, CANCELLED_RELEASE) };
    });
  }

  /**
   * An ACTIVE day of action called off (the subjects have gone, say): its teams are released but
   * stay on the plan's record, an open CPS request is withdrawn, and the outcomes so far, if any,
   * are kept with the reason.
   */
  standDown(viewer: AuthUser, id: string, input: StandDownDto): Promise<OperationView> {
    const outcomes = input.outcomes && checkedOutcomes(input.outcomes);
    const recorded = outcomes ? { outcomes: JSON.stringify(outcomes) } : {};
    return this.transition(viewer, id, input.version, 'stand-down', { cancel_reason: input.reason, ...recorded }, async (manager, row) => {
      await this.cps.withdrawWhenPlanEnds(manager, viewer, row, 'the operation was stood down');
      return {
        reason: input.reason,
        ...(outcomes ? { outcomes, ...(await this.logCounted(manager, viewer, id)) } : {}),
        releasedTeams: await this.deployments.releaseAll(manager, viewer, id, STOOD_DOWN_RELEASE),
      };
    });
  }

  /**
   * The outcomes as the day's log counted them, read as the viewer sees it (the owner: the whole log), for the completion
   * to start from; null when nothing was logged.
   */
  async countedByLog(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Outcomes | null> {
    const summary = await this.log.summary(viewer, id, [], manager);
    return summary.logged ? loggedOutcomes(summary) : null;
  }

  /** The log's figures for the history to hold beside those recorded; nothing when nothing was logged. */
  private async logCounted(manager: EntityManager, viewer: AuthUser, id: string): Promise<{ logCounted?: Outcomes }> {
    const counted = await this.countedByLog(viewer, id, manager);
    return counted ? { logCounted: counted } : {};
  }

  /**
   * A coordinator of the owning agency moves the plan against the version they saw; `effects`
   * refuses the move (by throwing) or does what comes with it, answering what to record.
   */
  private async transition(
    viewer: AuthUser,
    id: string,
    version: number,
    action: OwnerAction,
    changes: OperationChanges,
    effects?: (manager: EntityManager, row: OperationRow) => Promise<Record<string, unknown> | void>,
  ): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      assertOwner(viewer, row, VERBS[action]);
      assertVersion(row, version);
      const status = nextStatus(row.status, action, row.reference);
      const recorded = await effects?.(manager, row);
      await this.access.update(manager, row, { ...changes, status });
      await this.audit.append(manager, {
        operationId: id,
        action: `operation.${action}`,
        actor: viewer,
        before: { status: row.status },
        after: { status, ...recorded },
      });
    });
    return this.plans.get(viewer, id);
  }
}
