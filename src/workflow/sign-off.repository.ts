import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SignOffDecision } from '../common/domain';
import { query } from '../database/query';
import { sql } from '../database/sql';

/** Each supporting agency's decision on its part of a plan, against that part as it stood when decided. */
@Injectable()
export class SignOffRepository {
  /**
   * The agency's decision, replacing any earlier one: the digest of its part is taken in the same
   * statement, so the sign-off holds for exactly the part it was given on (a later change withdraws it).
   */
  async record(
    manager: EntityManager,
    decision: { operationId: string; agencyId: string; decision: SignOffDecision; reason: string | null; decidedBy: string },
  ): Promise<void> {
    const { operationId, agencyId } = decision;
    await query(
      manager,
      sql`INSERT INTO partner_sign_offs (operation_id, agency_id, decision, part_digest, reason, decided_by, decided_at)
          VALUES (${operationId}::uuid, ${agencyId}::uuid, ${decision.decision}, agency_part_digest(${operationId}::uuid, ${agencyId}::uuid),
                  ${decision.reason}, ${decision.decidedBy}, now())
          ON CONFLICT (operation_id, agency_id) DO UPDATE
             SET decision = EXCLUDED.decision, part_digest = EXCLUDED.part_digest, reason = EXCLUDED.reason,
                 decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
    );
  }
}
