import { createTeam, operationBody, signedIn, TeamRow } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

type Signed = Awaited<ReturnType<typeof signedIn>>;

describe('early CPS involvement and evidence requirements', () => {
  let t: TestApp;
  let owner: Signed;
  let liaison: Signed;
  let otherLiaison: Signed;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    owner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    liaison = await signedIn(t.dataSource, t.http, ['CPS_LIAISON'], 'CPS');
    otherLiaison = await signedIn(t.dataSource, t.http, ['CPS_LIAISON'], 'CPS');
  });

  const hour = 3600_000;
  const createOperation = async (overrides: Record<string, unknown> = {}) =>
    (await t.http().post('/operations').set(owner.auth).send(operationBody(overrides)).expect(201)).body;

  /** An operation with the CPS engaged by `liaison`; returns the plan. */
  async function engaged(overrides: Record<string, unknown> = {}) {
    const operation = await createOperation(overrides);
    const requested = await t.http().post(`/operations/${operation.id}/cps-involvement`).set(owner.auth).send({ version: operation.version }).expect(200);
    return (await t.http().post(`/operations/${operation.id}/cps-involvement/accept`).set(liaison.auth).send({ version: requested.body.version }).expect(200)).body;
  }

  const addRequirement = (plan: { id: string; version: number }, body: Record<string, unknown> = {}, who: Signed = liaison) =>
    t.http().post(`/operations/${plan.id}/evidence-requirements`).set(who.auth).send({
      offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
      evidenceType: 'VICTIM_ACCOUNT',
      description: 'ABE interviews of workers',
      priority: 'ESSENTIAL',
      version: plan.version,
      ...body,
    });

  it('shows the plan to every liaison while requested, and only to the one who accepts it after', async () => {
    const operation = await createOperation();
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(404);
    const requested = await t.http().post(`/operations/${operation.id}/cps-involvement`).set(owner.auth).send({ version: 1 }).expect(200);
    expect(requested.body.cpsInvolvement).toMatchObject({ status: 'REQUESTED', liaison: null, engagedAt: null, leadTimeDays: null });
    for (const who of [liaison, otherLiaison]) {
      await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(200);
      const list = await t.http().get('/operations?limit=100').set(who.auth).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toContain(operation.id);
    }
    const accepted = await t.http().post(`/operations/${operation.id}/cps-involvement/accept`).set(liaison.auth).send({ version: 2 }).expect(200);
    expect(accepted.body).toMatchObject({
      version: 3,
      cpsInvolvement: { status: 'ENGAGED', liaison: { id: liaison.user.id, email: liaison.user.email }, engagedAt: expect.any(String) },
    });
    expect(accepted.body.cpsInvolvement.leadTimeDays).toBeGreaterThanOrEqual(29);
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(200);
    await t.http().get(`/operations/${operation.id}`).set(otherLiaison.auth).expect(404);
    await t.http().post(`/operations/${operation.id}/cps-involvement/accept`).set(otherLiaison.auth).send({ version: 3 }).expect(404);
    await addRequirement(accepted.body, {}, otherLiaison).expect(404);
  });

  it('lets the owner withdraw a request before it is accepted, not after', async () => {
    const operation = await createOperation();
    await t.http().delete(`/operations/${operation.id}/cps-involvement?version=1`).set(owner.auth).expect(409);
    await t.http().post(`/operations/${operation.id}/cps-involvement`).set(owner.auth).send({ version: 1 }).expect(200);
    await t.http().post(`/operations/${operation.id}/cps-involvement`).set(owner.auth).send({ version: 2 }).expect(409);
    const withdrawn = await t.http().delete(`/operations/${operation.id}/cps-involvement?version=2`).set(owner.auth).expect(200);
    expect(withdrawn.body.cpsInvolvement.status).toBe('WITHDRAWN');
    await t.http().get(`/operations/${operation.id}`).set(liaison.auth).expect(404);

    const plan = await engaged();
    const refused = await t.http().delete(`/operations/${plan.id}/cps-involvement?version=${plan.version}`).set(owner.auth).expect(409);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
  });

  it('runs the whole lifecycle: request, accept, add, assign, gather, accept and reject', async () => {
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['SAFEGUARDING', 'SEARCH'] });
    // The day has started: evidence is gathered on the day.
    let plan = await engaged({ startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + 6 * hour).toISOString() });
    plan = (await t.http().post(`/operations/${plan.id}/deployments`).set(owner.auth).send({ teamId: team.id, headcount: 2, version: plan.version }).expect(201)).body;

    const first = await addRequirement(plan).expect(201);
    expect(first.body).toMatchObject({
      operationId: plan.id,
      operationVersion: plan.version + 1,
      requirement: { status: 'OPEN', evidenceType: 'VICTIM_ACCOUNT', priority: 'ESSENTIAL', assignedTeam: null, suggestedCapability: 'SAFEGUARDING' },
    });
    const second = await addRequirement({ id: plan.id, version: first.body.operationVersion }, { evidenceType: 'CCTV', priority: 'DESIRABLE', description: 'Street CCTV' }).expect(201);
    let version = second.body.operationVersion;
    const edited = await t.http().patch(`/operations/${plan.id}/evidence-requirements/${second.body.requirement.id}`).set(liaison.auth)
      .send({ version, description: 'Street and site CCTV, 7 days before' }).expect(200);
    version = edited.body.operationVersion;
    expect(edited.body.requirement.description).toBe('Street and site CCTV, 7 days before');

    for (const requirement of [first.body.requirement, second.body.requirement]) {
      const assigned = await t.http().post(`/operations/${plan.id}/evidence-requirements/${requirement.id}/assign`).set(owner.auth)
        .send({ teamId: team.id, version }).expect(200);
      expect(assigned.body.requirement).toMatchObject({ status: 'ASSIGNED', assignedTeam: { id: team.id, agency: { id: owner.agency.id } }, warning: null });
      version = assigned.body.operationVersion;
    }
    for (const requirement of [first.body.requirement, second.body.requirement]) {
      const gathered = await t.http().post(`/operations/${plan.id}/evidence-requirements/${requirement.id}/gathered`).set(owner.auth)
        .send({ note: 'Exhibits PS/1-PS/4', version }).expect(200);
      expect(gathered.body.requirement).toMatchObject({ status: 'GATHERED', gatheredNote: 'Exhibits PS/1-PS/4', gatheredBy: { id: owner.user.id } });
      version = gathered.body.operationVersion;
    }
    const accepted = await t.http().post(`/operations/${plan.id}/evidence-requirements/${first.body.requirement.id}/accept`).set(liaison.auth)
      .send({ version }).expect(200);
    expect(accepted.body.requirement).toMatchObject({ status: 'ACCEPTED', decidedBy: { id: liaison.user.id } });
    const rejected = await t.http().post(`/operations/${plan.id}/evidence-requirements/${second.body.requirement.id}/reject`).set(liaison.auth)
      .send({ version: accepted.body.operationVersion, reason: 'Footage not exhibited' }).expect(200);
    expect(rejected.body.requirement).toMatchObject({ status: 'REJECTED', rejectionReason: 'Footage not exhibited' });
    await t.http().post(`/operations/${plan.id}/evidence-requirements/${first.body.requirement.id}/accept`).set(liaison.auth)
      .send({ version: rejected.body.operationVersion }).expect(409);

    const history = await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200);
    const actions = history.body.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['cps.requested', 'cps.engaged', 'evidence.added', 'evidence.updated', 'evidence.assigned', 'evidence.gathered', 'evidence.accepted', 'evidence.rejected']));
    const addedBy = history.body.find((event: { action: string }) => event.action === 'evidence.added');
    expect(addedBy.actor.id).toBe(liaison.user.id);
  });

  it('refuses evidence writes by anyone but the engaged liaison', async () => {
    const plan = await engaged();
    const manager = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    for (const who of [owner]) {
      const refused = await addRequirement(plan, {}, who).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    await addRequirement(plan, {}, manager).expect(404);
    const requested = await createOperation();
    await t.http().post(`/operations/${requested.id}/cps-involvement`).set(owner.auth).send({ version: 1 }).expect(200);
    const notYetEngaged = await addRequirement({ id: requested.id, version: 2 }).expect(403);
    expect(notYetEngaged.body.message).toContain('Only the CPS liaison engaged');
    const coordinatorAccepting = await t.http().post(`/operations/${requested.id}/cps-involvement/accept`).set(owner.auth).send({ version: 2 }).expect(403);
    expect(coordinatorAccepting.body.code).toBe('FORBIDDEN');
  });

  it('refuses to assign to a team without a confirmed deployment', async () => {
    let plan = await engaged();
    const partner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'HMRC');
    const partnerTeam: TeamRow = await createTeam(t.dataSource, partner.agency, { capabilities: ['FINANCIAL_INVESTIGATION'] });
    const idle = await createTeam(t.dataSource, owner.agency);
    plan = (await t.http().post(`/operations/${plan.id}/deployments`).set(owner.auth).send({ teamId: partnerTeam.id, headcount: 1, version: plan.version }).expect(201)).body;
    const requirement = (await addRequirement(plan, { evidenceType: 'FINANCIAL_RECORDS' }).expect(201)).body;
    for (const team of [idle, partnerTeam]) {
      const refused = await t.http().post(`/operations/${plan.id}/evidence-requirements/${requirement.requirement.id}/assign`).set(owner.auth)
        .send({ teamId: team.id, version: requirement.operationVersion }).expect(422);
      expect(refused.body).toMatchObject({ code: 'TEAM_NOT_DEPLOYED', message: expect.stringContaining('no confirmed deployment') });
    }
  });

  it('refuses unknown offences and evidence types, and OTHER without words', async () => {
    const plan = await engaged();
    const unknown = await addRequirement(plan, { offence: 'THEFT', evidenceType: 'HEARSAY' }).expect(400);
    expect(unknown.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['evidenceType', 'offence']);
    const other = await addRequirement(plan, { offence: 'OTHER' }).expect(400);
    expect(other.body.details.fields[0].field).toBe('offenceOther');
    await addRequirement(plan, { offence: 'OTHER', offenceOther: 'Controlling prostitution for gain (SOA 2003 s.53)' }).expect(201);
  });

  it('refuses gathering before the day starts, and by an agency other than the assigned team’s', async () => {
    const team = await createTeam(t.dataSource, owner.agency);
    let plan = await engaged();
    plan = (await t.http().post(`/operations/${plan.id}/deployments`).set(owner.auth).send({ teamId: team.id, headcount: 1, version: plan.version }).expect(201)).body;
    const added = (await addRequirement(plan).expect(201)).body;
    const assigned = (await t.http().post(`/operations/${plan.id}/evidence-requirements/${added.requirement.id}/assign`).set(owner.auth)
      .send({ teamId: team.id, version: added.operationVersion }).expect(200)).body;
    const early = await t.http().post(`/operations/${plan.id}/evidence-requirements/${added.requirement.id}/gathered`).set(owner.auth)
      .send({ note: 'x', version: assigned.operationVersion }).expect(409);
    expect(early.body.message).toContain('gathered on the day');
    const accepting = await t.http().post(`/operations/${plan.id}/evidence-requirements/${added.requirement.id}/accept`).set(liaison.auth)
      .send({ version: assigned.operationVersion }).expect(409);
    expect(accepting.body.code).toBe('INVALID_TRANSITION');
    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    await t.http().post(`/operations/${plan.id}/evidence-requirements/${added.requirement.id}/gathered`).set(stranger.auth)
      .send({ note: 'x', version: assigned.operationVersion }).expect(404);
  });

  it('groups the evidence matrix by offence and warns where a team lacks the suggested capability', async () => {
    const entryTeam = await createTeam(t.dataSource, owner.agency, { name: 'Entry Team 9', capabilities: ['ENTRY'] });
    let plan = await engaged();
    plan = (await t.http().post(`/operations/${plan.id}/deployments`).set(owner.auth).send({ teamId: entryTeam.id, headcount: 1, version: plan.version }).expect(201)).body;
    let version = plan.version;
    const add = async (body: Record<string, unknown>) => {
      const response = await addRequirement({ id: plan.id, version }, body).expect(201);
      version = response.body.operationVersion;
      return response.body.requirement;
    };
    const devices = await add({ offence: 'MSA_S2_HUMAN_TRAFFICKING', evidenceType: 'DIGITAL_DEVICES', description: 'Phones' });
    await add({ offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', evidenceType: 'DOCUMENTS', description: 'Payslips', priority: 'DESIRABLE' });
    await add({ offence: 'MSA_S2_HUMAN_TRAFFICKING', evidenceType: 'WITNESS_STATEMENT', description: 'Neighbours' });
    const assigned = await t.http().post(`/operations/${plan.id}/evidence-requirements/${devices.id}/assign`).set(owner.auth)
      .send({ teamId: entryTeam.id, version }).expect(200);
    expect(assigned.body.requirement.warning).toBe('DIGITAL_DEVICES evidence is usually gathered by a team with DIGITAL_FORENSICS; Entry Team 9 has none');

    const matrix = await t.http().get(`/operations/${plan.id}/evidence-requirements`).set(owner.auth).expect(200);
    expect(matrix.body.offences.map((group: { offence: string }) => group.offence)).toEqual(['MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', 'MSA_S2_HUMAN_TRAFFICKING']);
    expect(matrix.body.offences[1].requirements.map((r: { description: string }) => r.description)).toEqual(['Phones', 'Neighbours']);
    expect(matrix.body.offences[1].requirements[0]).toMatchObject({ assignedTeam: { name: 'Entry Team 9' }, status: 'ASSIGNED' });
    expect(matrix.body.summary).toEqual({ total: 3, essential: 2, essentialUnassigned: 1, gathered: 0, accepted: 0, rejected: 0, warnings: 1 });
    const shown = await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200);
    expect(shown.body.evidenceRequirements.find((r: { id: string }) => r.id === devices.id).warning).toContain('DIGITAL_FORENSICS');
    await t.http().get(`/operations/${plan.id}/evidence-requirements`).set(otherLiaison.auth).expect(404);
  });
});
