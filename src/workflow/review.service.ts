import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { nextStatus } from '../common/lifecycle';
import { inTransaction } from '../database/transaction';
import { OperationView } from '../operations/dto/plan-view.dto';
import { assertVersion, OperationAccess } from '../operations/operation-access';
import { OperationRow } from '../operations/operation-row';
import { mayReview } from '../operations/plan-actions';
import { PlansService } from '../operations/plans.service';
import { ReviewDto } from './dto/workflow.dto';
import { ReadinessService } from './readiness.service';
import { ReviewRepository } from './review.repository';

/** R12: four eyes on a submitted plan. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly readiness: ReadinessService,
    private readonly reviews: ReviewRepository,
  ) {}

  /** Why the viewer may not review a plan they can see (the review page shows it instead of the form), or null. */
  async whyNotReview(viewer: AuthUser, plan: Pick<OperationView, 'id' | 'reference' | 'leadAgency' | 'createdBy'>): Promise<string | null> {
    const contentEditors = await this.reviews.contentEditors(this.dataSource.manager, plan.id);
    return (
      reviewRefusal(viewer, {
        reference: plan.reference,
        leadAgencyId: plan.leadAgency?.id ?? null,
        createdBy: plan.createdBy.id,
        contentEditors,
      })?.message ?? null
    );
  }

  /**
   * A manager of the lead agency who neither created the plan nor changed its content since it was last approved, against the version they read;
   * approval only of a plan that passes readiness at approval (422 NOT_READY lists what fails, a partner's missing sign-off among them).
   */
  async review(viewer: AuthUser, id: string, input: ReviewDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, id);
      const refusal = reviewRefusal(viewer, row);
      if (refusal) throw refusal;
      assertVersion(row, input.version);
      const approve = input.decision === 'APPROVE';
      const status = nextStatus(row.status, approve ? 'approve' : 'request-changes', row.reference);
      // R11 again at approval: every blocking check, each supporting agency's sign-off among them.
      if (approve) await this.readiness.assertReady(viewer, id, manager, 'approve');
      const comment = input.comment ?? '';
      await this.reviews.record(manager, {
        operationId: id,
        decision: input.decision,
        comment,
        reviewerId: viewer.id,
        versionReviewed: input.version,
      });
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
    return this.plans.get(viewer, id);
  }
}

/** Why R12 (`mayReview`, the rule the plan view's actions follow too) keeps the viewer from reviewing the plan, or undefined when it does not. */
function reviewRefusal(
  viewer: AuthUser,
  row: Pick<OperationRow, 'reference' | 'leadAgencyId' | 'createdBy' | 'contentEditors'>,
): DomainError | undefined {
  if (mayReview(viewer, row)) return undefined;
  if (!hasRole(viewer, 'MANAGER') || viewer.agencyId !== row.leadAgencyId)
    return DomainError.forbidden(`Only a manager of the lead agency reviews ${row.reference}`);
  // What else R12 refuses: four eyes, against the plan's creator and whoever changed it since it was last approved.
  const what = viewer.id === row.createdBy ? 'created' : 'changed';
  const since = viewer.id === row.createdBy ? '' : ' since it was last approved';
  return new DomainError('SELF_APPROVAL', `Four eyes: you ${what} ${row.reference}${since}, so another manager must review it`);
}
