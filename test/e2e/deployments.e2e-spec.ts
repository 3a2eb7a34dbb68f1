import { createAgency, createTeam, operationBody, randomPostcode, signedIn, TeamRow } from '../factories';
import { useApp } from '../support/use-app';

type Signed = Awaited<ReturnType<typeof signedIn>>;

describe('supporting teams (deployments)', () => {
  const { t, s } = useApp();
  let owner: Signed;
  let partner: Signed;
  let ownTeam: TeamRow;
  let partnerTeam: TeamRow;

  beforeEach(async () => {
    owner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    partner = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'HMRC');
    ownTeam = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY', 'SAFEGUARDING'], capacity: 10 });
    partnerTeam = await createTeam(t.dataSource, partner.agency, { capabilities: ['TAX_COMPLIANCE'], capacity: 4 });
  });

  const createOperation = (who: Signed = owner, overrides: Record<string, unknown> = {}) => s.draft(who, overrides);
  const deploy = (operation: { id: string; version: number }, body: Record<string, unknown>, who: Signed = owner) =>
    t
      .http()
      .post(`/operations/${operation.id}/deployments`)
      .set(who.auth)
      .send({ headcount: 2, tasking: 'Search', version: operation.version, ...body });
  type Deployment = { id: string; version: number; status: string; team: { id: string } };
  const deploymentOf = (plan: { deployments: { team: { id: string } }[] }, team: TeamRow) =>
    plan.deployments.find((deployment) => deployment.team.id === team.id) as Deployment;

  it("confirms the owning agency's own team at once and requests a partner's (R7)", async () => {
    const operation = await createOperation();
    const withOwn = await deploy(operation, { teamId: ownTeam.id }).expect(201);
    expect(withOwn.body.version).toBe(2);
    expect(deploymentOf(withOwn.body, ownTeam)).toMatchObject({
      status: 'CONFIRMED',
      headcount: 2,
      startsAt: operation.startsAt,
      endsAt: operation.endsAt,
      followsOperationWindow: true,
      agency: { id: owner.agency.id },
    });
    const withPartner = await deploy(withOwn.body, { teamId: partnerTeam.id }).expect(201);
    expect(deploymentOf(withPartner.body, partnerTeam)).toMatchObject({ status: 'REQUESTED', respondedBy: null });
  });

  it('lets the partner see the plan and answer for its own team, but not edit the plan or answer for others', async () => {
    const operation = await createOperation();
    await t.http().get(`/operations/${operation.id}`).set(partner.auth).expect(404);
    const plan = (await deploy(operation, { teamId: partnerTeam.id }).expect(201)).body;
    const own = (await deploy(plan, { teamId: ownTeam.id }).expect(201)).body;
    const requested = deploymentOf(own, partnerTeam);
    const ownDeployment = deploymentOf(own, ownTeam);

    const seen = await t.http().get(`/operations/${operation.id}`).set(partner.auth).expect(200);
    expect(seen.body.canEdit).toBe(false);
    const listed = await t.http().get('/operations').set(partner.auth).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(operation.id);
    await t.http().patch(`/operations/${operation.id}`).set(partner.auth).send({ version: own.version, name: 'Partner edit' }).expect(403);
    await deploy(own, { teamId: partnerTeam.id }, partner).expect(403);

    const notYours = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${ownDeployment.id}/confirm`)
      .set(partner.auth)
      .send({ version: ownDeployment.version })
      .expect(403);
    expect(notYours.body.message).toContain(`Only a coordinator of ${owner.agency.code}`);
    const ownerConfirming = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/confirm`)
      .set(owner.auth)
      .send({ version: requested.version })
      .expect(403);
    expect(ownerConfirming.body.code).toBe('FORBIDDEN');

    const stale = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: requested.version + 1 })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { yourVersion: requested.version + 1, currentVersion: requested.version },
    });
    const confirmed = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: requested.version })
      .expect(200);
    expect(confirmed.body).toMatchObject({
      operationId: operation.id,
      operationVersion: own.version,
      deployment: { id: requested.id, version: requested.version + 1, status: 'CONFIRMED', respondedBy: { id: partner.user.id } },
    });
    const twice = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: confirmed.body.deployment.version })
      .expect(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    const planAfter = (await t.http().get(`/operations/${operation.id}`).set(owner.auth).expect(200)).body;
    expect(planAfter).toMatchObject({ version: own.version, updatedBy: { id: owner.user.id } });
  });

  it('records a decline with its reason; the declining agency no longer sees the plan and its team is free', async () => {
    const operation = await createOperation();
    const plan = (await deploy(operation, { teamId: partnerTeam.id }).expect(201)).body;
    const requested = deploymentOf(plan, partnerTeam);
    const noReason = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/decline`)
      .set(partner.auth)
      .send({ version: requested.version })
      .expect(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'reason', problems: ['Enter a reason for declining'] }]);
    const declined = await t
      .http()
      .post(`/operations/${operation.id}/deployments/${requested.id}/decline`)
      .set(partner.auth)
      .send({ version: requested.version, reason: 'Committed elsewhere' })
      .expect(200);
    expect(declined.body.deployment).toMatchObject({ status: 'DECLINED', declineReason: 'Committed elsewhere' });
    const ownerView = await t.http().get(`/operations/${operation.id}`).set(owner.auth).expect(200);
    expect(deploymentOf(ownerView.body, partnerTeam)).toMatchObject({ status: 'DECLINED', declineReason: 'Committed elsewhere' });
    await t.http().get(`/operations/${operation.id}`).set(partner.auth).expect(404);
    const other = await createOperation();
    await deploy(other, { teamId: partnerTeam.id }).expect(201);
  });

  it('refuses teams the support policy forbids, saying why in words and naming the rule (R2) in the details', async () => {
    const cps = await createAgency(t.dataSource, { kind: 'CPS' });
    const cpsTeam = await createTeam(t.dataSource, cps);
    const operation = await createOperation(owner, { exploitationTypes: ['SEXUAL'] });
    const refused = await deploy(operation, { teamId: cpsTeam.id }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'SUPPORT_NOT_PERMITTED',
      message: 'The CPS takes part through early involvement only, never as the lead or with teams',
      details: { rule: 'R2' },
    });
    const glaa = await createAgency(t.dataSource, { kind: 'GLAA' });
    const glaaTeam = await createTeam(t.dataSource, glaa);
    const noLabour = await deploy(operation, { teamId: glaaTeam.id }).expect(422);
    expect(noLabour.body.message).toBe(
      'The Gangmasters and Labour Abuse Authority can supply teams only to days of action that include labour exploitation',
    );
    const labour = await createOperation(owner, { exploitationTypes: ['LABOUR', 'SEXUAL'] });
    await deploy(labour, { teamId: glaaTeam.id }).expect(201);
  });

  it('refuses a headcount over capacity (R6) and other bad input with their own codes', async () => {
    const operation = await createOperation();
    const over = await deploy(operation, { teamId: partnerTeam.id, headcount: 5 }).expect(422);
    expect(over.body).toMatchObject({ code: 'CAPACITY_EXCEEDED', details: { capacity: 4, headcount: 5 } });
    for (const headcount of [0, -3]) {
      const bad = await deploy(operation, { teamId: partnerTeam.id, headcount }).expect(400);
      expect(bad.body.details.fields[0].field).toBe('headcount');
    }
    const unknown = await deploy(operation, { teamId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d' }).expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const early = new Date(new Date(operation.startsAt).getTime() - 3600_000).toISOString();
    const outside = await deploy(operation, { teamId: partnerTeam.id, startsAt: early }).expect(400);
    expect(outside.body.message).toContain("inside the operation's window");
    await deploy(operation, { teamId: partnerTeam.id, version: 99 }).expect(409);
    const unchanged = await t.http().get(`/operations/${operation.id}`).set(owner.auth).expect(200);
    expect(unchanged.body).toMatchObject({ version: 1, deployments: [] });
  });

  const overlappingPlans = async (count: number, day: string, who: () => Promise<Signed>) => {
    const plans = [];
    for (let i = 0; i < count; i++) {
      const coordinator = await who();
      const start = new Date(Date.parse(`${day}T06:00:00Z`) + i * 30 * 60_000);
      const body = operationBody({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString() });
      plans.push({ who: coordinator, operation: (await t.http().post('/operations').set(coordinator.auth).send(body).expect(201)).body });
    }
    return plans;
  };
  const confirmedOverlaps = async (teamId: string) => {
    const [{ overlapping }] = await t.dataSource.query(
      `SELECT count(*)::int AS overlapping FROM deployments a JOIN deployments b
         ON a.team_id = b.team_id AND a.id < b.id AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
        WHERE a.team_id = $1 AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'`,
      [teamId],
    );
    return overlapping;
  };

  it('lets exactly one of many concurrent confirmations of a team for overlapping plans win (R5)', async () => {
    const plans = await overlappingPlans(8, '2027-09-01', () => signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE'));
    const requested = await Promise.all(plans.map(({ who, operation }) => deploy(operation, { teamId: partnerTeam.id }, who).expect(201)));
    // Once every request is in (an answer may be read before the others commit), each plan sees the others' requests.
    for (const [i, plan] of requested.entries()) {
      const now = (await t.http().get(`/operations/${plan.body.id}`).set(plans[i].who.auth).expect(200)).body;
      expect(deploymentOf(now, partnerTeam)).toMatchObject({ status: 'REQUESTED', bookedElsewhere: 'REQUESTED' });
    }
    const answers = await Promise.all(
      requested.map(({ body }) => {
        const deployment = deploymentOf(body, partnerTeam);
        return t
          .http()
          .post(`/operations/${body.id}/deployments/${deployment.id}/confirm`)
          .set(partner.auth)
          .send({ version: deployment.version });
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.code).toBe('TEAM_DOUBLE_BOOKED');
    expect(await confirmedOverlaps(partnerTeam.id)).toBe(0);
    const lost = statuses.indexOf(409);
    const loser = (await t.http().get(`/operations/${requested[lost].body.id}`).set(plans[lost].who.auth).expect(200)).body;
    expect(deploymentOf(loser, partnerTeam)).toMatchObject({ status: 'REQUESTED', bookedElsewhere: 'CONFIRMED' });
  });

  it('lets exactly one of many concurrent deployments of an agency’s own team win, its own teams being confirmed at once (R5, R7)', async () => {
    const plans = await overlappingPlans(8, '2027-09-08', async () => owner);
    const responses = await Promise.all(plans.map(({ operation }) => deploy(operation, { teamId: ownTeam.id })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    expect(await confirmedOverlaps(ownTeam.id)).toBe(0);
  });

  it('lets a partner’s request overlap others, so a request never blocks the team’s own agency', async () => {
    const window = { startsAt: '2027-09-15T06:00:00Z', endsAt: '2027-09-15T14:00:00Z' };
    const charity = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'VICTIM_SUPPORT');
    const draft = await createOperation(charity, window);
    await deploy(draft, { teamId: ownTeam.id }, charity).expect(201);
    const own = (await deploy(await createOperation(owner, window), { teamId: ownTeam.id }).expect(201)).body;
    expect(deploymentOf(own, ownTeam)).toMatchObject({ status: 'CONFIRMED', bookedElsewhere: 'REQUESTED' });
  });

  it('allows back-to-back windows, where one ends as the next starts', async () => {
    const first = await createOperation(owner, { startsAt: '2027-10-01T06:00:00Z', endsAt: '2027-10-01T14:00:00Z' });
    const second = await createOperation(owner, { startsAt: '2027-10-01T14:00:00Z', endsAt: '2027-10-01T22:00:00Z' });
    await deploy(first, { teamId: ownTeam.id }).expect(201);
    await deploy(second, { teamId: ownTeam.id }).expect(201);
  });

  it('frees the team when a deployment is released', async () => {
    const first = await createOperation(owner, { startsAt: '2027-11-01T06:00:00Z', endsAt: '2027-11-01T14:00:00Z' });
    const second = await createOperation(owner, { startsAt: '2027-11-01T10:00:00Z', endsAt: '2027-11-01T18:00:00Z' });
    const plan = (await deploy(first, { teamId: ownTeam.id }).expect(201)).body;
    await deploy(second, { teamId: ownTeam.id }).expect(409);
    const deployment = deploymentOf(plan, ownTeam);
    await t.http().delete(`/operations/${first.id}/deployments/${deployment.id}`).set(owner.auth).expect(400);
    await t.http().delete(`/operations/${first.id}/deployments/${deployment.id}?version=${plan.version}`).set(partner.auth).expect(404);
    const released = await t
      .http()
      .delete(`/operations/${first.id}/deployments/${deployment.id}?version=${plan.version}`)
      .set(owner.auth)
      .expect(200);
    expect(deploymentOf(released.body, ownTeam)).toMatchObject({
      status: 'RELEASED',
      releasedAt: expect.any(String),
      releaseReason: 'released by the owner',
    });
    await t
      .http()
      .delete(`/operations/${first.id}/deployments/${deployment.id}?version=${released.body.version}`)
      .set(owner.auth)
      .expect(409);
    await deploy(second, { teamId: ownTeam.id }).expect(201);
  });

  it('names the other operation in a double booking only to those who may see it, and of a hidden one only the day', async () => {
    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'NCA');
    const theirs = await createOperation(stranger, { startsAt: '2027-12-01T06:00:00Z', endsAt: '2027-12-01T14:00:00Z' });
    const theirPlan = (await deploy(theirs, { teamId: partnerTeam.id }, stranger).expect(201)).body;
    const theirRequest = deploymentOf(theirPlan, partnerTeam);
    await t
      .http()
      .post(`/operations/${theirs.id}/deployments/${theirRequest.id}/confirm`)
      .set(partner.auth)
      .send({ version: theirRequest.version })
      .expect(200);

    const ours = (
      await deploy(await createOperation(owner, { startsAt: '2027-12-02T06:00:00Z', endsAt: '2027-12-02T14:00:00Z' }), {
        teamId: partnerTeam.id,
      }).expect(201)
    ).body;
    const ourRequest = deploymentOf(ours, partnerTeam);
    await t
      .http()
      .post(`/operations/${ours.id}/deployments/${ourRequest.id}/confirm`)
      .set(partner.auth)
      .send({ version: ourRequest.version })
      .expect(200);
    const blind = await t
      .http()
      .patch(`/operations/${ours.id}`)
      .set(owner.auth)
      .send({ version: ours.version, startsAt: '2027-12-01T10:00:00Z', endsAt: '2027-12-01T18:00:00Z' })
      .expect(409);
    expect(blind.body).toMatchObject({
      code: 'TEAM_DOUBLE_BOOKED',
      message: `${partnerTeam.name} is already deployed on another operation on 1 December 2027`,
    });
    expect(JSON.stringify(blind.body)).not.toContain(theirPlan.reference);
    expect(JSON.stringify(blind.body)).not.toMatch(/06:00|14:00/);

    const mine = (
      await deploy(
        await createOperation(partner, { startsAt: '2027-12-01T12:00:00Z', endsAt: '2027-12-01T20:00:00Z' }),
        { teamId: partnerTeam.id },
        partner,
      ).expect(409)
    ).body;
    expect(mine.message).toBe(
      `${partnerTeam.name} is already deployed on ${theirPlan.reference} from Wed, 1 December 2027 at 06:00 GMT to Wed, 1 December 2027 at 14:00 GMT`,
    );
  });

  it("moves following deployments with the operation's window, and refuses a move into a double booking", async () => {
    const plan = (
      await deploy(await createOperation(owner, { startsAt: '2028-01-10T06:00:00Z', endsAt: '2028-01-10T14:00:00Z' }), {
        teamId: ownTeam.id,
      }).expect(201)
    ).body;
    const moved = await t
      .http()
      .patch(`/operations/${plan.id}`)
      .set(owner.auth)
      .send({ version: plan.version, startsAt: '2028-01-11T06:00:00Z', endsAt: '2028-01-11T14:00:00Z' })
      .expect(200);
    expect(deploymentOf(moved.body, ownTeam)).toMatchObject({ startsAt: '2028-01-11T06:00:00.000Z', endsAt: '2028-01-11T14:00:00.000Z' });

    const blocker = await createOperation(owner, { startsAt: '2028-01-12T06:00:00Z', endsAt: '2028-01-12T14:00:00Z' });
    await deploy(blocker, { teamId: ownTeam.id }).expect(201);
    const clash = await t
      .http()
      .patch(`/operations/${plan.id}`)
      .set(owner.auth)
      .send({ version: moved.body.version, startsAt: '2028-01-12T10:00:00Z', endsAt: '2028-01-12T18:00:00Z' })
      .expect(409);
    expect(clash.body).toMatchObject({ code: 'TEAM_DOUBLE_BOOKED', message: expect.stringContaining(blocker.reference) });
    const unchanged = await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200);
    expect(unchanged.body).toMatchObject({ version: moved.body.version, startsAt: '2028-01-11T06:00:00.000Z' });
  });

  it('audits every deployment change', async () => {
    const operation = await createOperation();
    const plan = (await deploy(operation, { teamId: partnerTeam.id }).expect(201)).body;
    const requested = deploymentOf(plan, partnerTeam);
    const confirmed = (
      await t
        .http()
        .post(`/operations/${operation.id}/deployments/${requested.id}/confirm`)
        .set(partner.auth)
        .send({ version: requested.version })
        .expect(200)
    ).body;
    await t
      .http()
      .delete(`/operations/${operation.id}/deployments/${requested.id}?version=${confirmed.operationVersion}`)
      .set(owner.auth)
      .expect(200);
    const history = await t.http().get(`/operations/${operation.id}/history`).set(owner.auth).expect(200);
    expect(history.body.map((event: { action: string }) => event.action)).toEqual([
      'operation.created',
      'deployment.requested',
      'deployment.confirmed',
      'deployment.released',
    ]);
    expect(history.body[2]).toMatchObject({ actor: { id: partner.user.id }, after: { status: 'CONFIRMED' } });
  });

  it('lists every plan an agency sees, whichever way it sees it, once each and newest first, page after page', async () => {
    const seer = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(() => createTeam(t.dataSource, seer.agency, { capabilities: ['ENTRY'], capacity: 10 })),
    );
    const created = await createOperation(seer);
    const led = await createOperation();
    await t
      .http()
      .put(`/operations/${led.id}/lead-agency`)
      .set(owner.auth)
      .send({ agencyId: seer.agency.id, version: led.version })
      .expect(200);
    const deployedTwice = await createOperation();
    const once = (await deploy(deployedTwice, { teamId: first.id }).expect(201)).body;
    await deploy(once, { teamId: second.id }).expect(201);
    const declined = await createOperation();
    const requested = (await deploy(declined, { teamId: third.id }).expect(201)).body;
    await t
      .http()
      .post(`/operations/${declined.id}/deployments/${deploymentOf(requested, third).id}/decline`)
      .set(seer.auth)
      .send({ version: deploymentOf(requested, third).version, reason: 'Committed elsewhere' })
      .expect(200);
    await createOperation();

    const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
    const whole = await t.http().get('/operations?limit=100').set(seer.auth).expect(200);
    expect(ids(whole.body)).toEqual([deployedTwice.id, led.id, created.id]);
    expect(whole.body.nextCursor).toBeNull();

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/operations?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set(seer.auth)
        .expect(200);
      paged.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids(whole.body));
  });

  it('lets partners answering at the same moment all succeed, each against its own deployment, leaving the plan’s version alone', async () => {
    const partners = await Promise.all(
      ['HMRC', 'DWP', 'BORDER_FORCE', 'LOCAL_AUTHORITY', 'VICTIM_SUPPORT'].map(async (kind) => {
        const who = await signedIn(t.dataSource, t.http, ['COORDINATOR'], kind as 'HMRC');
        return { who, team: await createTeam(t.dataSource, who.agency, { capabilities: ['SAFEGUARDING'], capacity: 4 }) };
      }),
    );
    let plan = await createOperation();
    for (const { team } of partners) plan = (await deploy(plan, { teamId: team.id }).expect(201)).body;
    const answers = await Promise.all(
      partners.map(({ who, team }, index) => {
        const deployment = deploymentOf(plan, team);
        const path = `/operations/${plan.id}/deployments/${deployment.id}/${index % 2 ? 'decline' : 'confirm'}`;
        return t
          .http()
          .post(path)
          .set(who.auth)
          .send({ version: deployment.version, ...(index % 2 ? { reason: 'Committed elsewhere' } : {}) });
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const after = (await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200)).body;
    expect(after.version).toBe(plan.version);
    expect(partners.map(({ team }) => deploymentOf(after, team).status)).toEqual([
      'CONFIRMED',
      'DECLINED',
      'CONFIRMED',
      'DECLINED',
      'CONFIRMED',
    ]);
    const history = (await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200)).body;
    expect(history.map((event: { seq: number }) => event.seq)).toEqual(history.map((_: unknown, index: number) => index + 1));
    // The owner's edit against the version it read still goes through.
    await t
      .http()
      .patch(`/operations/${plan.id}`)
      .set(owner.auth)
      .send({ version: plan.version, name: 'Renamed after the answers' })
      .expect(200);
  });

  it.each([
    [
      'the window moves',
      (plan: { startsAt: string; endsAt: string }) => ({
        startsAt: new Date(Date.parse(plan.startsAt) + 3600_000).toISOString(),
        endsAt: new Date(Date.parse(plan.endsAt) + 3600_000).toISOString(),
      }),
      'the window moved',
    ],
    [
      'the places change',
      () => ({ locations: [{ label: 'New site', address: '2 Other Road', postcode: randomPostcode() }] }),
      'the places changed',
    ],
  ])('asks partners to confirm again when %s, keeping the owner’s own teams confirmed', async (_what, change, reason) => {
    let plan = await createOperation();
    plan = (await deploy(plan, { teamId: ownTeam.id }).expect(201)).body;
    plan = (await deploy(plan, { teamId: partnerTeam.id }).expect(201)).body;
    const requested = deploymentOf(plan, partnerTeam);
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: requested.version })
      .expect(200);
    const relabelled = (plan.locations as { label: string }[]).map((location) => ({ ...location, label: `${location.label} (renamed)` }));
    const untouched = (
      await t
        .http()
        .patch(`/operations/${plan.id}`)
        .set(owner.auth)
        .send({ version: plan.version, name: 'Only the name', locations: relabelled })
        .expect(200)
    ).body;
    expect(deploymentOf(untouched, partnerTeam).status).toBe('CONFIRMED');

    const changed = (
      await t
        .http()
        .patch(`/operations/${plan.id}`)
        .set(owner.auth)
        .send({ version: untouched.version, ...change(untouched) })
        .expect(200)
    ).body;
    expect(deploymentOf(changed, ownTeam).status).toBe('CONFIRMED');
    expect(deploymentOf(changed, partnerTeam)).toMatchObject({ status: 'REQUESTED', respondedBy: null, respondedAt: null });
    const history = (await t.http().get(`/operations/${plan.id}/history`).set(owner.auth).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({
      action: 'deployment.asked-again',
      before: { status: 'CONFIRMED', deployments: [{ deploymentId: requested.id, team: partnerTeam.name, agency: partner.agency.code }] },
      after: { status: 'REQUESTED', reason: `${reason}, so each partner is asked to confirm again` },
    });
    const readiness = (await t.http().get(`/operations/${plan.id}/readiness`).set(owner.auth).expect(200)).body;
    expect(readiness.checks.find((check: { id: string }) => check.id === 'no-pending-requests')).toMatchObject({
      ok: false,
      message: `Waiting for ${partner.agency.code} to confirm or decline: ${partnerTeam.name}`,
    });
    const tasks = (await t.http().get('/tasks').set(partner.auth).expect(200)).body;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'ANSWER_TEAM_REQUEST',
        deploymentId: requested.id,
        operation: expect.objectContaining({ id: plan.id }),
      }),
    );
    const again = deploymentOf(changed, partnerTeam);
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: again.version })
      .expect(200);
  });

  it('refuses to confirm a request for more officers than the team has now (R6), leaving it requested', async () => {
    const team = await createTeam(t.dataSource, partner.agency, { capabilities: ['TAX_COMPLIANCE'], capacity: 4 });
    const plan = (await deploy(await createOperation(), { teamId: team.id, headcount: 4 }).expect(201)).body;
    const requested = deploymentOf(plan, team);
    await t.http().patch(`/teams/${team.id}`).set(partner.auth).send({ capacity: 3 }).expect(200);

    const refused = await t
      .http()
      .post(`/operations/${plan.id}/deployments/${requested.id}/confirm`)
      .set(partner.auth)
      .send({ version: requested.version })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'CAPACITY_EXCEEDED', details: { capacity: 3, headcount: 4 } });
    const after = (await t.http().get(`/operations/${plan.id}`).set(owner.auth).expect(200)).body;
    expect(deploymentOf(after, team)).toMatchObject({ status: 'REQUESTED', version: requested.version });
    await t
      .http()
      .post(`/operations/${plan.id}/deployments/${requested.id}/decline`)
      .set(partner.auth)
      .send({ version: requested.version, reason: 'Too few officers' })
      .expect(200);
  });

  it('refuses to shrink a team below a confirmed deployment, naming only the plans the caller may see', async () => {
    const admin = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
    const seen = (
      await deploy(await createOperation(owner, { startsAt: '2028-02-01T06:00:00Z', endsAt: '2028-02-01T14:00:00Z' }), {
        teamId: ownTeam.id,
        headcount: 8,
      }).expect(201)
    ).body;
    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'NCA');
    const hidden = (
      await deploy(
        await createOperation(stranger, { startsAt: '2028-02-02T06:00:00Z', endsAt: '2028-02-02T14:00:00Z' }),
        { teamId: ownTeam.id, headcount: 9 },
        stranger,
      ).expect(201)
    ).body;
    await t
      .http()
      .post(`/operations/${hidden.id}/deployments/${deploymentOf(hidden, ownTeam).id}/confirm`)
      .set(owner.auth)
      .send({ version: deploymentOf(hidden, ownTeam).version })
      .expect(200);

    const asOwner = await t.http().patch(`/teams/${ownTeam.id}`).set(owner.auth).send({ capacity: 6 }).expect(422);
    expect(asOwner.body).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      details: {
        capacity: 6,
        deployments: [
          { operation: seen.reference, headcount: 8 },
          { operation: hidden.reference, headcount: 9 },
        ],
        hiddenDeployments: 0,
      },
    });
    const asAdmin = await t.http().patch(`/teams/${ownTeam.id}`).set(admin.auth).send({ capacity: 6 }).expect(422);
    expect(asAdmin.body).toMatchObject({ code: 'CAPACITY_EXCEEDED', details: { deployments: [], hiddenDeployments: 2 } });
    expect(asAdmin.body.message).not.toContain(seen.reference);
    await t.http().patch(`/teams/${ownTeam.id}`).set(owner.auth).send({ capacity: 9 }).expect(200);
    const team = (await t.http().get(`/teams?agencyId=${owner.agency.id}`).set(owner.auth).expect(200)).body.find(
      (row: { id: string }) => row.id === ownTeam.id,
    );
    expect(team.capacity).toBe(9);
  });
});
