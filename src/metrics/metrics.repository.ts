import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS } from '../common/domain';
import { first } from '../database/query';
import { sql } from '../database/sql';

/** What the metrics count in the database, on each scrape. */
@Injectable()
export class MetricsRepository {
  /** Sessions live by the rules sign-in applies (DESIGN §6): not idle too long, not too old, their user unchanged. */
  async liveSessions(manager: EntityManager): Promise<number> {
    const row = await first<{ count: number }>(
      manager,
      sql`SELECT count(*)::int AS count
            FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE u.active AND u.token_generation = s.token_generation
             AND s.last_seen_at > now() - make_interval(secs => ${SESSION_IDLE_SECONDS})
             AND s.created_at > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
    );
    return row?.count ?? 0;
  }
}
