import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query } from '../database/query';
import { named, sql } from '../database/sql';

/** Which version of each plan a user last opened: the web UI's own table (plan_views). */
@Injectable()
export class PlanViewsRepository {
  /**
   * Records that the user has seen the plan at this version; an older version never overwrites a
   * newer one. Seeing a version already recorded writes and locks nothing (a page view stays a read
   * when nothing has changed, however many tabs show the plan at once).
   */
  async seen(manager: EntityManager, userId: string, operationId: string, version: number): Promise<void> {
    await query(
      manager,
      named(sql`WITH moved AS (
                  UPDATE plan_views SET seen_version = ${version}, seen_at = now()
                   WHERE user_id = ${userId} AND operation_id = ${operationId} AND seen_version < ${version}
                  RETURNING 1)
                INSERT INTO plan_views (user_id, operation_id, seen_version)
                SELECT ${userId}, ${operationId}, ${version} WHERE NOT EXISTS (SELECT 1 FROM moved)
                ON CONFLICT (user_id, operation_id) DO NOTHING`),
    );
  }

  /** The version the user last saw of each of these plans they have opened. */
  async versions(manager: EntityManager, userId: string, operationIds: string[]): Promise<Map<string, number>> {
    const rows = await query<{ operationId: string; version: number }>(
      manager,
      sql`SELECT operation_id AS "operationId", seen_version AS version FROM plan_views WHERE user_id = ${userId} AND operation_id = ANY(${operationIds}::uuid[])`,
    );
    return new Map(rows.map((row) => [row.operationId, row.version]));
  }
}
