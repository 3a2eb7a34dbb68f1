import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { PlanViewsRepository } from './plan-views.repository';

/**
 * A navigation the user made on this site (`same-origin`) or by typing the address or following
 * a bookmark (`none`), as the browser reports it. `cross-site` and `same-site` are another site's
 * links; a request without the header is not known to be the user's own, so it records nothing.
 */
function openedHere(fetchSite: string | string[] | undefined): boolean {
  return fetchSite === 'same-origin' || fetchSite === 'none';
}

/** "What changed since you last looked": the version of each plan a user last opened, and the plans that have moved on since. */
@Injectable()
export class PlanViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planViews: PlanViewsRepository,
  ) {}

  /**
   * The user has just been shown the plan at this version. Only a page they opened themselves
   * counts: a link on another site (the session cookie goes with it) must not clear their marker.
   */
  async seen(viewer: AuthUser, plan: { id: string; version: number }, request: { headers: IncomingHttpHeaders }): Promise<void> {
    if (!openedHere(request.headers['sec-fetch-site'])) return;
    await this.planViews.seen(this.dataSource.manager, viewer.id, plan.id, plan.version);
  }

  /** Of these plans, the ids of those the user has opened before that have changed since. */
  async changedSince(viewer: AuthUser, plans: { id: string; version: number }[]): Promise<Set<string>> {
    if (plans.length === 0) return new Set();
    const seen = await this.planViews.versions(
      this.dataSource.manager,
      viewer.id,
      plans.map((plan) => plan.id),
    );
    return new Set(plans.filter((plan) => seen.has(plan.id) && plan.version > seen.get(plan.id)!).map((plan) => plan.id));
  }
}
