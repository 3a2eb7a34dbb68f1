import { createTeam, createUser, login, operationBody, signedIn, TeamRow } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

type Signed = Awaited<ReturnType<typeof signedIn>>;
type Plan = { id: string; version: number; reference: string; status: string; [key: string]: unknown };

describe('review: readiness, lifecycle, four eyes, deconfliction and the briefing', () => {
  let t: TestApp;
  let liaison: Signed;

  beforeAll(async () => {
    t = await startTestApp();
    liaison = await signedIn(t.dataSource, t.http, ['CPS_LIAISON'], 'CPS');
  });
  afterAll(() => t.close());

  /** A police agency with a coordinator, a manager and a team that can safeguard and interpret. */
  async function agency() {
    const owner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    const managerUser = await createUser(t.dataSource, owner.agency, ['MANAGER']);
    const manager = { Authorization: `Bearer ${await login(t.http, managerUser)}` };
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY', 'SAFEGUARDING', 'INTERPRETING'] });
    return { owner, manager, managerUser, team };
  }

  const post = (who: { Authorization: string }, path: string, body: Record<string, unknown>) => t.http().post(path).set(who).send(body);

  /** Walks a plan to ready: lead, confirmed team, CPS engaged, an essential requirement assigned. */
  async function readyPlan(owner: Signed, team: TeamRow, overrides: Record<string, unknown> = {}): Promise<Plan> {
    let plan: Plan = (await post(owner.auth, '/operations', operationBody(overrides)).expect(201)).body;
    plan = (await t.http().put(`/operations/${plan.id}/lead-agency`).set(owner.auth).send({ agencyId: owner.agency.id, version: plan.version }).expect(200)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: team.id, headcount: 2, tasking: 'Entry and safeguarding', version: plan.version }).expect(201)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/cps-involvement`, { version: plan.version }).expect(200)).body;
    plan = (await post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: plan.version }).expect(200)).body;
    const added = (await post(liaison.auth, `/operations/${plan.id}/evidence-requirements`, {
      offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', evidenceType: 'VICTIM_ACCOUNT', description: 'Victim accounts', priority: 'ESSENTIAL', version: plan.version,
    }).expect(201)).body;
    await post(owner.auth, `/operations/${plan.id}/evidence-requirements/${added.requirement.id}/assign`, { teamId: team.id, version: added.operationVersion }).expect(200);
    return (await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200)).body;
  }

  const checks = async (who: { Authorization: string }, id: string) => {
    const response = await t.http().get(`/operations/${id}/readiness`).set(who).expect(200);
    return { ready: response.body.ready, failing: response.body.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { id: string }) => c.id) };
  };

  it('reports each readiness check failing, then passing as the plan fills in', async () => {
    const { owner, team } = await agency();
    let plan: Plan = (await post(owner.auth, '/operations', operationBody({ locations: [], safeguarding: { expectedPotentialVictims: 3, languages: ['Polish'] } })).expect(201)).body;
    const fresh = await t.http().get(`/operations/${plan.id}/readiness`).set(owner.auth).expect(200);
    expect(fresh.body.ready).toBe(false);
    for (const check of fresh.body.checks) expect(check).toEqual({ id: expect.any(String), ok: expect.any(Boolean), blocking: expect.any(Boolean), message: expect.any(String) });
    expect((await checks(owner.auth, plan.id)).failing).toEqual([
      'lead-agency', 'locations', 'confirmed-deployment', 'cps-engaged', 'evidence-requirements', 'safeguarding', 'interpreting',
    ]);
    plan = (await t.http().patch(`/operations/${plan.id}`).set(owner.auth)
      .send({ version: plan.version, locations: [{ label: 'Farm', address: 'Long Lane', postcode: 'PE12 6AB' }], safeguarding: { receptionCentre: 'Spalding hub' } }).expect(200)).body;
    expect((await checks(owner.auth, plan.id)).failing).not.toContain('locations');
    const ready = await readyPlan(owner, team);
    expect(await checks(owner.auth, ready.id)).toEqual({ ready: true, failing: [] });
  });

  it('re-checks the lead against the policy on every call', async () => {
    const { owner, team } = await agency();
    const plan = await readyPlan(owner, team, { scope: 'LOCAL' });
    expect((await checks(owner.auth, plan.id)).ready).toBe(true);
    // The plan may change under the lead without a PATCH check (here: directly, as an admin's policy change would).
    await t.dataSource.query(`UPDATE operations SET scope = 'INTERNATIONAL' WHERE id = $1`, [plan.id]);
    const after = await t.http().get(`/operations/${plan.id}/readiness`).set(owner.auth).expect(200);
    const lead = after.body.checks.find((c: { id: string }) => c.id === 'lead-agency');
    expect(lead).toMatchObject({ ok: false, blocking: true, message: expect.stringContaining('an INTERNATIONAL operation may be led only by NCA') });
  });

  it('refuses to submit a plan that is not ready, listing the failing checks', async () => {
    const { owner } = await agency();
    const plan: Plan = (await post(owner.auth, '/operations', operationBody()).expect(201)).body;
    const refused = await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(422);
    expect(refused.body.code).toBe('NOT_READY');
    expect(refused.body.details.checks.map((c: { id: string }) => c.id)).toEqual(['lead-agency', 'confirmed-deployment', 'cps-engaged', 'evidence-requirements', 'safeguarding']);
    expect(refused.body.message).toContain('Choose a lead agency');
  });

  it('takes a plan from creation to COMPLETED through the API alone, and frees its teams', async () => {
    const { owner, manager, managerUser, team } = await agency();
    let plan = await readyPlan(owner, team);
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('SUBMITTED');
    await t.http().patch(`/operations/${plan.id}`).set(owner.auth).send({ version: plan.version, name: 'Sneaky edit' }).expect(409);
    plan = (await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', comment: 'Proportionate; go.', version: plan.version }).expect(200)).body;
    expect(plan).toMatchObject({ status: 'APPROVED', approval: { by: { id: managerUser.id } } });
    plan = (await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('ACTIVE');
    const outcomes = { arrests: 3, potentialVictimsSafeguarded: 7, nrmReferrals: 5, premisesVisited: 2, notes: 'All workers taken to the reception centre' };
    plan = (await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200)).body;
    expect(plan).toMatchObject({ status: 'COMPLETED', outcomes });
    expect((plan.deployments as { status: string }[]).every((d) => d.status === 'RELEASED')).toBe(true);

    const history = await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions.slice(-4)).toEqual(['operation.submit', 'operation.approved', 'operation.start', 'operation.complete']);
    expect(history.body.find((e: { action: string }) => e.action === 'operation.approved').after).toMatchObject({ comment: 'Proportionate; go.' });

    const overlapping = (await post(owner.auth, '/operations', operationBody({ startsAt: plan.startsAt, endsAt: plan.endsAt })).expect(201)).body;
    await post(owner.auth, `/operations/${overlapping.id}/deployments`, { teamId: team.id, headcount: 1, version: 1 }).expect(201);
  });

  it('refuses every transition the state does not allow with 409 INVALID_TRANSITION', async () => {
    const { owner, manager } = await agency();
    const plan: Plan = (await post(owner.auth, '/operations', operationBody()).expect(201)).body;
    const version = plan.version;
    for (const action of ['withdraw', 'start']) {
      const refused = await post(owner.auth, `/operations/${plan.id}/${action}`, { version }).expect(409);
      expect(refused.body.code).toBe('INVALID_TRANSITION');
    }
    await post(owner.auth, `/operations/${plan.id}/complete`, { version, outcomes: { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 0 } }).expect(409);
    await t.http().put(`/operations/${plan.id}/lead-agency`).set(owner.auth).send({ agencyId: owner.agency.id, version }).expect(200);
    await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: version + 1 }).expect(409);
    const cancelled = (await post(owner.auth, `/operations/${plan.id}/cancel`, { version: version + 1, reason: 'Intelligence went stale' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Intelligence went stale' });
    for (const action of ['submit', 'withdraw', 'start']) await post(owner.auth, `/operations/${plan.id}/${action}`, { version: cancelled.version }).expect(409);
    await post(owner.auth, `/operations/${plan.id}/cancel`, { version: cancelled.version, reason: 'again' }).expect(409);
    await t.http().patch(`/operations/${plan.id}`).set(owner.auth).send({ version: cancelled.version, name: 'x' }).expect(409);
  });

  it('cannot cancel an ACTIVE operation, and cancelling releases teams', async () => {
    const { owner, manager, team } = await agency();
    let plan = await readyPlan(owner, team);
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    plan = (await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(200)).body;
    const cancelled = (await post(owner.auth, `/operations/${plan.id}/cancel`, { version: plan.version, reason: 'Stood down' }).expect(200)).body;
    expect((cancelled.deployments as { status: string }[]).map((d) => d.status)).toEqual(['RELEASED']);

    let active = await readyPlan(owner, team);
    active = (await post(owner.auth, `/operations/${active.id}/submit`, { version: active.version }).expect(200)).body;
    active = (await post(manager, `/operations/${active.id}/review`, { decision: 'APPROVE', version: active.version }).expect(200)).body;
    active = (await post(owner.auth, `/operations/${active.id}/start`, { version: active.version }).expect(200)).body;
    await post(owner.auth, `/operations/${active.id}/cancel`, { version: active.version, reason: 'Too late' }).expect(409);
  });

  it('lets the owner withdraw a submission, and a manager send it back for changes', async () => {
    const { owner, manager, team } = await agency();
    let plan = await readyPlan(owner, team);
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/withdraw`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('DRAFT');
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const noComment = await post(manager, `/operations/${plan.id}/review`, { decision: 'REQUEST_CHANGES', version: plan.version }).expect(400);
    expect(noComment.body.details.fields[0].field).toBe('comment');
    plan = (await post(manager, `/operations/${plan.id}/review`, { decision: 'REQUEST_CHANGES', comment: 'Add a dog handler to the risk', version: plan.version }).expect(200)).body;
    expect(plan).toMatchObject({ status: 'CHANGES_REQUESTED', approval: null });
    plan = (await t.http().patch(`/operations/${plan.id}`).set(owner.auth).send({ version: plan.version, briefing: { risk: 'Dogs: handler attached' } }).expect(200)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('SUBMITTED');
  });

  it('enforces four eyes: no self-approval, lead-agency managers only, against the version read', async () => {
    const { owner, manager, team } = await agency();
    const both = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const bothAuth = { Authorization: `Bearer ${await login(t.http, both)}` };
    let plan = await readyPlan({ ...owner, auth: bothAuth, user: { ...owner.user, id: both.id } }, team);
    plan = (await post(bothAuth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const self = await post(bothAuth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    expect(self.body).toMatchObject({ code: 'SELF_APPROVAL', message: expect.stringContaining('Four eyes') });

    const otherPolice = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    await post(otherPolice.auth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(404);
    await post(owner.auth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    const stale = await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version - 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(200);
  });

  it('refuses the manager who last changed the plan', async () => {
    const { owner, team } = await agency();
    const editor = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const editorAuth = { Authorization: `Bearer ${await login(t.http, editor)}` };
    let plan = await readyPlan(owner, team);
    plan = (await t.http().patch(`/operations/${plan.id}`).set(editorAuth).send({ version: plan.version, name: 'Edited by the manager' }).expect(200)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const refused = await post(editorAuth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    expect(refused.body.code).toBe('SELF_APPROVAL');
  });

  it("returns an approved plan to DRAFT when its window changes, recording the withdrawn approval", async () => {
    const { owner, manager, team } = await agency();
    let plan = await readyPlan(owner, team);
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    plan = (await post(manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(200)).body;
    const later = (iso: unknown) => new Date(Date.parse(String(iso)) + 3600_000).toISOString();
    const moved = (await t.http().patch(`/operations/${plan.id}`).set(owner.auth)
      .send({ version: plan.version, startsAt: later(plan.startsAt), endsAt: later(plan.endsAt) }).expect(200)).body;
    expect(moved).toMatchObject({ status: 'DRAFT', approval: null });
    const history = await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions.slice(-2)).toEqual(['operation.approval-withdrawn', 'operation.updated']);
  });

  it('deconflicts across agencies, blind to contents, blocking until acknowledged', async () => {
    const a = await agency();
    const b = await agency();
    const postcode = `B${Math.floor(Math.random() * 90) + 10} ${Math.floor(Math.random() * 9)}XY`;
    const window = { startsAt: '2028-05-01T05:00:00Z', endsAt: '2028-05-01T15:00:00Z' };
    const location = (label: string) => [{ label, address: 'Somewhere', postcode }];
    const planA = await readyPlan(a.owner, a.team, { ...window, name: 'Secret name A', locations: location('A site') });
    const planB: Plan = (await post(b.owner.auth, '/operations', operationBody({ ...window, name: 'Secret name B', startsAt: '2028-05-01T10:00:00Z', endsAt: '2028-05-01T20:00:00Z', locations: location('B site') })).expect(201)).body;
    await post(b.owner.auth, '/operations', operationBody({ startsAt: '2028-05-02T10:00:00Z', endsAt: '2028-05-02T20:00:00Z', locations: location('Next day') })).expect(201);

    const hits = await t.http().get(`/operations/${planA.id}/conflicts`).set(a.owner.auth).expect(200);
    expect(hits.body).toEqual([
      { operationId: planB.id, reference: planB.reference, leadAgency: null, contact: { name: b.owner.user.name, email: b.owner.user.email }, sharedPostcodes: [postcode], acknowledgement: null },
    ]);
    expect(JSON.stringify(hits.body)).not.toContain('Secret name B');
    await t.http().get(`/operations/${planB.id}`).set(a.owner.auth).expect(404);
    const theirSide = await t.http().get(`/operations/${planB.id}/conflicts`).set(b.owner.auth).expect(200);
    expect(theirSide.body.map((hit: { reference: string }) => hit.reference)).toEqual([planA.reference]);
    expect(theirSide.body[0].leadAgency).toEqual({ code: a.owner.agency.code, name: a.owner.agency.name });

    expect((await checks(a.owner.auth, planA.id)).failing).toEqual(['deconfliction']);
    await post(a.owner.auth, `/operations/${planA.id}/submit`, { version: planA.version }).expect(422);
    await post(b.owner.auth, `/operations/${planA.id}/conflicts/${planB.id}/acknowledge`, { note: 'x', version: planA.version }).expect(404);
    const acknowledged = await post(a.owner.auth, `/operations/${planA.id}/conflicts/${planB.id}/acknowledge`, { note: 'Agreed timings with B', version: planA.version }).expect(200);
    expect(acknowledged.body[0].acknowledgement).toMatchObject({ note: 'Agreed timings with B', by: { id: a.owner.user.id } });
    expect((await checks(a.owner.auth, planA.id)).ready).toBe(true);

    const planC: Plan = (await post(b.owner.auth, '/operations', operationBody({ ...window, locations: location('C site') })).expect(201)).body;
    const again = await checks(a.owner.auth, planA.id);
    expect(again.failing).toEqual(['deconfliction']);
    const withC = await t.http().get(`/operations/${planA.id}/conflicts`).set(a.owner.auth).expect(200);
    expect(withC.body.map((hit: { reference: string }) => hit.reference).sort()).toEqual([planB.reference, planC.reference].sort());
    const bothSides = await t.http().get(`/operations/${planC.id}/conflicts`).set(b.owner.auth).expect(200);
    expect(bothSides.body.map((hit: { reference: string }) => hit.reference)).toContain(planA.reference);
    const stranger = (await post(b.owner.auth, '/operations', operationBody()).expect(201)).body;
    await post(a.owner.auth, `/operations/${planA.id}/conflicts/${stranger.id}/acknowledge`, { note: 'not a hit', version: planA.version + 1 }).expect(404);
  });

  it('renders the briefing pack with every IIMARCH heading and the plan’s details, as Markdown or HTML', async () => {
    const { owner, team } = await agency();
    const plan = await readyPlan(owner, team, {
      briefing: { information: 'Forced labour at <Farm> & packhouse', intent: 'Safeguard', method: 'Dawn entry', administration: 'Muster 04:00', risk: 'Dogs', communications: 'Airwave TG 3', humanitarian: 'Interpreters' },
    });
    const markdown = await t.http().get(`/operations/${plan.id}/briefing`).set(owner.auth).set('Accept', 'text/markdown').expect(200);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    for (const heading of ['## Information', '## Intent', '## Method', '## Administration', '## Risk assessment', '## Communications', '## Humanitarian issues']) {
      expect(markdown.text).toContain(heading);
    }
    const postcode = (plan.locations as { postcode: string }[])[0].postcode;
    for (const detail of [plan.reference, 'DRAFT', owner.agency.code, team.name, 'Entry and safeguarding', 'Sparkhill reception centre', 'Victim accounts', 'VICTIM_ACCOUNT', 'Dawn entry', postcode]) {
      expect(markdown.text).toContain(detail);
    }
    const html = await t.http().get(`/operations/${plan.id}/briefing`).set(owner.auth).set('Accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('<h2>Risk assessment</h2>');
    expect(html.text).toContain('Forced labour at &lt;Farm&gt; &amp; packhouse');
    expect(html.text).toContain('@media print');
    const stranger = await signedIn(t.dataSource, t.http);
    await t.http().get(`/operations/${plan.id}/briefing`).set(stranger.auth).expect(404);
  });
});
