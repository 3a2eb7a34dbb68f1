import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import type { HistoryEventView } from '../audit/dto/audit.dto';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import { formErrors, FieldMap, isRefusal } from './form-errors';
import { formText } from './forms';
import { changesSince, HistoryEntry } from './history-view';
import { FieldError, redirect, render } from './page';

export const STALE =
  'Someone else changed this plan after you opened this page. Nothing has been saved and what you entered is kept below: check what they changed, then save again.';

/** A plan's sub-page: the plan as the viewer may see it, the version and last change their forms start from. */
export interface PlanContext {
  plan: OperationView;
  /** The last event of the plan's history when the page was drawn: what a stale form is compared with. */
  seen: number;
}

/** How a sub-page is drawn again after a refusal: the errors, and for a stale edit what others changed. */
export type Redraw = (errors: FieldError[], context: PlanContext, conflict?: { changes: HistoryEntry[] }) => FastifyReply | Promise<FastifyReply>;

/** Loading a plan for its sub-pages, and answering their forms the same way every time. */
@Injectable()
export class PlanPages {
  constructor(private readonly plans: PlansService) {}

  async load(request: AuthenticatedRequest, reference: string): Promise<PlanContext> {
    const viewer = request.user!;
    const plan = await this.plans.getByReference(viewer, reference);
    return { plan, seen: await this.plans.lastChangeOf(plan) };
  }

  /** The plan's history as the viewer may read it, oldest first: read only by the pages that show it. */
  history(request: AuthenticatedRequest, context: PlanContext): Promise<HistoryEventView[]> {
    return this.plans.historyOf(request.user!, context.plan);
  }

  draw(reply: FastifyReply, request: AuthenticatedRequest, template: string, title: string, context: PlanContext, data: Record<string, unknown>, status = 200): FastifyReply {
    return render(reply, request, template, { pageTitle: `${title}: ${context.plan.reference}`, section: 'plans', title, ...context, ...data }, status);
  }

  /**
   * Does a change, then shows the plan (post/redirect/get). A refusal draws the form again with
   * what the user typed: the API's reason in the error summary, and for a stale version what
   * others changed since the page was drawn.
   */
  async change(request: AuthenticatedRequest, reply: FastifyReply, context: PlanContext, fields: FieldMap, action: () => Promise<unknown>, redraw: Redraw, done = `/plans/${context.plan.reference}`): Promise<FastifyReply> {
    try {
      await action();
      return redirect(reply, done);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      // Drawn again from the plan as it is now, so that saving again applies to the newest version.
      const now = await this.load(request, context.plan.reference);
      const posted = asPosted(now, request);
      if (error.code === 'VERSION_CONFLICT') return redraw([{ field: '', text: STALE }], now, { changes: changesSince(await this.plans.historyOf(request.user!, now.plan), posted.seen) });
      return redraw(formErrors(error, fields), posted);
    }
  }
}

/**
 * The plan as the posted form saw it: its version and last seen change. A form drawn again for a
 * refusal other than a stale version keeps them, so a change made meanwhile is still caught.
 */
export function asPosted(context: PlanContext, request: AuthenticatedRequest): PlanContext {
  return { ...context, plan: { ...context.plan, version: formVersion(request) || context.plan.version }, seen: Number(formText(request.body, 'seen')) || 0 };
}

/** The version the form was drawn at (R10): the API refuses a change made from an older one. */
export function formVersion(request: AuthenticatedRequest): number {
  const version = Number(formText(request.body, 'version'));
  return Number.isInteger(version) && version > 0 ? version : 0;
}
