import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { PlanContext as LoadedPlan, PlanPages } from './plan-page';

/** What the pipe is handed: the request, and whether the page needs the plan's last change (its forms do). */
interface PlanRequest {
  request: AuthenticatedRequest;
  seen: boolean;
}

/** Loads the plan a page's route names (`:reference`), as the signed-in viewer may see it. */
@Injectable()
class PlanContextPipe implements PipeTransform<PlanRequest, Promise<LoadedPlan>> {
  constructor(private readonly pages: PlanPages) {}

  transform({ request, seen }: PlanRequest): Promise<LoadedPlan> {
    return this.pages.load(request, (request.params as { reference: string }).reference, seen);
  }
}

const planRequest = createParamDecorator((options: { seen?: boolean } | undefined, context: ExecutionContext): PlanRequest => ({
  request: context.switchToHttp().getRequest<AuthenticatedRequest>(),
  seen: options?.seen ?? true,
}));

/**
 * A plan page's plan, loaded once before its handler runs: `@PlanContext() context: PlanContext`.
 * A plan the viewer may not see is refused (404) before the handler is reached. A page with no form
 * to compare with later changes (`{ seen: false }`) skips reading the plan's last change.
 */
export const PlanContext = (options?: { seen?: boolean }): ParameterDecorator => planRequest(options, PlanContextPipe);
/** The plan a page is drawn from (plan-page.ts), under the decorator's name. */
export type PlanContext = LoadedPlan;
