import { ukDate, ukDay } from '../../src/common/uk-time';
import { createTeam, signedIn, TeamRow } from '../factories';
import { browserOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

type Signed = Awaited<ReturnType<typeof signedIn>>;
type Requirement = { id: string; version: number; status: string };

describe('early CPS involvement and evidence requirements', () => {
  const { t, s } = useApp();
  let owner: Signed;
  let liaison: Signed;
  let otherLiaison: Signed;

  beforeEach(async () => {
    owner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    liaison = await signedIn(t.dataSource, t.http, ['CPS_LIAISON'], 'CPS');
    otherLiaison = await signedIn(t.dataSource, t.http, ['CPS_LIAISON'], 'CPS');
  });

  const hour = 3600_000;
  const createOperation = (overrides: Record<string, unknown> = {}) => s.draft(owner, overrides);
  const requestCps = (plan: { id: string; version: number; startsAt: string }) =>
    t.http().post(`/operations/${plan.id}/cps-involvement`).set(owner.auth).send(s.cpsRequest(plan));

  /** An operation with the CPS engaged by `liaison`; returns the plan. */
  async function engaged(overrides: Record<string, unknown> = {}) {
    const operation = await createOperation(overrides);
    const requested = await requestCps(operation).expect(200);
    return (
      await t
        .http()
        .post(`/operations/${operation.id}/cps-involvement/accept`)
        .set(liaison.auth)
        .send({ version: requested.body.version })
        .expect(200)
    ).body;
  }

  const addRequirement = (plan: { id: string; version: number }, body: Record<string, unknown> = {}, who: Signed = liaison) =>
    t
      .http()
      .post(`/operations/${plan.id}/evidence-requirements`)
      .set(who.auth)
      .send({
        offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
        evidenceType: 'VICTIM_ACCOUNT',
        description: 'ABE interviews of workers',
        priority: 'ESSENTIAL',
        version: plan.version,
        ...body,
      });
  const transition = (who: Signed, planId: string, requirement: Requirement, step: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/operations/${planId}/evidence-requirements/${requirement.id}/${step}`)
      .set(who.auth)
      .send({ version: requirement.version, ...body });

  /** A plan whose day has started, with `team` confirmed and an essential requirement assigned to it. */
  async function assignedOnTheDay(team: TeamRow, who: Signed = owner) {
    let plan = await engaged({
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 6 * hour).toISOString(),
    });
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: team.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    const deployment = plan.deployments.find((d: { team: { id: string } }) => d.team.id === team.id);
    if (deployment.status === 'REQUESTED') {
      await t
        .http()
        .post(`/operations/${plan.id}/deployments/${deployment.id}/confirm`)
        .set(who.auth)
        .send({ version: deployment.version })
        .expect(200);
    }
    const added = (await addRequirement(plan).expect(201)).body;
    const assigned = (await transition(owner, plan.id, added.requirement, 'assign', { teamId: team.id }).expect(200)).body;
    return { plan: { ...plan, version: assigned.operationVersion }, requirement: assigned.requirement as Requirement };
  }

  /** The day started: evidence is gathered from then on. */
  const started = (plan: { id: string }) => s.dayStarted(plan);

  it('shows the plan to every liaison while requested, and only to the one who accepts it after', async () => {
    const operation = await createOperation();
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(404);
    const requested = await requestCps(operation).expect(200);
    expect(requested.body.cpsInvolvement).toMatchObject({
      status: 'REQUESTED',
      requestNote: 'Advice needed on charging the controllers',
      adviceNeededBy: ukDate(new Date(operation.startsAt)),
      liaison: null,
      engagedAt: null,
      leadTimeDays: null,
    });
    for (const who of [liaison, otherLiaison]) {
      await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(200);
      const list = await t.http().get('/operations?limit=100').set(who.auth).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toContain(operation.id);
      const tasks = (await t.http().get('/tasks').set(who.auth).expect(200)).body;
      expect(tasks).toContainEqual(
        expect.objectContaining({ kind: 'ACCEPT_CPS_REQUEST', operation: expect.objectContaining({ id: operation.id }) }),
      );
    }
    const accepted = await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement/accept`)
      .set(liaison.auth)
      .send({ version: 2 })
      .expect(200);
    expect(accepted.body).toMatchObject({
      version: 3,
      updatedBy: { id: owner.user.id },
      cpsInvolvement: { status: 'ENGAGED', liaison: { id: liaison.user.id, email: liaison.user.email }, engagedAt: expect.any(String) },
    });
    expect(accepted.body.cpsInvolvement.leadTimeDays).toBeGreaterThanOrEqual(29);
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(200);
    await t.http().get(`/operations/${operation.id}`).set(otherLiaison.auth).expect(404);
    await t.http().post(`/operations/${operation.id}/cps-involvement/accept`).set(otherLiaison.auth).send({ version: 3 }).expect(404);
    await addRequirement(accepted.body, {}, otherLiaison).expect(404);
  });

  it('asks for what advice is needed and by when, within the time before the day', async () => {
    const operation = await createOperation();
    const missing = await t.http().post(`/operations/${operation.id}/cps-involvement`).set(owner.auth).send({ version: 1 }).expect(400);
    expect(missing.body.details.fields).toEqual([
      { field: 'note', problems: ['Enter a note telling the CPS what the operation needs advice on'] },
      { field: 'adviceNeededBy', problems: ['Enter the date advice is needed by, as YYYY-MM-DD'] },
    ]);
    const past = await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement`)
      .set(owner.auth)
      .send({ ...s.cpsRequest(operation), adviceNeededBy: '2020-01-01' })
      .expect(400);
    expect(past.body.details.fields).toEqual([
      { field: 'adviceNeededBy', problems: [`The date advice is needed by must be today (${ukDay(new Date())}) or later`] },
    ]);
    const afterTheDay = ukDate(new Date(Date.parse(operation.startsAt) + 48 * hour));
    const late = await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement`)
      .set(owner.auth)
      .send({ ...s.cpsRequest(operation), adviceNeededBy: afterTheDay })
      .expect(400);
    expect(late.body.details.fields[0]).toMatchObject({
      field: 'adviceNeededBy',
      problems: [expect.stringContaining(`up to the day of action (${ukDay(new Date(operation.startsAt))})`)],
    });
    await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement`)
      .set(owner.auth)
      .send({ ...s.cpsRequest(operation), adviceNeededBy: ukDate(new Date()) })
      .expect(200);
  });

  it('lets a liaison decline a request with a reason: it leaves every liaison’s view, the owner sees why and may ask again', async () => {
    const operation = await createOperation();
    const requested = (await requestCps(operation).expect(200)).body;
    const noReason = await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement/decline`)
      .set(liaison.auth)
      .send({ version: requested.version })
      .expect(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'reason', problems: ['Enter a reason for declining'] }]);
    await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement/decline`)
      .set(owner.auth)
      .send({ version: requested.version, reason: 'x' })
      .expect(403);
    const declined = await t
      .http()
      .post(`/operations/${operation.id}/cps-involvement/decline`)
      .set(liaison.auth)
      .send({ version: requested.version, reason: 'Covered by the CPS West Midlands unit' })
      .expect(200);
    expect(declined.body).toEqual({
      operationId: operation.id,
      reference: operation.reference,
      operationVersion: requested.version + 1,
      status: 'DECLINED',
      reason: 'Covered by the CPS West Midlands unit',
    });
    for (const who of [liaison, otherLiaison]) {
      await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(404);
      const tasks = (await t.http().get('/tasks').set(who.auth).expect(200)).body;
      expect(tasks.map((task: { operation: { id: string } }) => task.operation.id)).not.toContain(operation.id);
    }
    const seen = (await t.http().get(`/operations/${operation.id}`).set(owner.auth).expect(200)).body;
    expect(seen.cpsInvolvement).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Covered by the CPS West Midlands unit',
      declinedBy: { id: liaison.user.id },
      declinedAt: expect.any(String),
    });
    const again = (await requestCps(seen).expect(200)).body;
    expect(again.cpsInvolvement).toMatchObject({ status: 'REQUESTED', declineReason: null, declinedBy: null });
    await t.http().get(`/operations/${operation.id}`).set(otherLiaison.auth).expect(200);
  });

  it('lets the owner withdraw a request before it is accepted, not after', async () => {
    const operation = await createOperation();
    await t.http().delete(`/operations/${operation.id}/cps-involvement?version=1`).set(owner.auth).expect(409);
    await requestCps(operation).expect(200);
    await requestCps({ ...operation, version: 2 }).expect(409);
    const withdrawn = await t.http().delete(`/operations/${operation.id}/cps-involvement?version=2`).set(owner.auth).expect(200);
    expect(withdrawn.body.cpsInvolvement.status).toBe('WITHDRAWN');
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(404);

    const plan = await engaged();
    const refused = await t.http().delete(`/operations/${plan.id}/cps-involvement?version=${plan.version}`).set(owner.auth).expect(409);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
  });

  it('offers the owner the request and its withdrawal on the CPS page exactly while the API takes them: while the plan is edited', async () => {
    const { page } = browserOf(() => t.http);
    const session = await webSignIn(t.http, owner.user.email);
    const forms = async (plan: { reference: string }) => {
      const html = (await page(session, `/plans/${plan.reference}/cps`)).text;
      return ['cps', 'cps/withdraw'].filter((path) => html.includes(`<form method="post" action="/plans/${plan.reference}/${path}"`));
    };
    const plan = await createOperation();
    expect(await forms(plan)).toEqual(['cps']);
    const requested = (await requestCps(plan).expect(200)).body;
    expect(await forms(plan)).toEqual(['cps/withdraw']);

    // Under way the plan is no longer edited: neither is offered, and the API takes neither.
    await s.dayStarted(plan);
    expect(await forms(plan)).toEqual([]);
    await t.http().delete(`/operations/${plan.id}/cps-involvement?version=${requested.version}`).set(owner.auth).expect(409);
    const unrequested = await createOperation();
    await s.dayStarted(unrequested);
    expect(await forms(unrequested)).toEqual([]);
    await requestCps(unrequested).expect(409);
  });

  it('runs the whole lifecycle against each requirement’s own version, keeping every note and rejection', async () => {
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['SAFEGUARDING', 'SEARCH'] });
    let plan = await engaged({
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 6 * hour).toISOString(),
    });
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: team.id, headcount: 2, version: plan.version })
        .expect(201)
    ).body;

    const first = await addRequirement(plan).expect(201);
    expect(first.body).toMatchObject({
      operationId: plan.id,
      operationVersion: plan.version + 1,
      requirement: {
        version: 1,
        status: 'OPEN',
        evidenceType: 'VICTIM_ACCOUNT',
        priority: 'ESSENTIAL',
        assignedTeam: null,
        suggestedCapability: 'SAFEGUARDING',
      },
    });
    const second = await addRequirement(
      { id: plan.id, version: first.body.operationVersion },
      { evidenceType: 'CCTV', priority: 'DESIRABLE', description: 'Street CCTV' },
    ).expect(201);
    const stale = await t
      .http()
      .patch(`/operations/${plan.id}/evidence-requirements/${second.body.requirement.id}`)
      .set(liaison.auth)
      .send({ version: 2, description: 'x' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { yourVersion: 2, currentVersion: 1 } });
    const edited = await t
      .http()
      .patch(`/operations/${plan.id}/evidence-requirements/${second.body.requirement.id}`)
      .set(liaison.auth)
      .send({ version: 1, description: 'Street and site CCTV, 7 days before' })
      .expect(200);
    expect(edited.body.requirement).toMatchObject({ version: 2, description: 'Street and site CCTV, 7 days before' });

    let [one, two]: Requirement[] = [first.body.requirement, edited.body.requirement];
    one = (await transition(owner, plan.id, one, 'assign', { teamId: team.id }).expect(200)).body.requirement;
    two = (await transition(owner, plan.id, two, 'assign', { teamId: team.id }).expect(200)).body.requirement;
    expect(one).toMatchObject({ status: 'ASSIGNED', assignedTeam: { id: team.id, agency: { id: owner.agency.id } }, warning: null });
    await started(plan);
    const planVersion = (await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200)).body.version;

    one = (await transition(owner, plan.id, one, 'gathered', { note: 'Exhibits PS/1-PS/4' }).expect(200)).body.requirement;
    two = (await transition(owner, plan.id, two, 'gathered', { note: 'Footage seized, exhibit PS/5' }).expect(200)).body.requirement;
    expect(one).toMatchObject({ status: 'GATHERED', gatheredNote: 'Exhibits PS/1-PS/4', gatheredBy: { id: owner.user.id } });
    const accepted = await transition(liaison, plan.id, one, 'accept').expect(200);
    expect(accepted.body.requirement).toMatchObject({ status: 'ACCEPTED', decidedBy: { id: liaison.user.id } });
    const noReason = await transition(liaison, plan.id, two, 'reject').expect(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'reason', problems: ['Enter a reason for rejecting the evidence'] }]);
    two = (await transition(liaison, plan.id, two, 'reject', { reason: 'Footage not exhibited' }).expect(200)).body.requirement;
    expect(two).toMatchObject({ status: 'REJECTED', rejectionReason: 'Footage not exhibited' });
    two = (await transition(owner, plan.id, two, 'gathered', { note: 'Footage exhibited as PS/6' }).expect(200)).body.requirement;
    const final = await transition(liaison, plan.id, two, 'accept').expect(200);
    expect(final.body.operationVersion).toBe(planVersion);
    await transition(liaison, plan.id, accepted.body.requirement, 'accept').expect(409);

    expect(
      final.body.requirement.history.map((step: { status: string; note: string | null; reason: string | null }) => [
        step.status,
        step.note ?? step.reason,
      ]),
    ).toEqual([
      ['OPEN', null],
      ['ASSIGNED', null],
      ['GATHERED', 'Footage seized, exhibit PS/5'],
      ['REJECTED', 'Footage not exhibited'],
      ['GATHERED', 'Footage exhibited as PS/6'],
      ['ACCEPTED', null],
    ]);
    expect(final.body.requirement.history[2]).toMatchObject({ by: { id: owner.user.id }, at: expect.any(String) });

    const history = await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200);
    const actions = history.body.map((event: { action: string }) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'cps.requested',
        'cps.engaged',
        'evidence.added',
        'evidence.updated',
        'evidence.assigned',
        'evidence.gathered',
        'evidence.accepted',
        'evidence.rejected',
      ]),
    );
    const addedBy = history.body.find((event: { action: string }) => event.action === 'evidence.added');
    expect(addedBy.actor.id).toBe(liaison.user.id);
  });

  it('lets two agencies record their evidence at the same moment, each against its requirement, without moving the plan’s version', async () => {
    const ownTeam = await createTeam(t.dataSource, owner.agency, { capabilities: ['SAFEGUARDING'] });
    const partner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'HMRC');
    const partnerTeam = await createTeam(t.dataSource, partner.agency, { capabilities: ['FINANCIAL_INVESTIGATION'] });
    const { plan, requirement } = await assignedOnTheDay(ownTeam);
    let current = (await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200)).body;
    current = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: partnerTeam.id, headcount: 1, version: current.version })
        .expect(201)
    ).body;
    const deployment = current.deployments.find((d: { team: { id: string } }) => d.team.id === partnerTeam.id);
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${deployment.id}/confirm`)
      .set(partner.auth)
      .send({ version: deployment.version })
      .expect(200);
    const added = (await addRequirement(current, { evidenceType: 'FINANCIAL_RECORDS', description: 'Payroll' }).expect(201)).body;
    const financial = (await transition(owner, plan.id, added.requirement, 'assign', { teamId: partnerTeam.id }).expect(200)).body;
    const underWay = await started(plan);
    const partnerTasks = (await t.http().get('/tasks').set(partner.auth).expect(200)).body;
    expect(partnerTasks).toContainEqual(expect.objectContaining({ kind: 'GATHER_EVIDENCE', requirementId: added.requirement.id }));

    const [ours, theirs] = await Promise.all([
      transition(owner, plan.id, requirement, 'gathered', { note: 'Accounts of four workers' }),
      transition(partner, plan.id, financial.requirement, 'gathered', { note: 'Payroll ledger seized' }),
    ]);
    expect([ours.status, theirs.status]).toEqual([200, 200]);
    expect(ours.body.operationVersion).toBe(underWay.version);
    expect(theirs.body.operationVersion).toBe(underWay.version);
    const liaisonTasks = (await t.http().get('/tasks').set(liaison.auth).expect(200)).body;
    expect(
      liaisonTasks
        .filter((task: { kind: string }) => task.kind === 'DECIDE_EVIDENCE')
        .map((task: { requirementId: string }) => task.requirementId)
        .sort(),
    ).toEqual([requirement.id, added.requirement.id].sort());
  });

  it('goes on gathering after the day is completed and its teams released, until the liaison closes it', async () => {
    const planner = await s.owner();
    const cpsLiaison = await s.liaison();
    let plan = await s.plan(planner, { stage: 'active' });
    let requirement = (plan.evidenceRequirements as Requirement[])[0];
    const early = await t
      .http()
      .post(`/operations/${plan.id}/cps-involvement/close`)
      .set(cpsLiaison.auth)
      .send({ version: plan.version })
      .expect(409);
    expect(early.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `Evidence gathering on ${plan.reference} is closed only once its day of action has been completed or stood down`,
    });
    await s.windowOpensAt(plan, new Date(Date.now() - hour));
    const outcomes = { arrests: 1, potentialVictimsSafeguarded: 2, nrmReferrals: 2, premisesVisited: 1 };
    plan = (await t.http().post(`/operations/${plan.id}/complete`).set(planner.auth).send({ version: plan.version, outcomes }).expect(200))
      .body;
    expect((plan.deployments as { status: string }[]).map((d) => d.status)).toEqual(['RELEASED']);

    requirement = (await transition(planner, plan.id, requirement, 'gathered', { note: 'Post-operation interviews done' }).expect(200)).body
      .requirement;
    requirement = (await transition(cpsLiaison, plan.id, requirement, 'reject', { reason: 'Interview summaries missing' }).expect(200)).body
      .requirement;
    const tasks = (await t.http().get('/tasks').set(planner.auth).expect(200)).body;
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'GATHER_EVIDENCE', requirementId: requirement.id }));
    const closed = await t
      .http()
      .post(`/operations/${plan.id}/cps-involvement/close`)
      .set(cpsLiaison.auth)
      .send({ version: plan.version })
      .expect(200);
    expect(closed.body.cpsInvolvement.closedAt).toEqual(expect.any(String));
    const refused = await transition(planner, plan.id, requirement, 'gathered', { note: 'Summaries attached' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('closed evidence gathering') });
    const after = (await t.http().get('/tasks').set(planner.auth).expect(200)).body;
    expect(
      after
        .filter((task: { kind: string }) => task.kind === 'GATHER_EVIDENCE')
        .map((task: { requirementId: string }) => task.requirementId),
    ).not.toContain(requirement.id);
    const twice = await t
      .http()
      .post(`/operations/${plan.id}/cps-involvement/close`)
      .set(cpsLiaison.auth)
      .send({ version: closed.body.version })
      .expect(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses gathering on a plan whose day never started, however late it is', async () => {
    const planner = await s.owner();
    const plan = await s.plan(planner, { stage: 'approved' });
    await s.windowOpensAt(plan, new Date(Date.now() - 2 * hour));
    const requirement = (plan.evidenceRequirements as Requirement[])[0];
    const refused = await transition(planner, plan.id, requirement, 'gathered', { note: 'x' }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `Evidence is recorded as gathered from the start of the day of action: ${plan.reference} has not started yet`,
    });
  });

  it('records the evidence gathered before a day of action was stood down, and lets the liaison close gathering then', async () => {
    const planner = await s.owner();
    const cpsLiaison = await s.liaison();
    let plan = await s.plan(planner, { stage: 'active' });
    let requirement = (plan.evidenceRequirements as Requirement[])[0];
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/stand-down`)
        .set(planner.auth)
        .send({ version: plan.version, reason: 'The subjects left overnight' })
        .expect(200)
    ).body;
    expect(plan.status).toBe('STOOD_DOWN');
    expect((await t.http().get(`/operations/${plan.id}`).set(cpsLiaison.auth).expect(200)).body.actions.closeEvidenceGathering).toBe(true);
    // The page offers what the API accepts: recording it as gathered, on the evidence page.
    const evidencePage = (
      await browserOf(() => t.http).page(await webSignIn(t.http, planner.user.email), `/plans/${plan.reference}/evidence`)
    ).text;
    expect(evidencePage).toContain(`name="requirementId" value="${requirement.id}"`);
    expect(evidencePage).toContain('Record as gathered');

    requirement = (await transition(planner, plan.id, requirement, 'gathered', { note: 'Ledger seized before the stand-down' }).expect(200))
      .body.requirement;
    requirement = (await transition(cpsLiaison, plan.id, requirement, 'accept').expect(200)).body.requirement;
    expect(requirement).toMatchObject({ status: 'ACCEPTED', gatheredNote: 'Ledger seized before the stand-down' });
    const closed = (
      await t.http().post(`/operations/${plan.id}/cps-involvement/close`).set(cpsLiaison.auth).send({ version: plan.version }).expect(200)
    ).body;
    expect(closed).toMatchObject({
      status: 'STOOD_DOWN',
      cpsInvolvement: { closedAt: expect.any(String) },
      actions: { closeEvidenceGathering: false },
    });
  });

  it('refuses gathering on a plan cancelled before its day, in words', async () => {
    const planner = await s.owner();
    let plan = await s.plan(planner, { stage: 'approved' });
    const requirement = (plan.evidenceRequirements as Requirement[])[0];
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/cancel`)
        .set(planner.auth)
        .send({ version: plan.version, reason: 'The site has closed' })
        .expect(200)
    ).body;
    const refused = await transition(planner, plan.id, requirement, 'gathered', { note: 'x' }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `Evidence is recorded as gathered from the start of the day of action: ${plan.reference} was cancelled before its day of action`,
    });
  });

  it('no longer gives a partner that declined after being asked again a task on the plan it can no longer see', async () => {
    const planner = await s.owner();
    const partner = await s.partner('HMRC', ['FINANCIAL_INVESTIGATION']);
    let plan = await s.plan(planner, { stage: 'ready' });
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(planner.auth)
        .send({ teamId: partner.team.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    const request = (plan.deployments as { id: string; version: number; team: { id: string } }[]).find(
      (d) => d.team.id === partner.team.id,
    )!;
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${request.id}/confirm`)
      .set(partner.auth)
      .send({ version: request.version })
      .expect(200);
    const cpsLiaison = await s.liaison();
    const added = (
      await t
        .http()
        .post(`/operations/${plan.id}/evidence-requirements`)
        .set(cpsLiaison.auth)
        .send({
          offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
          evidenceType: 'FINANCIAL_RECORDS',
          description: 'Payroll',
          priority: 'DESIRABLE',
          version: plan.version,
        })
        .expect(201)
    ).body;
    await transition(planner, plan.id, added.requirement, 'assign', { teamId: partner.team.id }).expect(200);
    plan = (await t.http().get(`/operations/${plan.id}`).set(planner.auth).expect(200)).body;
    plan = (
      await t
        .http()
        .patch(`/operations/${plan.id}`)
        .set(planner.auth)
        .send({ version: plan.version, locations: [{ label: 'Elsewhere', address: '9 New Road', postcode: 'B9 4AA' }] })
        .expect(200)
    ).body;
    const again = (plan.deployments as { id: string; version: number; status: string }[]).find((d) => d.id === request.id)!;
    expect(again.status).toBe('REQUESTED');
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${request.id}/decline`)
      .set(partner.auth)
      .send({ version: again.version, reason: 'Not that address' })
      .expect(200);
    await s.windowOpensAt(plan, new Date(Date.now() - hour));
    await s.dayStarted(plan);
    await t.http().get(`/operations/${plan.id}`).set(partner.auth).expect(404);
    const tasks = (await t.http().get('/tasks').set(partner.auth).expect(200)).body;
    expect(tasks.map((task: { operation: { id: string } }) => task.operation.id)).not.toContain(plan.id);
  });

  it('refuses evidence writes by anyone but the engaged liaison', async () => {
    const plan = await engaged();
    const manager = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    const refused = await addRequirement(plan, {}, owner).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await addRequirement(plan, {}, manager).expect(404);
    const requested = await createOperation();
    await requestCps(requested).expect(200);
    const notYetEngaged = await addRequirement({ id: requested.id, version: 2 }).expect(403);
    expect(notYetEngaged.body.message).toContain('Only the CPS liaison engaged');
    const coordinatorAccepting = await t
      .http()
      .post(`/operations/${requested.id}/cps-involvement/accept`)
      .set(owner.auth)
      .send({ version: 2 })
      .expect(403);
    expect(coordinatorAccepting.body.code).toBe('FORBIDDEN');
  });

  it('refuses to assign to a team without a confirmed deployment', async () => {
    let plan = await engaged();
    const partner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'HMRC');
    const partnerTeam: TeamRow = await createTeam(t.dataSource, partner.agency, { capabilities: ['FINANCIAL_INVESTIGATION'] });
    const idle = await createTeam(t.dataSource, owner.agency);
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: partnerTeam.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    const added = (await addRequirement(plan, { evidenceType: 'FINANCIAL_RECORDS' }).expect(201)).body;
    for (const team of [idle, partnerTeam]) {
      const refused = await transition(owner, plan.id, added.requirement, 'assign', { teamId: team.id }).expect(422);
      expect(refused.body).toMatchObject({ code: 'TEAM_NOT_DEPLOYED', message: expect.stringContaining('no confirmed deployment') });
    }
  });

  it('refuses unknown offences and evidence types, and OTHER without words', async () => {
    const plan = await engaged();
    const unknown = await addRequirement(plan, { offence: 'THEFT', evidenceType: 'HEARSAY' }).expect(400);
    expect(unknown.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['evidenceType', 'offence']);
    const other = await addRequirement(plan, { offence: 'OTHER' }).expect(400);
    expect(other.body.details.fields).toEqual([
      { field: 'offenceOther', problems: ['Enter the offence, in words, when it is another offence'] },
    ]);
    await addRequirement(plan, { offence: 'OTHER', offenceOther: 'Controlling prostitution for gain (SOA 2003 s.53)' }).expect(201);
  });

  it('refuses gathering before the day starts, and by an agency other than the assigned team’s', async () => {
    const team = await createTeam(t.dataSource, owner.agency);
    let plan = await engaged();
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: team.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    const added = (await addRequirement(plan).expect(201)).body;
    const assigned = (await transition(owner, plan.id, added.requirement, 'assign', { teamId: team.id }).expect(200)).body.requirement;
    const early = await transition(owner, plan.id, assigned, 'gathered', { note: 'x' }).expect(409);
    expect(early.body.message).toBe(
      `Evidence is recorded as gathered from the start of the day of action: ${plan.reference} has not started yet`,
    );
    const accepting = await transition(liaison, plan.id, assigned, 'accept').expect(409);
    expect(accepting.body.code).toBe('INVALID_TRANSITION');
    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    await transition(stranger, plan.id, assigned, 'gathered', { note: 'x' }).expect(404);
  });

  it('groups the evidence matrix by offence and warns where a team lacks the suggested capability', async () => {
    const entryTeam = await createTeam(t.dataSource, owner.agency, { name: 'Entry Team 9', capabilities: ['ENTRY'] });
    let plan = await engaged();
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: entryTeam.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    let version = plan.version;
    const add = async (body: Record<string, unknown>) => {
      const response = await addRequirement({ id: plan.id, version }, body).expect(201);
      version = response.body.operationVersion;
      return response.body.requirement;
    };
    const devices = await add({ offence: 'MSA_S2_HUMAN_TRAFFICKING', evidenceType: 'DIGITAL_DEVICES', description: 'Phones' });
    await add({
      offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
      evidenceType: 'DOCUMENTS',
      description: 'Payslips',
      priority: 'DESIRABLE',
    });
    await add({ offence: 'MSA_S2_HUMAN_TRAFFICKING', evidenceType: 'WITNESS_STATEMENT', description: 'Neighbours' });
    const assigned = await transition(owner, plan.id, devices, 'assign', { teamId: entryTeam.id }).expect(200);
    expect(assigned.body.requirement.warning).toBe(
      'Digital devices evidence is usually gathered by a team with digital forensics; Entry Team 9 has none',
    );

    const matrix = await t.http().get(`/operations/${plan.id}/evidence-requirements`).set(owner.auth).expect(200);
    expect(matrix.body.offences.map((group: { offence: string }) => group.offence)).toEqual([
      'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
      'MSA_S2_HUMAN_TRAFFICKING',
    ]);
    expect(matrix.body.offences[1].requirements.map((r: { description: string }) => r.description)).toEqual(['Phones', 'Neighbours']);
    expect(matrix.body.offences[1].requirements[0]).toMatchObject({ assignedTeam: { name: 'Entry Team 9' }, status: 'ASSIGNED' });
    expect(matrix.body.summary).toEqual({
      total: 3,
      essential: 2,
      essentialUnassigned: 1,
      gathered: 0,
      accepted: 0,
      rejected: 0,
      warnings: 1,
    });
    const shown = await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200);
    expect(shown.body.evidenceRequirements.find((r: { id: string }) => r.id === devices.id).warning).toContain('digital forensics');
    await t.http().get(`/operations/${plan.id}/evidence-requirements`).set(otherLiaison.auth).expect(404);
  });

  it('withdraws an open request when the plan is cancelled: no liaison sees it, and it can no longer be accepted', async () => {
    const operation = await createOperation();
    const requested = (await requestCps(operation).expect(200)).body;
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(200);
    const cancelled = (
      await t
        .http()
        .post(`/operations/${operation.id}/cancel`)
        .set(owner.auth)
        .send({ version: requested.version, reason: 'Stood down' })
        .expect(200)
    ).body;
    expect(cancelled.cpsInvolvement.status).toBe('WITHDRAWN');
    for (const who of [liaison, otherLiaison]) {
      await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(404);
      await t
        .http()
        .post(`/operations/${operation.id}/cps-involvement/accept`)
        .set(who.auth)
        .send({ version: cancelled.version })
        .expect(404);
      const tasks = (await t.http().get('/tasks').set(who.auth).expect(200)).body;
      expect(tasks.map((task: { operation: { id: string } }) => task.operation.id)).not.toContain(operation.id);
    }
    const history = (await t.http().get(`/operations/${operation.id}/history`).set(owner.auth).expect(200)).body;
    expect(history.map((event: { action: string }) => event.action).slice(-2)).toEqual(['cps.withdrawn', 'operation.cancel']);
  });

  it('hides a cancelled plan whose request was left open (by an older version) from every liaison, in reads and lists', async () => {
    const operation = await createOperation();
    const requested = (await requestCps(operation).expect(200)).body;
    await t.dataSource.query(`UPDATE operations SET status = 'CANCELLED', cancel_reason = 'x' WHERE id = $1`, [operation.id]);
    for (const who of [liaison, otherLiaison]) {
      await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(404);
      const listed = (await t.http().get(`/operations?q=${operation.reference}`).set(who.auth).expect(200)).body;
      expect(listed.items).toEqual([]);
      await t
        .http()
        .post(`/operations/${operation.id}/cps-involvement/accept`)
        .set(who.auth)
        .send({ version: requested.version })
        .expect(404);
    }
  });

  it('puts a requirement back to OPEN when its team leaves the plan, declined or released', async () => {
    const partner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'HMRC');
    const partnerTeam = await createTeam(t.dataSource, partner.agency, { capabilities: ['FINANCIAL_INVESTIGATION'] });
    const ownTeam = await createTeam(t.dataSource, owner.agency, { capabilities: ['SAFEGUARDING'] });
    let plan = await engaged();
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: partnerTeam.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    plan = (
      await t
        .http()
        .post(`/operations/${plan.id}/deployments`)
        .set(owner.auth)
        .send({ teamId: ownTeam.id, headcount: 1, version: plan.version })
        .expect(201)
    ).body;
    const partnerDeployment = plan.deployments.find((d: { team: { id: string } }) => d.team.id === partnerTeam.id);
    const ownDeployment = plan.deployments.find((d: { team: { id: string } }) => d.team.id === ownTeam.id);
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${partnerDeployment.id}/confirm`)
      .set(partner.auth)
      .send({ version: partnerDeployment.version })
      .expect(200);
    const financial = (await addRequirement(plan, { evidenceType: 'FINANCIAL_RECORDS', description: 'Payroll' }).expect(201)).body;
    const victims = (await addRequirement({ id: plan.id, version: financial.operationVersion }).expect(201)).body;
    await transition(owner, plan.id, financial.requirement, 'assign', { teamId: partnerTeam.id }).expect(200);
    const assigned = (await transition(owner, plan.id, victims.requirement, 'assign', { teamId: ownTeam.id }).expect(200)).body;

    const moved = (
      await t
        .http()
        .patch(`/operations/${plan.id}`)
        .set(owner.auth)
        .send({ version: assigned.operationVersion, locations: [{ label: 'New', address: '5 Mill Road', postcode: 'B5 7AA' }] })
        .expect(200)
    ).body;
    const askedAgain = moved.deployments.find((d: { id: string }) => d.id === partnerDeployment.id);
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${partnerDeployment.id}/decline`)
      .set(partner.auth)
      .send({ version: askedAgain.version, reason: 'Not that address' })
      .expect(200);
    await t.http().delete(`/operations/${plan.id}/deployments/${ownDeployment.id}?version=${moved.version}`).set(owner.auth).expect(200);

    const matrix = (await t.http().get(`/operations/${plan.id}/evidence-requirements`).set(owner.auth).expect(200)).body;
    const all = matrix.offences.flatMap(
      (group: { requirements: { id: string; status: string; assignedTeam: unknown }[] }) => group.requirements,
    );
    expect(all.map((r: { status: string; assignedTeam: unknown }) => [r.status, r.assignedTeam])).toEqual([
      ['OPEN', null],
      ['OPEN', null],
    ]);
    const history = (await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200)).body;
    expect(
      history
        .filter((event: { action: string }) => event.action === 'evidence.unassigned')
        .map((event: { after: { reason: string } }) => event.after.reason),
    ).toEqual([`${partnerTeam.name} no longer takes part`, `${ownTeam.name} no longer takes part`]);
  });
});
