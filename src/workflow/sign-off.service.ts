import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { inTransaction } from '../database/transaction';
import { SignOffView } from '../operations/dto/order.dto';
import { OperationView } from '../operations/dto/plan-view.dto';
import { historyInWords, referencedNames } from '../operations/history-words';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { PlanHistoryRepository } from '../operations/plan-history.repository';
import { seenInFull } from '../operations/plan-views';
import { PlansService } from '../operations/plans.service';
import { SignOffDto } from './dto/sign-off.dto';
import { nextStatus } from '../common/lifecycle';
import { changesSinceSignOff } from './part-changes';
import { SignOffRepository } from './sign-off.repository';

/**
 * Each partner's sign-off: before the lead's manager approves, a manager of each supporting agency
 * with a confirmed team signs off that agency's part of the submitted plan, or declines with a
 * reason, which sends the plan back for changes. A sign-off changes no content: the plan's version
 * stays; a decline is a move of the plan and bumps it.
 */
@Injectable()
export class SignOffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly planHistory: PlanHistoryRepository,
    private readonly signOffs: SignOffRepository,
  ) {}

  /** The sign-off of the viewer's agency, when they are a manager who may decide it now; else why not. */
  whyNotSignOff(viewer: AuthUser, plan: Pick<OperationView, 'reference' | 'status' | 'owningAgency' | 'signOffs'>): string | null {
    return (signOffRefusal(viewer, plan) ?? statusRefusal(plan))?.message ?? null;
  }

  /**
   * What changed in the viewer's agency's part of a plan they have just read since the agency signed
   * it off (part-changes.ts), one sentence a change, from the history as the viewer may read it
   * (R14c): null unless a change withdrew the agency's sign-off; empty when nothing that changed is
   * shared with them.
   */
  async changesSinceSignOff(viewer: AuthUser, plan: Pick<OperationView, 'id' | 'signOffs' | 'deployments'>): Promise<string[] | null> {
    const mine = plan.signOffs.find((signOff) => signOff.agency.id === viewer.agencyId);
    if (mine?.state !== 'WITHDRAWN') return null;
    const ours = plan.deployments.filter((deployment) => deployment.agency.id === viewer.agencyId);
    const manager = this.dataSource.manager;
    const changes = changesSinceSignOff(await this.planHistory.history(manager, viewer, plan.id), {
      agencyId: viewer.agencyId,
      agencyCode: mine.agency.code,
      deploymentIds: new Set(ours.map((deployment) => deployment.id)),
      rvPointIds: new Set(ours.flatMap((deployment) => (seenInFull(deployment) && deployment.rvPoint ? [deployment.rvPoint.id] : []))),
    });
    // Each event in words is what happened, then a sentence for each thing it changed: the changes are those sentences.
    const words = historyInWords(changes, await this.planHistory.names(manager, referencedNames(changes)));
    return words.flatMap((sentences) => sentences.slice(1));
  }

  async decide(viewer: AuthUser, id: string, input: SignOffDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      const plan = await this.plans.get(viewer, id, manager);
      const refusal = signOffRefusal(viewer, plan);
      if (refusal) throw refusal;
      assertVersion(row, input.version);
      const notSubmitted = statusRefusal(plan);
      if (notSubmitted) throw notSubmitted;
      const mine = plan.signOffs.find((signOff) => signOff.agency.id === viewer.agencyId) as SignOffView;
      const declined = input.decision === 'DECLINED';
      const reason = declined ? (input.reason ?? null) : null;
      await this.signOffs.record(manager, {
        operationId: id,
        agencyId: viewer.agencyId,
        decision: input.decision,
        reason,
        decidedBy: viewer.id,
      });
      const before = { agency: mine.agency.code, signOff: mine.state };
      if (!declined) {
        await this.audit.append(manager, {
          operationId: id,
          action: 'operation.signed-off',
          actor: viewer,
          before,
          after: { agency: mine.agency.code, signOff: 'SIGNED_OFF' },
        });
        return;
      }
      const status = nextStatus(row.status, 'request-changes');
      await this.access.update(manager, row, { status });
      await this.audit.append(manager, {
        operationId: id,
        action: 'operation.sign-off-declined',
        actor: viewer,
        before: { ...before, status: row.status },
        after: { agency: mine.agency.code, signOff: 'DECLINED', reason, status },
      });
    });
    return this.plans.get(viewer, id);
  }
}

/** Only a manager of a supporting agency with a confirmed team signs off; the lead's managers review instead. */
function signOffRefusal(viewer: AuthUser, plan: Pick<OperationView, 'reference' | 'owningAgency' | 'signOffs'>): DomainError | undefined {
  const mine = plan.signOffs.find((signOff) => signOff.agency.id === viewer.agencyId);
  if (!mine) {
    if (viewer.agencyId === plan.owningAgency.id) {
      return DomainError.forbidden(
        `${plan.owningAgency.code} owns ${plan.reference}: its managers review the plan, and a manager of each supporting agency signs off that agency’s part`,
      );
    }
    return DomainError.forbidden(
      `Only a manager of a supporting agency with a confirmed team on ${plan.reference} signs off that agency’s part`,
    );
  }
  if (!hasRole(viewer, 'MANAGER'))
    return DomainError.forbidden(`Only a manager of ${mine.agency.code} signs off ${mine.agency.code}’s part of ${plan.reference}`);
  return undefined;
}

function statusRefusal(plan: Pick<OperationView, 'reference' | 'status'>): DomainError | undefined {
  if (plan.status === 'SUBMITTED') return undefined;
  return new DomainError(
    'INVALID_TRANSITION',
    `${plan.reference} is not waiting for review (its status: ${label('status', plan.status).toLowerCase()}): a supporting agency signs off its part only while the plan is submitted for review`,
    { status: plan.status },
  );
}
