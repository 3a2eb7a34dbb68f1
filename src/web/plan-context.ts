import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { PlanContext as LoadedPlan, PlanPages } from './plan-page';

/** Loads the plan a page's route names (`:reference`), as the signed-in viewer may see it. */
@Injectable()
export class PlanContextPipe implements PipeTransform<AuthenticatedRequest, Promise<LoadedPlan>> {
  constructor(private readonly pages: PlanPages) {}

  transform(request: AuthenticatedRequest): Promise<LoadedPlan> {
    return this.pages.load(request, (request.params as { reference: string }).reference);
  }
}

const request = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  context.switchToHttp().getRequest<AuthenticatedRequest>(),
);

/**
 * A plan page's plan, loaded once before its handler runs: `@PlanContext() context: PlanContext`.
 * A plan the viewer may not see is refused (404) before the handler is reached.
 */
export const PlanContext = (): ParameterDecorator => request(PlanContextPipe);
/** The plan a page is drawn from (plan-page.ts), under the decorator's name. */
export type PlanContext = LoadedPlan;
