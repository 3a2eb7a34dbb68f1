import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { PlanViewsRepository } from './plan-views.repository';

/** "What changed since you last looked": the version of each plan a user last opened, and the plans that have moved on since. */
@Injectable()
export class PlanViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user has just been shown the plan at this version. */
  seen(viewer: AuthUser, plan: { id: string; version: number }): Promise<void> {
    return PlanViewsRepository.seen(this.dataSource.manager, viewer.id, plan.id, plan.version);
  }

  /** Of these plans, the ids of those the user has opened before that have changed since. */
  async changedSince(viewer: AuthUser, plans: { id: string; version: number }[]): Promise<Set<string>> {
    if (plans.length === 0) return new Set();
    const seen = await PlanViewsRepository.versions(this.dataSource.manager, viewer.id, plans.map((plan) => plan.id));
    return new Set(plans.filter((plan) => seen.has(plan.id) && plan.version > seen.get(plan.id)!).map((plan) => plan.id));
  }
}
