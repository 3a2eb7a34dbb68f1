import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { sql } from '../database/sql';

/** A user refused for going past the daily limit on additions, as their agency's managers are told of it. */
export interface AdditionRefusal {
  userId: string;
  agencyId: string;
  /** The UK day (YYYY-MM-DD) the limit was reached. */
  ukDay: string;
  /** The plan the refused change was to; null for a new plan (refused, it was never made). */
  operationId: string | null;
  dailyLimit: number;
  additions: number;
}

/** Reports of users refused by the daily limit (addition_limit_reports): one per user per UK day. */
@Injectable()
export class AdditionLimitRepository {
  /**
   * Records a refusal: a user's first of the day opens the report; each later one adds to it, and
   * opens it again if it was looked into. A refused new plan was never made: the report keeps the
   * plan of an earlier refusal, if any. The last refusal's time never goes back: a refusal whose
   * transaction began before the one that opened the report may be recorded after it.
   */
  async report(manager: EntityManager, refusal: AdditionRefusal): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO addition_limit_reports AS r (user_id, agency_id, uk_day, operation_id, daily_limit, additions_refused)
          SELECT ${refusal.userId}::uuid, ${refusal.agencyId}::uuid, ${refusal.ukDay}::date, (SELECT id FROM operations WHERE id = ${refusal.operationId}::uuid), ${refusal.dailyLimit}::int, ${refusal.additions}::int
          ON CONFLICT (user_id, uk_day) DO UPDATE
            SET changes_refused = r.changes_refused + 1, additions_refused = r.additions_refused + EXCLUDED.additions_refused,
                last_refused_at = GREATEST(r.last_refused_at, now()), operation_id = COALESCE(EXCLUDED.operation_id, r.operation_id), agency_id = EXCLUDED.agency_id,
                daily_limit = EXCLUDED.daily_limit, looked_into_by = NULL, looked_into_at = NULL`,
    );
  }

  /** A manager of the agency has looked into its report; answers whether the report is the agency's. */
  async lookedInto(manager: EntityManager, reportId: string, agencyId: string, by: string): Promise<boolean> {
    const row = await first(
      manager,
      sql`UPDATE addition_limit_reports SET looked_into_by = COALESCE(looked_into_by, ${by}::uuid), looked_into_at = COALESCE(looked_into_at, now())
           WHERE id = ${reportId} AND agency_id = ${agencyId} RETURNING id`,
    );
    return row !== undefined;
  }
}
