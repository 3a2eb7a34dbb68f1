import type { OperationPage } from '../../operations/dto/operation.dto';
import type { OperationView, PlanActionsView } from '../../operations/dto/plan-view.dto';
import { listCriteria } from './plans.form';
import { planPageView, plansListView, showsReadiness } from './plans.view';

const NONE: PlanActionsView = {
  submit: false,
  withdraw: false,
  approve: false,
  requestChanges: false,
  start: false,
  complete: false,
  cancel: false,
  standDown: false,
  edit: false,
  setEvidence: false,
  closeEvidenceGathering: false,
} as PlanActionsView;

function plan(changes: Partial<OperationView> = {}): OperationView {
  return {
    id: 'p1',
    reference: 'OP-2027-0001',
    name: 'Harbour',
    status: 'DRAFT',
    version: 3,
    exploitationTypes: ['LABOUR', 'SEXUAL'],
    deployments: [{ status: 'REQUESTED' }, { status: 'CONFIRMED' }, { status: 'DECLINED' }, { status: 'RELEASED' }],
    actions: NONE,
    ...changes,
  } as unknown as OperationView;
}

describe('a plan’s page view', () => {
  it('offers exactly the moves the plan’s actions allow the reader, in the order a plan goes through them', () => {
    const view = planPageView(plan({ actions: { ...NONE, submit: true, cancel: true, requestChanges: true } }), null, { query: {} });
    expect(view.actions).toEqual([
      { path: 'submit', text: 'Check your answers and submit the plan' },
      { path: 'review', text: 'Review the plan: approve it or ask for changes' },
      { path: 'cancel', text: 'Cancel the plan' },
    ]);
    expect(planPageView(plan(), null, { query: {} }).actions).toEqual([]);
  });

  it('counts the teams still requested or confirmed, and names the types of exploitation', () => {
    const view = planPageView(plan(), null, { query: {} });
    expect(view.activeTeams).toBe(2);
    expect(view.typesText).toBe('Labour exploitation, Sexual exploitation');
    expect(view.pageTitle).toBe('OP-2027-0001: Harbour');
  });

  it('says what just happened: the change posted on this request first, else the flag in the address', () => {
    expect(planPageView(plan(), null, { query: { submitted: '' } }).banner).toBe('Plan submitted for review');
    expect(planPageView(plan(), null, { happened: 'Teams saved', query: { submitted: '' } }).banner).toBe('Teams saved');
    expect(planPageView(plan(), null, { query: {} }).banner).toBeUndefined();
  });

  it('shows readiness before the day of action, and its record once it is under way', () => {
    expect(showsReadiness(plan())).toBe(true);
    const active = plan({ status: 'ACTIVE', deployments: [] } as Partial<OperationView>);
    expect(showsReadiness(active)).toBe(false);
    expect(planPageView(active, null, { query: {} }).record?.heading).toBe('The day of action is under way');
  });
});

describe('the plans list view', () => {
  it('keeps the filters in the next page’s, the first page’s and the CSV’s links, without the cursor', () => {
    const query = { q: 'harbour', status: '', cursor: 'abc' };
    const { filters } = listCriteria(query);
    const view = plansListView(query, filters, { items: [], nextCursor: 'def' }, new Set(), [], 5000);
    expect(view.pageTitle).toBe('Plans (next page)');
    expect(view.nextHref).toBe('/plans?q=harbour&cursor=def');
    expect(view.firstHref).toBe('/plans?q=harbour');
    expect(view.exportHref).toBe('/plans/export.csv?q=harbour');
    expect(view.exportLimit).toBe('5,000');
  });

  it('tags the plans changed since the reader last opened them', () => {
    const page = { items: [{ id: 'p1' }, { id: 'p2' }] as OperationPage['items'], nextCursor: null };
    const view = plansListView({}, listCriteria({}).filters, page, new Set(['p2']), [], 5000);
    expect(view.plans.map((plan) => plan.changedTag?.text)).toEqual([undefined, 'Changed since you last looked']);
  });

  it('has no first page link on the first page, nor next page link on the last', () => {
    const view = plansListView({}, listCriteria({}).filters, { items: [], nextCursor: null }, new Set(), [], 5000);
    expect(view.pageTitle).toBe('Plans');
    expect([view.nextHref, view.firstHref, view.exportHref]).toEqual([undefined, undefined, '/plans/export.csv']);
  });
});

describe('the plans list filters', () => {
  it('turns UK dates into the start of the first day and the end of the last', () => {
    const { criteria, errors } = listCriteria({
      'from-day': '1',
      'from-month': '7',
      'from-year': '2027',
      'to-day': '2',
      'to-month': '7',
      'to-year': '2027',
    });
    expect(errors).toEqual([]);
    expect(criteria).toEqual({ from: '2027-06-30T23:00:00.000Z', to: '2027-07-02T22:59:59.999Z' });
  });

  it('says which filter is wrong in words', () => {
    const { errors } = listCriteria({ 'from-day': '31', 'from-month': '2', 'from-year': '2027', status: 'NOPE', q: 'x'.repeat(101) });
    expect(errors.map((error) => error.field)).toEqual(['from-day', 'status', 'q']);
  });
});
