import { createUser, login, operationBody, signedIn } from '../factories';
import { Auth, Scenario } from '../factories/scenario';
import { startTestApp, TestApp } from '../support/test-app';

type Task = { kind: string; operation: { id: string; reference: string }; summary: string; urgent: boolean; deploymentId?: string; requirementId?: string };

describe('GET /tasks: what waits for each user', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
  });
  afterAll(() => t.close());

  const HOUR = 3600_000;
  const tasksOf = async (who: Auth): Promise<Task[]> => (await s.get(who, '/tasks').expect(200)).body;
  const about = (tasks: Task[], planId: string) => tasks.filter((task) => task.operation.id === planId).map((task) => task.kind);

  it('needs a signed-in user', async () => {
    const refused = await t.http().get('/tasks').expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
  });

  it('gives the owning coordinator drafts to finish, changes to make and submitted plans that start within 7 days', async () => {
    const owner = await s.owner();
    const draft = await s.plan(owner);
    const sentBack = await s.plan(owner, { stage: 'submitted' });
    await s.post(owner.manager, `/operations/${sentBack.id}/review`, { decision: 'REQUEST_CHANGES', comment: 'Add the dog handler', version: sentBack.version }).expect(200);
    const soon = await s.plan(owner, { stage: 'submitted', body: { startsAt: new Date(Date.now() + 3 * 24 * HOUR).toISOString(), endsAt: new Date(Date.now() + 3 * 24 * HOUR + 8 * HOUR).toISOString() } });
    const later = await s.plan(owner, { stage: 'submitted' });
    const approved = await s.plan(owner, { stage: 'approved' });

    const tasks = await tasksOf(owner.auth);
    expect(about(tasks, draft.id)).toEqual(['FINISH_PLAN']);
    expect(about(tasks, sentBack.id)).toEqual(['MAKE_CHANGES']);
    expect(about(tasks, soon.id)).toEqual(['CHASE_APPROVAL']);
    expect(tasks.find((task) => task.operation.id === soon.id)).toMatchObject({ urgent: true, operation: { reference: soon.reference } });
    expect(tasks.find((task) => task.operation.id === draft.id)?.urgent).toBe(false);
    expect(about(tasks, later.id)).toEqual([]);
    expect(about(tasks, approved.id)).toEqual([]);

    const stranger = await s.owner();
    expect(await tasksOf(stranger.auth)).toEqual([]);
  });

  it('gives a manager the submitted plans of the agency they may review, and lists those they created or changed as needing another manager', async () => {
    const owner = await s.owner();
    const submitted = await s.plan(owner, { stage: 'submitted' });
    expect(about(await tasksOf(owner.manager), submitted.id)).toEqual(['REVIEW_PLAN']);

    const both = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const bothAuth = { Authorization: `Bearer ${await login(t.http, both)}` };
    const own = await s.plan({ ...owner, auth: bothAuth, user: { ...owner.user, id: both.id } }, { stage: 'submitted' });
    const bothTasks = await tasksOf(bothAuth);
    expect(about(bothTasks, own.id)).toEqual(['NEEDS_ANOTHER_MANAGER']);
    expect(bothTasks.find((task) => task.operation.id === own.id)?.summary).toBe('Needs another manager: you created it, so another manager of your agency reviews it');
    expect(about(bothTasks, submitted.id)).toEqual(['REVIEW_PLAN']);

    const otherManager = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    expect(await tasksOf(otherManager.auth)).toEqual([]);
  });

  it('gives a partner coordinator the requests for its teams, and nothing of plans it is not part of', async () => {
    const owner = await s.owner();
    const partner = await s.partner();
    const plan = await s.plan(owner);
    const withRequest = (await s.post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: partner.team.id, headcount: 2, tasking: 'Tax checks', version: plan.version }).expect(201)).body;
    const deployment = withRequest.deployments.find((d: { team: { id: string } }) => d.team.id === partner.team.id);
    const tasks = await tasksOf(partner.auth);
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'ANSWER_TEAM_REQUEST', deploymentId: deployment.id, summary: `Confirm or decline ${partner.team.name} (2 officers) for ${owner.agency.name}, tasked with: Tax checks`, operation: expect.objectContaining({ id: plan.id }) }),
    ]);
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${deployment.id}/confirm`, { version: deployment.version }).expect(200);
    expect(await tasksOf(partner.auth)).toEqual([]);

    const unrelated = await s.partner();
    expect(await tasksOf(unrelated.auth)).toEqual([]);
  });

  it('shows a hit to acknowledge to each owner, naming only the other plan’s reference', async () => {
    const a = await s.owner();
    const b = await s.owner();
    const postcode = 'LS1 4AP';
    const window = { startsAt: '2029-02-01T05:00:00Z', endsAt: '2029-02-01T15:00:00Z' };
    const planA = (await s.post(a.auth, '/operations', operationBody({ ...window, name: 'Secret A', locations: [{ label: 'A', address: 'Here', postcode }] })).expect(201)).body;
    const planB = (await s.post(b.auth, '/operations', operationBody({ ...window, name: 'Secret B', locations: [{ label: 'B', address: 'There', postcode }] })).expect(201)).body;
    const forA = await tasksOf(a.auth);
    expect(forA.filter((task) => task.kind === 'ACKNOWLEDGE_HIT')).toEqual([expect.objectContaining({ operation: expect.objectContaining({ id: planA.id }), summary: expect.stringContaining(planB.reference) })]);
    expect(JSON.stringify(forA)).not.toContain('Secret B');
    const forB = await tasksOf(b.auth);
    expect(forB.filter((task) => task.kind === 'ACKNOWLEDGE_HIT').map((task) => task.operation.id)).toEqual([planB.id]);
  });
});
