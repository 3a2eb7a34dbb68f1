import { createAgency, createTeam, createUser, login, operationBody, signedIn, TeamRow } from '../factories';
import { Auth, Plan } from '../factories/scenario';
import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

type Task = {
  kind: string;
  operation: { id: string; reference: string };
  summary: string;
  urgent: boolean;
  startsInHours?: number;
  deploymentId?: string;
  requirementId?: string;
};

describe('GET /tasks: what waits for each user', () => {
  const { t, s } = useApp();

  const HOUR = 3600_000;
  const { page } = browserOf(() => t.http);
  const tasksOf = async (who: Auth): Promise<Task[]> => (await s.get(who, '/tasks').expect(200)).body;
  const about = (tasks: Task[], planId: string) => tasks.filter((task) => task.operation.id === planId).map((task) => task.kind);
  const current = async (who: Auth, plan: { id: string }): Promise<Plan> => (await s.get(who, `/operations/${plan.id}`).expect(200)).body;
  /** The owner asks for one officer of `team` on the plan as it stands now; returns the new request. */
  const requestTeam = async (who: Auth, plan: { id: string }, team: TeamRow) => {
    const asked: Plan = (
      await s
        .post(who, `/operations/${plan.id}/deployments`, {
          teamId: team.id,
          headcount: 1,
          tasking: 'In support',
          version: (await current(who, plan)).version,
        })
        .expect(201)
    ).body;
    return asked.deployments.find((deployment) => deployment.team.id === team.id && deployment.status === 'REQUESTED')!;
  };
  const answer = (who: Auth, plan: { id: string }, deployment: { id: string; version?: number }, reason?: string) =>
    s.post(who, `/operations/${plan.id}/deployments/${deployment.id}/${reason ? 'decline' : 'confirm'}`, {
      version: deployment.version,
      ...(reason ? { reason } : {}),
    });
  /** The "Your tasks" page as the user's browser shows it: its table rows. */
  const taskRows = async (email: string): Promise<string[]> => {
    const html = (await page(await webSignIn(t.http, email), '/')).text;
    return html.split('<tr class="govuk-table__row">').slice(1);
  };
  /** The rows of the plan's tasks, one after the other. */
  const rowsOf = (rows: string[], reference: string) => rows.filter((row) => row.includes(`>${reference}</a>`)).join('');

  it('needs a signed-in user', async () => {
    const refused = await t.http().get('/tasks').expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
  });

  it('gives the owning coordinator drafts to finish, changes to make and submitted plans that start within 7 days', async () => {
    const owner = await s.owner();
    const draft = await s.plan(owner);
    const sentBack = await s.plan(owner, { stage: 'submitted' });
    await s
      .post(owner.manager, `/operations/${sentBack.id}/review`, {
        decision: 'REQUEST_CHANGES',
        comment: 'Add the dog handler',
        version: sentBack.version,
      })
      .expect(200);
    const soon = await s.plan(owner, {
      stage: 'submitted',
      body: {
        startsAt: new Date(Date.now() + 3 * 24 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 3 * 24 * HOUR + 8 * HOUR).toISOString(),
      },
    });
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
    expect(bothTasks.find((task) => task.operation.id === own.id)?.summary).toBe(
      'Needs another manager: you created it, so another manager of your agency reviews it',
    );
    expect(about(bothTasks, submitted.id)).toEqual(['REVIEW_PLAN']);

    const otherManager = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    expect(await tasksOf(otherManager.auth)).toEqual([]);
  });

  it('gives a partner coordinator the requests for its teams, and nothing of plans it is not part of', async () => {
    const owner = await s.owner();
    const partner = await s.partner();
    const plan = await s.plan(owner);
    const withRequest = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: partner.team.id,
          headcount: 2,
          tasking: 'Tax checks',
          version: plan.version,
        })
        .expect(201)
    ).body;
    const deployment = withRequest.deployments.find((d: { team: { id: string } }) => d.team.id === partner.team.id);
    const tasks = await tasksOf(partner.auth);
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'ANSWER_TEAM_REQUEST',
        deploymentId: deployment.id,
        summary: `Confirm or decline ${partner.team.name} (2 officers) for ${owner.agency.name}, tasked with: Tax checks`,
        operation: expect.objectContaining({ id: plan.id }),
      }),
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
    const planA = (
      await s
        .post(a.auth, '/operations', operationBody({ ...window, name: 'Secret A', locations: [{ label: 'A', address: 'Here', postcode }] }))
        .expect(201)
    ).body;
    const planB = (
      await s
        .post(
          b.auth,
          '/operations',
          operationBody({ ...window, name: 'Secret B', locations: [{ label: 'B', address: 'There', postcode }] }),
        )
        .expect(201)
    ).body;
    const forA = await tasksOf(a.auth);
    expect(forA.filter((task) => task.kind === 'ACKNOWLEDGE_HIT')).toEqual([
      expect.objectContaining({ operation: expect.objectContaining({ id: planA.id }), summary: expect.stringContaining(planB.reference) }),
    ]);
    expect(JSON.stringify(forA)).not.toContain('Secret B');
    const forB = await tasksOf(b.auth);
    expect(forB.filter((task) => task.kind === 'ACKNOWLEDGE_HIT').map((task) => task.operation.id)).toEqual([planB.id]);
  });

  it('tells the owner, and only the owner, that a partner declined a team and why, until the owner asks for it again or submits the plan', async () => {
    const owner = await s.owner();
    const partner = await s.partner();
    const bystander = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
    const plan = await s.plan(owner, { stage: 'ready', partners: [bystander] });
    const reason = 'Committed to a port operation that week';
    const first = await requestTeam(owner.auth, plan, partner.team);
    await answer(partner.auth, plan, first, reason).expect(200);

    const declined = (await tasksOf(owner.auth)).filter((task) => task.kind === 'TEAM_DECLINED');
    expect(declined).toEqual([
      expect.objectContaining({
        operation: expect.objectContaining({ id: plan.id }),
        deploymentId: first.id,
        summary: `${partner.agency.code} declined ${partner.team.name}: “${reason}”. Ask for another team or for this one again, or submit the plan without it`,
      }),
    ]);
    expect(rowsOf(await taskRows(owner.user.email), plan.reference)).toContain(`href="/plans/${plan.reference}/teams"`);
    // The reason is the owner's and the declining agency's (R14a): no other agency on the plan is told.
    for (const other of [partner, bystander]) expect(JSON.stringify(await tasksOf(other.auth))).not.toContain(reason);
    expect(await tasksOf(owner.manager)).toEqual([]);

    const again = await requestTeam(owner.auth, plan, partner.team);
    expect(about(await tasksOf(owner.auth), plan.id)).not.toContain('TEAM_DECLINED');
    await answer(partner.auth, plan, again, 'Still committed').expect(200);
    expect((await tasksOf(owner.auth)).filter((task) => task.kind === 'TEAM_DECLINED').map((task) => task.deploymentId)).toEqual([
      again.id,
    ]);

    // Going on without the team: once the plan is submitted the decline is settled, even if it comes back for changes.
    const submitted: Plan = (
      await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: (await current(owner.auth, plan)).version }).expect(200)
    ).body;
    expect(about(await tasksOf(owner.auth), plan.id)).not.toContain('TEAM_DECLINED');
    await s
      .post(owner.manager, `/operations/${plan.id}/review`, {
        decision: 'REQUEST_CHANGES',
        comment: 'Say who covers the tax checks',
        version: submitted.version,
      })
      .expect(200);
    expect(about(await tasksOf(owner.auth), plan.id)).toEqual(['MAKE_CHANGES']);
  });

  it('drops a declined team from the owner’s tasks once the plan is cancelled or its window has ended', async () => {
    const owner = await s.owner();
    const partner = await s.partner();
    const [cancelled, ended] = [await s.draft(owner), await s.draft(owner)];
    for (const plan of [cancelled, ended])
      await answer(partner.auth, plan, await requestTeam(owner.auth, plan, partner.team), 'No officers free').expect(200);
    expect(
      (await tasksOf(owner.auth))
        .filter((task) => task.kind === 'TEAM_DECLINED')
        .map((task) => task.operation.id)
        .sort(),
    ).toEqual([cancelled.id, ended.id].sort());

    await s
      .post(owner.auth, `/operations/${cancelled.id}/cancel`, {
        version: (await current(owner.auth, cancelled)).version,
        reason: 'Intelligence went cold',
      })
      .expect(200);
    await s.windowOpensAt(ended, new Date(Date.now() - 20 * HOUR));
    expect((await tasksOf(owner.auth)).filter((task) => task.kind === 'TEAM_DECLINED')).toEqual([]);
  });

  it('sends a request to an agency with no active coordinator to its managers, who may confirm or decline it; never to a manager of an agency with one', async () => {
    const owner = await s.owner();
    const agency = await createAgency(t.dataSource, { kind: 'IMMIGRATION_ENFORCEMENT' });
    const managerUser = await createUser(t.dataSource, agency, ['MANAGER']);
    await createUser(t.dataSource, agency, ['COORDINATOR'], { active: false });
    const manager = { Authorization: `Bearer ${await login(t.http, managerUser)}` };
    const [checks, arrests] = [
      await createTeam(t.dataSource, agency, { capabilities: ['IMMIGRATION_CHECKS'] }),
      await createTeam(t.dataSource, agency, { capabilities: ['ARREST'] }),
    ];
    const plan = await s.draft(owner);
    const first = await requestTeam(owner.auth, plan, checks);
    const second = await requestTeam(owner.auth, plan, arrests);

    const waiting = await tasksOf(manager);
    expect(waiting.map((task) => [task.kind, task.deploymentId])).toEqual([
      ['ANSWER_TEAM_REQUEST', first.id],
      ['ANSWER_TEAM_REQUEST', second.id],
    ]);
    expect(waiting[0].summary).toBe(
      `Your agency has no coordinator, so you answer for it: confirm or decline ${checks.name} (1 officer) for ${owner.agency.name}, tasked with: In support`,
    );
    expect(rowsOf(await taskRows(managerUser.email), plan.reference)).toContain(`href="/plans/${plan.reference}/teams"`);

    // Another agency's manager may not answer for it, and is told who may.
    const outsider = await answer(owner.manager, plan, first).expect(403);
    expect(outsider.body.message).toBe(
      `${agency.code} has no coordinator, so only a manager of ${agency.code} may confirm or decline the deployment of ${checks.name}`,
    );
    const confirmed = await answer(manager, plan, first).expect(200);
    expect(confirmed.body.deployment).toMatchObject({ id: first.id, status: 'CONFIRMED', respondedBy: { id: managerUser.id } });
    await answer(manager, plan, second, 'Both teams are on leave').expect(200);
    expect(await tasksOf(manager)).toEqual([]);
    expect((await tasksOf(owner.auth)).find((task) => task.kind === 'TEAM_DECLINED')?.summary).toContain(
      `${agency.code} declined ${arrests.name}: “Both teams are on leave”`,
    );

    // Once the agency has a coordinator again, the coordinator answers and its managers no longer may (read at answer time).
    const third = await requestTeam(owner.auth, plan, arrests);
    const coordinator = await createUser(t.dataSource, agency, ['COORDINATOR']);
    expect(await tasksOf(manager)).toEqual([]);
    const refused = await answer(manager, plan, third).expect(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only a coordinator of ${agency.code} may confirm or decline the deployment of ${arrests.name}`,
    });
    const coordinatorAuth = { Authorization: `Bearer ${await login(t.http, coordinator)}` };
    expect((await tasksOf(coordinatorAuth)).map((task) => task.deploymentId)).toEqual([third.id]);
    await answer(coordinatorAuth, plan, third).expect(200);
  });

  it('refuses a manager of an agency with a coordinator, and leaves its requests to the coordinator', async () => {
    const owner = await s.owner();
    const partner = await s.partner();
    const partnerManager = await s.managerOf(partner.agency);
    const plan = await s.draft(owner);
    const requested = await requestTeam(owner.auth, plan, partner.team);
    expect(await tasksOf(partnerManager)).toEqual([]);
    const refused = await answer(partnerManager, plan, requested, 'Not ours to give').expect(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only a coordinator of ${partner.agency.code} may confirm or decline the deployment of ${partner.team.name}`,
    });
    expect((await current(owner.auth, plan)).deployments.find((deployment) => deployment.id === requested.id)?.status).toBe('REQUESTED');
  });

  it('always asks the owner of an active plan to record the outcomes and complete it, from the moment it starts', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'active' });
    const completing = async () =>
      (await tasksOf(owner.auth)).filter((task) => task.operation.id === plan.id && task.kind.endsWith('_PLAN'));
    const before = await completing();
    expect(before).toEqual([
      expect.objectContaining({
        kind: 'COMPLETE_PLAN',
        summary: `Record the outcomes and complete ${plan.reference} once the day of action is over`,
        urgent: true,
        startsInHours: 1,
      }),
    ]);
    expect(rowsOf(await taskRows(owner.user.email), plan.reference)).toContain('Under way');

    await s.windowOpensAt(plan, new Date(Date.now() - 12 * HOUR));
    const after = await completing();
    expect(after).toEqual([
      expect.objectContaining({
        kind: 'COMPLETE_PLAN',
        summary: `Record the outcomes and complete ${plan.reference}: the day of action is over`,
      }),
    ]);
    expect(after[0].startsInHours).toBeUndefined();
  });

  it('says in hours how soon a plan starts when it starts within a day, and within 7 days otherwise', async () => {
    const owner = await s.owner();
    const startingIn = (ms: number) =>
      s.draft(owner, { startsAt: new Date(Date.now() + ms).toISOString(), endsAt: new Date(Date.now() + ms + 8 * HOUR).toISOString() });
    const [fiveHours, oneHour, minutes, days, weeks] = [
      await startingIn(5.5 * HOUR),
      await startingIn(1.5 * HOUR),
      await startingIn(0.5 * HOUR),
      await startingIn(3 * 24 * HOUR),
      await startingIn(20 * 24 * HOUR),
    ];
    const tasks = await tasksOf(owner.auth);
    const of = (plan: Plan) => tasks.find((task) => task.operation.id === plan.id)!;
    expect([fiveHours, oneHour, minutes, days, weeks].map((plan) => [of(plan).urgent, of(plan).startsInHours])).toEqual([
      [true, 5],
      [true, 1],
      [true, 0],
      [true, undefined],
      [false, undefined],
    ]);

    const rows = await taskRows(owner.user.email);
    const tag = (plan: Plan) => /<strong class="govuk-tag[^"]*">\s*([^<]*?)\s*<\/strong>/.exec(rowsOf(rows, plan.reference))?.[1];
    expect([fiveHours, oneHour, minutes, days, weeks].map(tag)).toEqual([
      'Starts in 5 hours',
      'Starts in 1 hour',
      'Starts within the hour',
      'Starts within 7 days',
      undefined,
    ]);
  });

  it('refuses a subject past the daily limit on the subjects page, and gives the managers a task on Your tasks they can mark as looked into, JavaScript off', async () => {
    const limited = await startTestApp({ DECONFLICTION_MAX_ADDITIONS_PER_DAY: '2' });
    try {
      const { page: limitedPage, post } = browserOf(() => limited.http);
      const coordinator = await signedIn(limited.dataSource, limited.http);
      const manager = await createUser(limited.dataSource, coordinator.agency, ['MANAGER']);
      const otherManager = await createUser(limited.dataSource, coordinator.agency, ['MANAGER']);
      // A new plan refused was never made: its report names no plan.
      await limited
        .http()
        .post('/operations')
        .set(coordinator.auth)
        .send(
          operationBody({
            locations: ['AB1 2CD', 'AB1 3CD', 'AB1 4CD'].map((postcode) => ({ label: postcode, address: 'Somewhere', postcode })),
          }),
        )
        .expect(429);
      const plan = (
        await limited
          .http()
          .post('/operations')
          .set(coordinator.auth)
          .send(operationBody({ locations: [] }))
          .expect(201)
      ).body;
      const session = await webSignIn(limited.http, coordinator.user.email);
      const path = `/plans/${plan.reference}/subjects`;
      let html = (await limitedPage(session, path)).text;
      await post(session, path, {
        ...drawnAt(html),
        kind: 'PERSON',
        fullName: 'Jan Kowalski',
        'dateOfBirth-day': '1',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1980',
        aliases: 'Janek',
        phone: '',
        registration: '',
        email: '',
      }).expect(303);
      html = (await limitedPage(session, path)).text;
      const refused = await post(session, path, { ...drawnAt(html), kind: 'PHONE', phone: '07700 900999' });
      expect(refused.status).toBe(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        expect.stringMatching(
          /^You can add up to 2 identifiers and postcodes to plans in a day, and this change would take you past that, so it was not made\./,
        ),
      ]);

      const managerSession = await webSignIn(limited.http, manager.email);
      const tasksPage = (await limitedPage(managerSession, '/')).text;
      const rows = tasksPage.split('<tr class="govuk-table__row">').filter((row) => row.includes('<td'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`href="/plans/${plan.reference}/history"`);
      expect(rows[0]).toContain(
        `${coordinator.user.name} (${coordinator.user.email}) went past the daily limit of 2 identifiers and postcodes added to plans on `,
      );
      expect(rows[0]).toContain(`2 changes were refused, which would have added 4 more`);
      expect(rows[0]).toContain('Marking it as looked into takes it off the tasks of every manager in your agency');
      const looked = await post(managerSession, '/addition-limit-reports/looked-into', { reportId: valueOf(rows[0], 'reportId') }).expect(
        303,
      );
      expect(looked.headers.location).toBe('/?looked-into');
      const after = (await limitedPage(managerSession, '/?looked-into')).text;
      expect(after).toContain('Marked as looked into');
      expect(after).toContain('Nothing waits for you.');
      const otherSession = await webSignIn(limited.http, otherManager.email);
      expect((await limitedPage(otherSession, '/')).text).toContain('Nothing waits for you.');
      await post(session, '/addition-limit-reports/looked-into', { reportId: valueOf(rows[0], 'reportId') }).expect(403);
    } finally {
      await limited.close();
    }
  });
});
