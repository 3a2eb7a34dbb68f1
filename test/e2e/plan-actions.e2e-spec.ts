import { OPERATION_STATUSES, OperationStatus } from '../../src/common/domain';
import { LIFECYCLE_ACTIONS, LifecycleAction } from '../../src/common/lifecycle';
import { createTeam, createUser, login } from '../factories';
import { Auth, Owner, Plan, Scenario, Signed } from '../factories/scenario';
import { browserOf, WebSession, webSignIn } from '../support/browser-session';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const HOUR = 3600_000;
const ROLES = ['owner coordinator', 'partner coordinator', 'lead manager who may review', 'manager who created it'] as const;
type Role = (typeof ROLES)[number];

/** Where each move is offered: the sub-page the plan page links to, and where that page's form posts. */
const PAGES: Record<LifecycleAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  approve: 'review',
  'request-changes': 'review',
  start: 'start',
  complete: 'complete',
  cancel: 'cancel',
  'stand-down': 'stand-down',
};

/** The plan view's name for each move. */
const ACTION_KEYS: Record<LifecycleAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  approve: 'approve',
  'request-changes': 'requestChanges',
  start: 'start',
  complete: 'complete',
  cancel: 'cancel',
  'stand-down': 'standDown',
};

/**
 * R8 and the pages (issue 24): for every lifecycle move × status × role, the plan page offers the
 * move (a link from the plan page, and a form on the move's own page) exactly when the API accepts
 * it. Every plan is built through the API, as a client would.
 */
describe('the pages offer exactly the moves the API accepts', () => {
  let t: TestApp;
  let s: Scenario;
  let cast: {
    owner: Owner;
    creator: Owner;
    partner: Signed & { team: { capabilities: string[] } };
    auth: Record<Role, Auth>;
    sessions: Record<Role, WebSession>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
    const owner = await s.owner();
    // A coordinator who is also a manager of the owning agency creates and edits every plan: R12 keeps them from reviewing it.
    const creatorUser = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const creator: Owner = { ...owner, user: creatorUser, auth: { Authorization: `Bearer ${await login(t.http, creatorUser)}` } };
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const auth: Record<Role, Auth> = {
      'owner coordinator': owner.auth,
      'partner coordinator': partner.auth,
      'lead manager who may review': owner.manager,
      'manager who created it': creator.auth,
    };
    const emails: Record<Role, string> = {
      'owner coordinator': owner.user.email,
      'partner coordinator': partner.user.email,
      'lead manager who may review': owner.managerUser.email,
      'manager who created it': creatorUser.email,
    };
    const sessions = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await webSignIn(t.http, emails[role])])),
    ) as Record<Role, WebSession>;
    cast = { owner, creator, partner, auth, sessions };
  });
  afterAll(() => t.close());

  const { page } = browserOf(() => t.http);

  /** A new plan of the cast in `status`, with a team of the owner's and one of the partner's confirmed, built through the API. */
  async function planIn(status: OperationStatus): Promise<Plan> {
    const { creator, owner, partner } = cast;
    // A team of the partner's own for each plan: plans on the same day must not double-book it.
    const partners = [{ ...partner, team: await createTeam(t.dataSource, partner.agency, { capabilities: ['TAX_COMPLIANCE'] }) }];
    const soon = { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 12 * HOUR).toISOString() };
    const post = async (path: string, body: Record<string, unknown>, who: Auth = creator.auth): Promise<Plan> =>
      (await s.post(who, path, body).expect(200)).body;
    const started = async () => {
      const plan = await s.plan(creator, { stage: 'active', partners });
      await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
      return (await s.get(creator.auth, `/operations/${plan.id}`).expect(200)).body as Plan;
    };
    switch (status) {
      case 'DRAFT':
        return s.plan(creator, { stage: 'ready', partners });
      case 'SUBMITTED':
        // Signed off by the partner, as approval needs: the test is about who may move the plan, not readiness.
        return s.signOffs(await s.plan(creator, { stage: 'submitted', partners }));
      case 'CHANGES_REQUESTED': {
        const plan = await s.plan(creator, { stage: 'submitted', partners });
        return post(
          `/operations/${plan.id}/review`,
          { decision: 'REQUEST_CHANGES', comment: 'Name the interpreter', version: plan.version },
          owner.manager,
        );
      }
      case 'APPROVED':
        return s.plan(creator, { stage: 'approved', partners, body: soon });
      case 'ACTIVE':
        return started();
      case 'COMPLETED': {
        const plan = await started();
        return post(`/operations/${plan.id}/complete`, {
          version: plan.version,
          outcomes: { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 1 },
        });
      }
      case 'CANCELLED': {
        const plan = await s.plan(creator, { stage: 'ready', partners });
        return post(`/operations/${plan.id}/cancel`, { version: plan.version, reason: 'The site has closed' });
      }
      case 'STOOD_DOWN': {
        const plan = await started();
        return post(`/operations/${plan.id}/stand-down`, { version: plan.version, reason: 'The subjects have gone' });
      }
    }
  }

  /** The move posted to the API as `role` would post it. */
  function attempt(role: Role, plan: Plan, action: LifecycleAction) {
    const bodies: Record<LifecycleAction, [string, Record<string, unknown>]> = {
      submit: ['submit', {}],
      withdraw: ['withdraw', {}],
      approve: ['review', { decision: 'APPROVE', comment: 'Proportionate' }],
      'request-changes': ['review', { decision: 'REQUEST_CHANGES', comment: 'Add a dog handler' }],
      start: ['start', {}],
      complete: ['complete', { outcomes: { arrests: 1, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 1 } }],
      cancel: ['cancel', { reason: 'Called off' }],
      'stand-down': ['stand-down', { reason: 'The subjects have gone' }],
    };
    const [path, body] = bodies[action];
    return s.post(cast.auth[role], `/operations/${plan.id}/${path}`, { ...body, version: plan.version });
  }

  /** The moves the plan page offers `role`: the links of its "What you can do now" list. */
  async function offeredOnPlanPage(role: Role, plan: Plan): Promise<string[]> {
    const html = (await page(cast.sessions[role], `/plans/${plan.reference}`)).text;
    const list = /<ul class="govuk-list" id="plan-actions">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    return [...list.matchAll(/href="\/plans\/[^/]+\/([a-z-]+)"/g)].map((match) => match[1]);
  }

  /** Whether the move's own page holds the form that makes it. */
  async function formOnItsPage(role: Role, plan: Plan, action: LifecycleAction): Promise<boolean> {
    const html = (await page(cast.sessions[role], `/plans/${plan.reference}/${PAGES[action]}`)).text;
    return html.includes(`<form method="post" action="/plans/${plan.reference}/${PAGES[action]}"`);
  }

  it.each(OPERATION_STATUSES.map((status) => [status]))('%s', async (status) => {
    const plan = await planIn(status);
    expect(plan.status).toBe(status);
    const table: string[] = [];
    for (const role of ROLES) {
      const view: Plan = (await s.get(cast.auth[role], `/operations/${plan.id}`).expect(200)).body;
      const linked = await offeredOnPlanPage(role, plan);
      for (const action of LIFECYCLE_ACTIONS) {
        const offered = (view.actions as unknown as Record<string, boolean>)[ACTION_KEYS[action]];
        expect({ role, action, linked: linked.includes(PAGES[action]) }).toEqual({ role, action, linked: offered });
        expect({ role, action, form: await formOnItsPage(role, plan, action) }).toEqual({ role, action, form: offered });
        // A move the page offers is tried on a plan of its own, since it changes the plan; one it does not offer is tried here, and changes nothing.
        const answer = await attempt(role, offered ? await planIn(status) : plan, action);
        expect({ role, action, accepted: answer.status === 200 }).toEqual({ role, action, accepted: offered });
        if (!offered) {
          expect(['FORBIDDEN', 'SELF_APPROVAL', 'INVALID_TRANSITION']).toContain(answer.body.code);
          expect(answer.body.message).not.toMatch(
            /[A-Z]{2,}_[A-Z]|\b(DRAFT|SUBMITTED|APPROVED|ACTIVE|COMPLETED|CANCELLED)\b|stand-down|request-changes/,
          );
        }
        if (offered) table.push(`${role}: ${action}`);
      }
    }
    expect((await s.get(cast.owner.auth, `/operations/${plan.id}`).expect(200)).body).toMatchObject({ status, version: plan.version });
    expect(table).toEqual(EXPECTED[status]);
  });

  /**
   * The engaged CPS liaison's move on the evidence: closing gathering, offered on the evidence page
   * (and in the plan view's actions) exactly when the API accepts it: once the day of action is
   * completed or stood down, the evidence gathered before it was stood down recorded.
   */
  it.each(OPERATION_STATUSES.map((status) => [status]))('%s: closing evidence gathering', async (status) => {
    const liaison = await s.liaison();
    const session = await webSignIn(t.http, liaison.user.email);
    const plan = await planIn(status);
    const view: Plan = (await s.get(liaison.auth, `/operations/${plan.id}`).expect(200)).body;
    const offered = view.actions.closeEvidenceGathering;
    expect(offered).toBe(status === 'COMPLETED' || status === 'STOOD_DOWN');
    const html = (await page(session, `/plans/${plan.reference}/evidence`)).text;
    expect(html.includes(`<form method="post" action="/plans/${plan.reference}/evidence/close"`)).toBe(offered);
    const target = offered ? await planIn(status) : plan;
    const answer = await s.post(liaison.auth, `/operations/${target.id}/cps-involvement/close`, { version: target.version });
    expect(answer.status === 200).toBe(offered);
    if (!offered) {
      expect(answer.body.code).toBe('INVALID_TRANSITION');
      expect(answer.body.message).toBe(
        `Evidence gathering on ${plan.reference} is closed only once its day of action has been completed or stood down`,
      );
    }
  });

  /** R8 and R12 as DESIGN.md writes them: who may make which move from each status. */
  const owners = (...actions: LifecycleAction[]) =>
    ['owner coordinator', 'manager who created it'].flatMap((role) => actions.map((action) => `${role}: ${action}`));
  const EXPECTED: Record<OperationStatus, string[]> = {
    DRAFT: owners('submit', 'cancel'),
    SUBMITTED: [
      ...owners('withdraw', 'cancel'),
      'lead manager who may review: approve',
      'lead manager who may review: request-changes',
    ].sort(byRole),
    CHANGES_REQUESTED: owners('submit', 'cancel'),
    APPROVED: owners('start', 'cancel'),
    ACTIVE: owners('complete', 'stand-down'),
    COMPLETED: [],
    CANCELLED: [],
    STOOD_DOWN: [],
  };
  function byRole(a: string, b: string): number {
    const role = (entry: string) => ROLES.indexOf(entry.split(': ')[0] as Role);
    return role(a) - role(b);
  }
});
