import { EntityManager } from 'typeorm';
import { first } from '../database/query';
import { sql } from '../database/sql';

/** What the metrics count in the database, on each scrape. */
export const MetricsRepository = {
  /** DESIGN §6: a session ends 30 minutes after it was last used, 12 hours after sign-in, or when its user changes. */
  async liveSessions(manager: EntityManager): Promise<number> {
    const row = await first<{ count: number }>(
      manager,
      sql`SELECT count(*)::int AS count
            FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE u.active AND u.token_generation = s.token_generation
             AND s.last_seen_at > now() - interval '30 minutes' AND s.created_at > now() - interval '12 hours'`,
    );
    return row?.count ?? 0;
  },
};
