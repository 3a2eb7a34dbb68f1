import { isActiveDeployment } from '../../common/domain';
import { readinessStage } from '../../common/lifecycle';
import { label } from '../../common/labels';
import type { OperationPage } from '../../operations/dto/operation.dto';
import type { OperationView, PlanActionsView } from '../../operations/dto/plan-view.dto';
import type { ReadinessView } from '../../workflow/dto/workflow.dto';
import type { FieldError } from '../page';
import { planRecord, readinessSection, SECTIONS } from '../plan-sections';
import { ListFilters, listCursor, ListQuery } from './plans.form';

/** What the plan's page says after the change that led to it. */
const BANNERS: [string, string][] = [
  ['created', 'Plan created'],
  ['saved', 'Details saved'],
  ['submitted', 'Plan submitted for review'],
  ['reviewed', 'Decision sent: the plan’s owner can see it'],
  ['started', 'The day of action is under way'],
  ['completed', 'Day of action completed: its teams are released'],
  ['cancelled', 'Plan cancelled: its teams are released'],
  ['stood-down', 'Day of action stood down: its teams are released, and its record is kept'],
  ['withdrawn', 'Plan withdrawn from review: it is a draft again'],
  ['closed', 'Evidence gathering closed'],
];

/**
 * The moves a plan's page offers, each through the page that says what will happen: exactly those
 * the plan view's `actions` allow the reader (R8), in the order a plan goes through them.
 */
const ACTION_LINKS: { offered: (actions: PlanActionsView) => boolean; path: string; text: string }[] = [
  { offered: (actions) => actions.submit, path: 'submit', text: 'Check your answers and submit the plan' },
  { offered: (actions) => actions.withdraw, path: 'withdraw', text: 'Withdraw the plan from review' },
  {
    offered: (actions) => actions.approve || actions.requestChanges,
    path: 'review',
    text: 'Review the plan: approve it or ask for changes',
  },
  { offered: (actions) => actions.start, path: 'start', text: 'Start the day of action' },
  { offered: (actions) => actions.complete, path: 'complete', text: 'Complete the day of action' },
  { offered: (actions) => actions.standDown, path: 'stand-down', text: 'Stand the day of action down' },
  { offered: (actions) => actions.cancel, path: 'cancel', text: 'Cancel the plan' },
];

/** Whether a plan's page shows its readiness: a plan under way or ended shows its record instead, there is no next step to be ready for. */
export function showsReadiness(plan: OperationView): boolean {
  return readinessStage(plan.status) !== null;
}

/** A plan's page: the plan, its readiness (or, under way or ended, its record), the moves offered, and the banner of what just happened. */
export function planPageView(
  plan: OperationView,
  readiness: ReadinessView | null,
  banner: { happened?: string; query: Record<string, unknown> },
) {
  return {
    pageTitle: `${plan.reference}: ${plan.name}`,
    section: 'plans',
    plan,
    readiness: readiness && readinessSection(plan, readiness),
    record: planRecord(plan),
    typesText: plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', '),
    activeTeams: plan.deployments.filter((deployment) => isActiveDeployment(deployment.status)).length,
    sections: SECTIONS,
    actions: ACTION_LINKS.filter((link) => link.offered(plan.actions)).map(({ path, text }) => ({ path, text })),
    banner: banner.happened ?? BANNERS.find(([flag]) => flag in banner.query)?.[1],
  };
}

/** The tag of a plan changed since the reader last opened it. */
const CHANGED_TAG = { text: 'Changed since you last looked', classes: 'govuk-tag--yellow' };

/** The plans list: the filters, a page of plans (which changed since the reader last looked), and the links to the next and first pages and to the CSV. */
export function plansListView(
  query: ListQuery,
  filters: ListFilters,
  page: OperationPage,
  changed: Set<string>,
  errors: FieldError[],
  exportLimit: number,
) {
  const cursor = listCursor(query);
  const params = new URLSearchParams(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'cursor' && entry[1] !== '',
    ),
  );
  const withCursor = (next: string) => `/plans?${new URLSearchParams([...params, ['cursor', next]])}`;
  return {
    pageTitle: cursor ? 'Plans (next page)' : 'Plans',
    section: 'plans',
    filters,
    plans: page.items.map((plan) => ({ ...plan, changedTag: changed.has(plan.id) ? CHANGED_TAG : undefined })),
    errors,
    nextHref: page.nextCursor ? withCursor(page.nextCursor) : undefined,
    firstHref: cursor ? `/plans${params.size ? `?${params}` : ''}` : undefined,
    exportHref: `/plans/export.csv${params.size ? `?${params}` : ''}`,
    exportLimit: exportLimit.toLocaleString('en-GB'),
  };
}
