import { isActiveDeployment } from '../../common/domain';
import { completionRefusal, LIFECYCLE, LifecycleAction, transitionRefusal } from '../../common/lifecycle';
import type { DeploymentView, OperationView } from '../../operations/dto/plan-view.dto';
import { mayMoveInvolvement } from '../../cps/involvement-moves';
import type { Outcomes } from '../../workflow/outcomes';
import { OUTCOMES } from './lifecycle.form';

type Plan = Pick<OperationView, 'reference' | 'status' | 'startsAt' | 'owningAgency'>;

/**
 * Why a page offers no button for `action`, said in its place: the plan's status does not allow the
 * move (the lifecycle's own words), the day has not come, or the move is not the reader's to make.
 */
export function unavailable(plan: Plan, action: LifecycleAction, now = new Date()): string {
  const early = action === 'complete' ? completionRefusal({ reference: plan.reference, startsAt: new Date(plan.startsAt) }, now) : null;
  const who =
    LIFECYCLE[action].by === 'owner'
      ? `a coordinator of ${plan.owningAgency.name}`
      : `a manager of ${plan.owningAgency.name} who has not worked on the plan`;
  return `${transitionRefusal(plan, action) ?? early ?? `Only ${who} can do this`}.`;
}

/** The teams a plan holds, which ending it releases. */
export function teamsHeld(plan: Pick<OperationView, 'deployments'>): DeploymentView[] {
  return plan.deployments.filter((deployment) => isActiveDeployment(deployment.status));
}

/** Cancelling: the teams it releases, and why it cannot be done when it cannot. */
export function cancelView(plan: Plan & Pick<OperationView, 'deployments'>, now = new Date()) {
  return { released: teamsHeld(plan), unavailable: unavailable(plan, 'cancel', now) };
}

/** Standing down: the teams it releases, whether it withdraws a CPS request nobody answered, and why it cannot be done when it cannot. */
export function standDownView(plan: Plan & Pick<OperationView, 'deployments' | 'cpsInvolvement'>, now = new Date()) {
  return {
    released: teamsHeld(plan),
    cpsRequestOpen: mayMoveInvolvement(plan.cpsInvolvement?.status, 'withdraw'),
    unavailable: unavailable(plan, 'stand-down', now),
  };
}

/**
 * Completing: the outcome fields start from what the day's log counted (left empty when nothing was logged), or keep
 * what was typed when the form is shown again; each says what the log counted, for the owner to check a changed figure.
 */
export function completeView(typed: Record<string, string> | undefined, logged: Outcomes | null) {
  const figure = (field: (typeof OUTCOMES)[number]) => (logged ? String(logged[field]) : '');
  return {
    fromLog: logged !== null,
    values: typed ?? Object.fromEntries(OUTCOMES.map((field) => [field, figure(field)])),
    logged: logged ? Object.fromEntries(OUTCOMES.map((field) => [field, `The day’s log counted ${figure(field)}`])) : {},
  };
}
