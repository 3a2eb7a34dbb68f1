import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import type { OperationStatus } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { OperationRepository } from './operation.repository';
import { OperationChanges, OperationRow } from './operation-row';
import { mayEditPlan } from './ownership';

/** R9: plans are edited in these states; an edit to an APPROVED plan sends it back to DRAFT. */
export const EDITABLE_STATUSES: readonly OperationStatus[] = ['DRAFT', 'CHANGES_REQUESTED', 'APPROVED'];

/**
 * The gate every write to an operation goes through, inside its transaction: the row
 * is found only if visible (R14), locked, checked for ownership (R15) and for the
 * version the client saw (R10); the update is again conditional on that version.
 */
@Injectable()
export class OperationAccess {
  constructor(
    private readonly audit: AuditService,
    private readonly operations: OperationRepository,
  ) {}

  async lockVisible(manager: EntityManager, viewer: AuthUser, id: string): Promise<OperationRow> {
    const row = await this.operations.lockVisible(manager, viewer, id);
    if (!row) throw DomainError.notFound('Operation', id);
    return row;
  }

  /** The owner's gate (R15): visible, owned by the caller's agency, at the version they saw, and editable (R9). */
  async lockForEdit(manager: EntityManager, viewer: AuthUser, id: string, version: number): Promise<OperationRow> {
    const row = await this.lockVisible(manager, viewer, id);
    assertOwner(viewer, row);
    assertVersion(row, version);
    assertEditable(row);
    return row;
  }

  /**
   * A change to the plan itself: recorded as the plan's last change, and its author among the
   * plan's content editors (whom R12 keeps from approving it); when the plan was APPROVED it goes
   * back to DRAFT (R9), the approval withdrawn and recorded, so a manager reviews what changed.
   */
  async updatePlan(manager: EntityManager, viewer: AuthUser, row: OperationRow, changes: OperationChanges): Promise<OperationRow> {
    const editors = row.contentEditors.includes(viewer.id) ? row.contentEditors : [...row.contentEditors, viewer.id];
    const edit: OperationChanges = { ...changes, updated_by: viewer.id, content_editors: editors };
    if (row.status !== 'APPROVED') return this.update(manager, row, edit);
    const updated = await this.update(manager, row, { ...edit, status: 'DRAFT', approved_by: null, approved_at: null });
    await this.audit.append(manager, {
      operationId: row.id,
      action: 'operation.approval-withdrawn',
      actor: viewer,
      before: { status: 'APPROVED' },
      after: { status: 'DRAFT', reason: 'the approved plan was changed' },
    });
    return updated;
  }

  /**
   * Applies `changes` and bumps the version, on the condition that the version is still the
   * one read (R10). Lifecycle moves and answers that are not edits of the plan come here directly.
   */
  async update(manager: EntityManager, row: OperationRow, changes: OperationChanges): Promise<OperationRow> {
    const updated = await this.operations.update(manager, row.id, row.version, changes);
    if (!updated) throw DomainError.staleVersion(`Operation ${row.reference}`, row.version);
    return updated;
  }
}

export function assertOwner(viewer: AuthUser, row: OperationRow, what = 'change'): void {
  if (!mayEditPlan(viewer, row))
    throw DomainError.forbidden(`Only a coordinator of the owning agency may ${what} operation ${row.reference}`);
}

export function assertEditable(row: OperationRow): void {
  if (!EDITABLE_STATUSES.includes(row.status)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${row.reference} is ${label('status', row.status).toLowerCase()}: a plan is changed only while it is a draft or has changes requested, or once approved (which returns it to draft)`,
      {
        status: row.status,
      },
    );
  }
}

export function assertVersion(row: OperationRow, version: number): void {
  if (row.version !== version) throw DomainError.staleVersion(`Operation ${row.reference}`, version, row.version);
}
