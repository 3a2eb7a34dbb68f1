import { EntityManager } from 'typeorm';
import { query } from '../database/query';
import { named, sql } from '../database/sql';

/** Which version of each plan a user last opened: the web UI's own table (plan_views). */
export const PlanViewsRepository = {
  /** Records that the user has seen the plan at this version; an older version never overwrites a newer one. */
  async seen(manager: EntityManager, userId: string, operationId: string, version: number): Promise<void> {
    await query(
      manager,
      named(sql`INSERT INTO plan_views (user_id, operation_id, seen_version) VALUES (${userId}, ${operationId}, ${version})
                ON CONFLICT (user_id, operation_id) DO UPDATE SET seen_version = excluded.seen_version, seen_at = now()
                WHERE plan_views.seen_version < excluded.seen_version`),
    );
  },

  /** The version the user last saw of each of these plans they have opened. */
  async versions(manager: EntityManager, userId: string, operationIds: string[]): Promise<Map<string, number>> {
    const rows = await query<{ operationId: string; version: number }>(
      manager,
      sql`SELECT operation_id AS "operationId", seen_version AS version FROM plan_views WHERE user_id = ${userId} AND operation_id = ANY(${operationIds}::uuid[])`,
    );
    return new Map(rows.map((row) => [row.operationId, row.version]));
  },
};
