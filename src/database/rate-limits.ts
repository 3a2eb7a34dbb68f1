import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RateLimitRepository } from './rate-limit.repository';

/** A counter of events per key in a fixed window: `max` events, then refused until the window ends. */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

export interface Verdict {
  allowed: boolean;
  /** When the first limit that refused opens again; 0 when allowed. */
  retryAfterMs: number;
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Rate limits kept in Postgres, so that every instance of the app counts together and a
 * restart forgets nothing. Each counter is one row, changed by one atomic upsert: concurrent
 * requests cannot all slip in under the limit. Expired rows are pruned every ten minutes.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private pruner?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counters: RateLimitRepository,
  ) {}

  onModuleInit(): void {
    this.pruner = setInterval(() => void this.prune(), PRUNE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }

  /** Counts `amount` more against each limit at once (in key order, so concurrent calls never deadlock); refused if any is now over. */
  async take(limits: Limit[], amount = 1, manager: EntityManager = this.dataSource.manager): Promise<Verdict> {
    const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : 1));
    const rows = await this.counters.add(manager, sorted, amount);
    const over = rows.filter((row) => row.count > (sorted.find((limit) => limit.key === row.key) as Limit).max);
    return { allowed: over.length === 0, retryAfterMs: Math.max(0, ...over.map((row) => row.retryAfterMs)) };
  }

  /** Whether one more event would still be within the limit, without counting it. */
  async check(limit: Limit, manager: EntityManager = this.dataSource.manager): Promise<Verdict> {
    const row = await this.counters.live(manager, limit.key);
    return row && row.count >= limit.max ? { allowed: false, retryAfterMs: row.retryAfterMs } : { allowed: true, retryAfterMs: 0 };
  }

  /** Takes back `amount` counted in advance for an event that turned out not to count. */
  async giveBack(key: string, amount = 1): Promise<void> {
    await this.counters.subtract(this.dataSource.manager, key, amount);
  }

  async reset(key: string): Promise<void> {
    await this.counters.reset(this.dataSource.manager, key);
  }

  async prune(): Promise<number> {
    try {
      return await this.counters.deleteExpired(this.dataSource.manager);
    } catch (error) {
      this.logger.warn({ msg: 'could not prune expired rate limits', error: error instanceof Error ? error.message : String(error) });
      return 0;
    }
  }
}
