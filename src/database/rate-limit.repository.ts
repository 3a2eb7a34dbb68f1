import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from './query';
import { sql } from './sql';

/** A counter's state: its count, and how long until its window ends. */
export interface CounterRow {
  key: string;
  count: number;
  retryAfterMs: number;
}

/** The rate limits' counters (rate_limits): one row per key, counting in a window that ends at `expires_at`. */
@Injectable()
export class RateLimitRepository {
  /**
   * Adds `amount` to each counter in one atomic upsert (in the order given), starting again any
   * whose window has ended with a window of its own length; answers each counter after.
   */
  add(manager: EntityManager, counters: { key: string; windowMs: number }[], amount: number): Promise<CounterRow[]> {
    return query(
      manager,
      sql`INSERT INTO rate_limits AS r (key, expires_at, count)
          SELECT l.key, now() + l.window_ms * interval '1 millisecond', ${amount}
            FROM unnest(${counters.map((c) => c.key)}::text[], ${counters.map((c) => c.windowMs)}::int[]) WITH ORDINALITY AS l(key, window_ms, position)
           ORDER BY l.position
          ON CONFLICT (key) DO UPDATE
            SET count = CASE WHEN r.expires_at <= now() THEN EXCLUDED.count ELSE r.count + EXCLUDED.count END,
                expires_at = CASE WHEN r.expires_at <= now() THEN EXCLUDED.expires_at ELSE r.expires_at END
          RETURNING r.key, r.count, greatest(0, ceil(extract(epoch FROM r.expires_at - now()) * 1000))::int AS "retryAfterMs"`,
    );
  }

  /** The counter, while its window lasts. */
  live(manager: EntityManager, key: string): Promise<Omit<CounterRow, 'key'> | undefined> {
    return first(
      manager,
      sql`SELECT count, greatest(0, ceil(extract(epoch FROM expires_at - now()) * 1000))::int AS "retryAfterMs"
            FROM rate_limits WHERE key = ${key} AND expires_at > now()`,
    );
  }

  async subtract(manager: EntityManager, key: string, amount: number): Promise<void> {
    await query(manager, sql`UPDATE rate_limits SET count = greatest(0, count - ${amount}) WHERE key = ${key}`);
  }

  async reset(manager: EntityManager, key: string): Promise<void> {
    await query(manager, sql`UPDATE rate_limits SET count = 0 WHERE key = ${key}`);
  }

  /** Deletes the counters whose window has ended; how many. */
  async deleteExpired(manager: EntityManager): Promise<number> {
    const gone = await first<{ n: number }>(
      manager,
      sql`WITH gone AS (DELETE FROM rate_limits WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    );
    return gone?.n ?? 0;
  }
}
