import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { CalendarRepository } from './calendar.repository';
import { feedCalendar } from './feed-calendar';
import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

export interface NewFeed {
  /** Shown once: only its hash is kept. */
  token: string;
  createdAt: Date;
}

export interface FeedState {
  exists: boolean;
  createdAt: Date | null;
  lastUsedAt: Date | null;
}

/** The address a feed is read at, from the site's address: `/calendar/<token>.ics`. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/**
 * Each user's secret calendar feed (issue 18): made, replaced and revoked by its user; read by a
 * calendar app with the token alone, as that user as they stand now, so R14 holds exactly.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: CalendarRepository,
  ) {}

  /** A new feed for the user, replacing any they had (its address stops working). */
  async create(user: AuthUser): Promise<NewFeed> {
    const token = newFeedToken();
    const { createdAt } = await this.feeds.replace(this.dataSource.manager, user.id, feedTokenHash(token));
    this.logger.log({ msg: 'calendar feed created', userId: user.id });
    return { token, createdAt };
  }

  async state(user: AuthUser): Promise<FeedState> {
    const feed = await this.feeds.status(this.dataSource.manager, user.id);
    return { exists: Boolean(feed), createdAt: feed?.createdAt ?? null, lastUsedAt: feed?.lastUsedAt ?? null };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.feeds.revoke(this.dataSource.manager, user.id);
    this.logger.log({ msg: 'calendar feed turned off', userId: user.id });
  }

  /**
   * The feed with this token as iCalendar text: three statements (the owner, their agency's plans,
   * their agency's teams). An unknown or revoked token, or one of a user since disabled or whose
   * password, roles or agency changed, is not found.
   */
  async feed(token: unknown, siteUrl: string): Promise<string> {
    if (!isFeedToken(token)) throw DomainError.notFound('Calendar feed');
    const manager = this.dataSource.manager;
    const viewer = await this.feeds.owner(manager, feedTokenHash(token));
    if (!viewer) throw DomainError.notFound('Calendar feed');
    const [plans, deployments] = await Promise.all([this.feeds.ownedPlans(manager, viewer), this.feeds.teamDeployments(manager, viewer)]);
    return feedCalendar({ agencyCode: viewer.agencyCode, siteUrl, plans, deployments });
  }
}
