import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, tap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { AuthUser } from '../common/auth/auth-user';
import { IS_WEB_PAGE } from '../common/auth/decorators';
import { TasksService } from '../tasks/tasks.service';

/** A count is this fresh at worst; the user's own changes refresh theirs at once. */
const FRESH_MS = 60_000;

/**
 * How many tasks wait for each user, for the service navigation: counted at most once a minute
 * per user (a page view is a read of a count, not of every task), and again after any change
 * the user makes. Counts are per instance; another user's change shows within the minute.
 */
@Injectable()
export class TaskCounts {
  private readonly counts = new Map<string, { count: Promise<number>; until: number }>();

  constructor(private readonly tasks: TasksService) {}

  /** Requests that arrive together share one count (a page's many parallel loads, or many tabs). */
  count(viewer: AuthUser): Promise<number> {
    const known = this.counts.get(viewer.id);
    if (known && known.until > Date.now()) return known.count;
    const count = this.tasks.forUser(viewer).then((tasks) => tasks.length);
    this.counts.set(viewer.id, { count, until: Date.now() + FRESH_MS });
    count.catch(() => this.counts.delete(viewer.id));
    return count;
  }

  forget(userId: string): void {
    this.counts.delete(userId);
  }
}

/** Puts the count of the user's tasks on every page's request (render() shows it), and forgets it after a change. */
@Injectable()
export class TaskCountInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly counts: TaskCounts,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { taskCount?: number }>();
    const page = this.reflector.getAllAndOverride<boolean>(IS_WEB_PAGE, [context.getHandler(), context.getClass()]);
    if (!page || !request.user) return next.handle();
    const user = request.user;
    if (request.method !== 'GET') return next.handle().pipe(tap({ finalize: () => this.counts.forget(user.id) }));
    // A count that cannot be had leaves the page without one, never without the page.
    request.taskCount = await this.counts.count(user).catch(() => undefined);
    return next.handle();
  }
}
