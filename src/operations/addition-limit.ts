import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { ukDate, ukInstant, ukLocalTime } from '../common/uk-time';
import { AppConfig } from '../config/app-config';
import { RateLimits } from '../database/rate-limits';
import { AdditionLimitRepository, AdditionRefusal } from './addition-limit.repository';
import { PlanEvents } from './plan-events';

/** The refusal of a change that would add more than the user has left today, with what their managers are told. */
class AdditionsRefused extends DomainError {
  constructor(
    message: string,
    details: Record<string, unknown>,
    readonly refusal: AdditionRefusal,
  ) {
    super('RATE_LIMITED', message, details);
  }
}

/** The first instant of the UK day after `now`'s. */
function nextUkMidnight(now: Date): Date {
  const today = ukLocalTime(now);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return ukInstant({
    year: tomorrow.getUTCFullYear(),
    month: tomorrow.getUTCMonth() + 1,
    day: tomorrow.getUTCDate(),
    hour: 0,
    minute: 0,
  }) as Date;
}

/** "5 hours and 12 minutes", "40 minutes". */
function duration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return counted(rest, 'minute');
  return rest === 0 ? counted(hours, 'hour') : `${counted(hours, 'hour')} and ${counted(rest, 'minute')}`;
}

/**
 * How many identifiers (each one a subject is matched by: a person's every name, a phone…) and
 * postcodes new to a plan one user may add in a UK day (DECONFLICTION_MAX_ADDITIONS_PER_DAY),
 * whether or not they match: sweeping guesses through deconfliction costs the same as finding
 * something, and is seen. Counted in Postgres in the change's own transaction, so a change past
 * the limit, or racing another, is refused whole; the refusal is reported to the managers of the
 * user's agency (Your tasks) once the refused change has rolled back.
 */
@Injectable()
export class AdditionLimit implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
    private readonly planEvents: PlanEvents,
    private readonly reports: AdditionLimitRepository,
  ) {}

  /** Postcodes new to a plan count, however the change came (a location added, or its postcode changed). */
  onModuleInit(): void {
    this.planEvents.onPlaceOrTimeChanged((manager, viewer, change) =>
      this.spend(manager, viewer, change.operationId, change.newPostcodes.length),
    );
  }

  /** Counts what a change to a plan adds, in its transaction; refuses the change when it goes past the day's limit. */
  async spend(manager: EntityManager, viewer: AuthUser, operationId: string, additions: number): Promise<void> {
    if (additions === 0) return;
    const now = new Date();
    const ukDay = ukDate(now);
    const max = this.config.DECONFLICTION_MAX_ADDITIONS_PER_DAY;
    const key = `deconfliction-additions:user:${viewer.id}:${ukDay}`;
    const verdict = await this.rateLimits.take([{ key, max, windowMs: nextUkMidnight(now).getTime() - now.getTime() }], additions, manager);
    if (verdict.allowed) return;
    throw new AdditionsRefused(
      `You can add up to ${counted(max, 'identifier or postcode', 'identifiers and postcodes')} to plans in a day, and this change would take you past that, so it was not made. ` +
        `You can add more from midnight, in ${duration(verdict.retryAfterMs)}. Your agency’s managers have been told.`,
      { retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000), limit: max },
      { userId: viewer.id, agencyId: viewer.agencyId, ukDay, operationId, dailyLimit: max, additions },
    );
  }

  /**
   * Makes a change (its whole transaction); when the daily limit refused it, reports the refusal to
   * the managers, after the change has rolled back so that the report stays, and refuses it on.
   */
  async reportingRefusals<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (error instanceof AdditionsRefused) await this.reports.report(this.dataSource.manager, error.refusal);
      throw error;
    }
  }

  /** A manager of the agency has looked into one of its reports: it leaves their managers' tasks. */
  async lookedInto(viewer: AuthUser, reportId: string): Promise<void> {
    const found = isUUID(reportId) && (await this.reports.lookedInto(this.dataSource.manager, reportId, viewer.agencyId, viewer.id));
    if (!found) throw DomainError.notFound('The report of a user who went past the daily limit');
  }
}
