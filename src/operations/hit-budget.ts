import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { AppConfig } from '../config/app-config';
import { Limit, RateLimits } from '../database/rate-limits';

const HOUR_MS = 3600 * 1000;

/**
 * How many deconfliction hits, of place and time or of subjects, one user may raise in an hour
 * (DECONFLICTION_MAX_HITS_PER_HOUR) before the changes that would raise more are refused, whatever
 * the change, so that the refusal itself tells nothing: deconfliction cannot be used to probe
 * other agencies' plans in bulk.
 */
@Injectable()
export class HitBudget {
  constructor(
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
  ) {}

  /** Refuses before the change when the user has no hit left to raise. */
  async assertLeft(manager: EntityManager, viewer: AuthUser): Promise<void> {
    const limit = this.limit(viewer);
    const verdict = await this.rateLimits.check(limit, manager);
    if (!verdict.allowed) throw this.refusal(limit, verdict.retryAfterMs);
  }

  /**
   * Counts the hits a change raised, in its transaction (the counter's row stays locked until it
   * ends): a change that would go past the limit, or one racing another, is refused whole.
   */
  async spend(manager: EntityManager, viewer: AuthUser, hits: number): Promise<void> {
    if (hits === 0) return;
    const limit = this.limit(viewer);
    const counted = await this.rateLimits.take([limit], hits, manager);
    if (!counted.allowed) throw this.refusal(limit, counted.retryAfterMs);
  }

  private limit(viewer: AuthUser): Limit {
    return { key: `deconfliction-hits:user:${viewer.id}`, max: this.config.DECONFLICTION_MAX_HITS_PER_HOUR, windowMs: HOUR_MS };
  }

  private refusal(limit: Limit, retryAfterMs: number): DomainError {
    return new DomainError(
      'RATE_LIMITED',
      `Your changes have raised ${limit.max} deconfliction hits within the hour; you can change places, times and subjects again in ${counted(Math.max(1, Math.ceil(retryAfterMs / 60000)), 'minute')}. Meanwhile, call the contacts of the hits raised.`,
      { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
    );
  }
}
