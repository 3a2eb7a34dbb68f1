import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import type { OperationStatus } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { SqlParams } from '../database/sql-params';
import { OPERATION_COLUMNS, OperationRow } from './operation-row';
import { mayEditPlan, visibleTo } from './visibility';

/** R9: plans are edited in these states; an edit to an APPROVED plan sends it back to DRAFT. */
export const EDITABLE_STATUSES: readonly OperationStatus[] = ['DRAFT', 'CHANGES_REQUESTED', 'APPROVED'];

/** Column → value for the conditional update of an operation. */
export type OperationChanges = Record<string, unknown>;

/**
 * The gate every write to an operation goes through, inside its transaction: the row
 * is found only if visible (R14), locked, checked for ownership (R15) and for the
 * version the client saw (R10); the update is again conditional on that version.
 */
@Injectable()
export class OperationAccess {
  constructor(private readonly audit: AuditService) {}

  async lockVisible(manager: EntityManager, viewer: AuthUser, id: string): Promise<OperationRow> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row] = await manager.query(
      `SELECT ${OPERATION_COLUMNS} FROM operations o WHERE o.id = ${idParam} AND ${visibleTo(viewer, p)} FOR UPDATE`,
      p.values,
    );
    if (!row) throw DomainError.notFound('Operation', id);
    return row;
  }

  /** The owner's gate (R15): visible, owned by the caller's agency, at the version they saw, and editable (R9). */
  async lockForEdit(manager: EntityManager, viewer: AuthUser, id: string, version: number): Promise<OperationRow> {
    const row = await this.lockVisible(manager, viewer, id);
    if (!mayEditPlan(viewer, row)) {
      throw DomainError.forbidden(`Only a coordinator of the owning agency may change operation ${row.reference}`);
    }
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
    const edit = { ...changes, updated_by: viewer.id, content_editors: editors };
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
   * one read (R10); 0 rows means someone else got there first. Lifecycle moves and evidence
   * gathering come here directly: they are recorded in the audit trail, not as plan edits.
   */
  async update(manager: EntityManager, row: OperationRow, changes: OperationChanges): Promise<OperationRow> {
    const p = new SqlParams();
    const sets = Object.entries(changes).map(([column, value]) => `${column} = ${p.add(value)}`);
    sets.push(`version = version + 1`, `updated_at = now()`);
    // For an UPDATE, TypeORM answers [rows, rowCount].
    const [rows]: [OperationRow[], number] = await manager.query(
      `UPDATE operations o SET ${sets.join(', ')} WHERE o.id = ${p.add(row.id)} AND o.version = ${p.add(row.version)} RETURNING ${OPERATION_COLUMNS}`,
      p.values,
    );
    if (rows.length === 0) throw versionConflict(row.reference, row.version);
    return rows[0];
  }
}

export function assertEditable(row: OperationRow): void {
  if (!EDITABLE_STATUSES.includes(row.status)) {
    throw new DomainError('INVALID_TRANSITION', `Operation ${row.reference} is ${row.status}; a plan is edited only in DRAFT, CHANGES_REQUESTED or APPROVED (which returns it to DRAFT)`, {
      status: row.status,
    });
  }
}

export function assertVersion(row: OperationRow, version: number): void {
  if (row.version !== version) throw versionConflict(row.reference, version, row.version);
}

function versionConflict(reference: string, seen: number, current?: number): DomainError {
  return DomainError.staleVersion(`Operation ${reference}`, seen, current);
}
