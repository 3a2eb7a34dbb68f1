import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CpsInvolvementStatus } from '../common/domain';
import { first, query } from '../database/query';
import { sql } from '../database/sql';

export interface InvolvementRow {
  status: CpsInvolvementStatus;
  liaisonId: string | null;
  closedAt: Date | null;
}

/**
 * Early CPS involvement, one row per plan: only this module writes it. Hand-written SQL: a
 * request replaces a withdrawn or declined one in place (an upsert), and each answer is
 * conditional on the status it answers.
 */
@Injectable()
export class InvolvementRepository {
  get(manager: EntityManager, operationId: string): Promise<InvolvementRow | undefined> {
    return first(
      manager,
      sql`SELECT status, liaison_id AS "liaisonId", closed_at AS "closedAt" FROM cps_involvements WHERE operation_id = ${operationId}`,
    );
  }

  async request(manager: EntityManager, operationId: string, request: { by: string; note: string; adviceNeededBy: string }): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO cps_involvements (operation_id, status, requested_by, request_note, advice_needed_by)
          VALUES (${operationId}, 'REQUESTED', ${request.by}, ${request.note}, ${request.adviceNeededBy})
          ON CONFLICT (operation_id) DO UPDATE
            SET status = 'REQUESTED', requested_by = EXCLUDED.requested_by, requested_at = now(), request_note = EXCLUDED.request_note,
                advice_needed_by = EXCLUDED.advice_needed_by, liaison_id = NULL, engaged_at = NULL, withdrawn_at = NULL,
                declined_by = NULL, declined_at = NULL, decline_reason = NULL`,
    );
  }

  /** Withdraws an open request: the owner's choice, or because the plan ended. True when there was one. */
  async withdraw(manager: EntityManager, operationId: string): Promise<boolean> {
    const rows = await query(
      manager,
      sql`UPDATE cps_involvements SET status = 'WITHDRAWN', withdrawn_at = now() WHERE operation_id = ${operationId} AND status = 'REQUESTED' RETURNING status`,
    );
    return rows.length > 0;
  }

  async engage(manager: EntityManager, operationId: string, liaisonId: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE cps_involvements SET status = 'ENGAGED', liaison_id = ${liaisonId}, engaged_at = now() WHERE operation_id = ${operationId} AND status = 'REQUESTED'`,
    );
  }

  async decline(manager: EntityManager, operationId: string, by: string, reason: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE cps_involvements SET status = 'DECLINED', declined_by = ${by}, declined_at = now(), decline_reason = ${reason}
           WHERE operation_id = ${operationId} AND status = 'REQUESTED'`,
    );
  }

  async close(manager: EntityManager, operationId: string, by: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE cps_involvements SET closed_at = now(), closed_by = ${by} WHERE operation_id = ${operationId} AND status = 'ENGAGED'`,
    );
  }
}
