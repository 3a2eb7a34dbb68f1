import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ConflictView } from '../../workflow/dto/workflow.dto';
import { hitsOnPage, HitOnPage } from '../hits-view';
import { mayMoveInvolvement } from '../../cps/involvement-moves';

/** What the early CPS involvement page offers: exactly the moves the CPS service accepts from where the involvement stands. */
export interface CpsPageView {
  /** A CPS liaison may accept or decline a request waiting for an answer. */
  mayAnswer: boolean;
  /** The owner may withdraw a request nobody has answered yet. */
  mayWithdraw: boolean;
  /** The owner may ask (again): there is no request, or the last was withdrawn or declined; one open or engaged needs no new one. */
  mayRequest: boolean;
}

/** The page's moves for this plan, seen by a viewer who is (`liaison`) or is not a CPS liaison. */
export function cpsView(plan: Pick<OperationView, 'cpsInvolvement' | 'actions'>, liaison: boolean): CpsPageView {
  const status = plan.cpsInvolvement?.status;
  return {
    mayAnswer: liaison && mayMoveInvolvement(status, 'answer'),
    mayWithdraw: plan.actions.edit && mayMoveInvolvement(status, 'withdraw'),
    mayRequest: plan.actions.edit && mayMoveInvolvement(status, 'request'),
  };
}

/** The deconfliction page: the hits the viewer may see, in words, and whether the plan's intelligence is shared with them. */
export function conflictsView(plan: Pick<OperationView, 'sections'>, hits: ConflictView[]): { hits: HitOnPage[]; hitsShared: boolean } {
  return { hits: hitsOnPage(hits), hitsShared: plan.sections.includes('INTELLIGENCE') };
}
