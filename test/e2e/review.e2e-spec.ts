import { ukDateTime } from '../../src/common/uk-time';
import { createUser, login, operationBody, signedIn } from '../factories';
import { Auth, Plan, Scenario } from '../factories/scenario';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('review: readiness, lifecycle, four eyes, deconfliction and the briefing', () => {
  const { t, s } = useApp();

  const HOUR = 3600_000;
  const post = (who: Auth, path: string, body: Record<string, unknown>) => s.post(who, path, body);
  const outcomes = {
    arrests: 3,
    potentialVictimsSafeguarded: 7,
    nrmReferrals: 5,
    premisesVisited: 2,
    notes: 'All workers taken to the reception centre',
  };

  /** The team the scenario confirmed on a ready plan. */
  const teamOf = (plan: Plan) => (plan.deployments as { team: { id: string; name: string } }[])[0].team;

  /** The checks failing: those that block, and (separately) the warnings of what an operational order should still pin down. */
  const checks = async (who: Auth, id: string) => {
    const response = await s.get(who, `/operations/${id}/readiness`).expect(200);
    const failing = response.body.checks.filter((c: { ok: boolean }) => !c.ok) as { id: string; blocking: boolean }[];
    return {
      ready: response.body.ready,
      failing: failing.filter((c) => c.blocking).map((c) => c.id),
      warnings: failing.filter((c) => !c.blocking).map((c) => c.id),
    };
  };
  /** The order's warnings a plan has before its timings, risks, communications and NRM arrangements are written and its teams allocated to its premises. */
  const ORDER_WARNINGS = [
    'risk-assessment',
    'entry-and-strike',
    'timings',
    'teams-at-premises',
    'communications',
    'first-responders',
    'interpreters',
    'medical-cover',
    'reception-hours',
  ];

  /** A random postcode shared by the plans of one deconfliction test only. */
  const sharedPostcode = () =>
    `B${Math.floor(Math.random() * 90) + 10} ${Math.floor(Math.random() * 9)}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(Math.random() * 20)]}Y`;

  it('reports each readiness check failing, then passing as the plan fills in', async () => {
    const owner = await s.owner();
    let plan: Plan = (
      await post(
        owner.auth,
        '/operations',
        operationBody({ locations: [], safeguarding: { expectedPotentialVictims: 3, languages: ['Polish'] } }),
      ).expect(201)
    ).body;
    const fresh = await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200);
    expect(fresh.body).toMatchObject({ ready: false, stage: 'submit' });
    for (const check of fresh.body.checks)
      expect(check).toEqual({
        id: expect.any(String),
        ok: expect.any(Boolean),
        applies: expect.any(Boolean),
        blocking: expect.any(Boolean),
        message: expect.any(String),
      });
    expect(await checks(owner.auth, plan.id)).toEqual({
      ready: false,
      failing: ['lead-agency', 'locations', 'confirmed-deployment', 'cps-engaged', 'evidence-requirements', 'safeguarding'],
      warnings: [
        'risk-assessment',
        'timings',
        'communications',
        'first-responders',
        'interpreters',
        'medical-cover',
        'reception-hours',
        'interpreting',
      ],
    });
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: plan.version,
          locations: [{ label: 'Farm', address: 'Long Lane', postcode: 'PE12 6AB' }],
          safeguarding: { receptionCentre: 'Spalding hub' },
        })
        .expect(200)
    ).body;
    expect((await checks(owner.auth, plan.id)).failing).not.toContain('locations');
    const ready = await s.plan(owner, { stage: 'ready' });
    expect(await checks(owner.auth, ready.id)).toEqual({ ready: true, failing: [], warnings: ORDER_WARNINGS });
  });

  it('re-checks the lead against the policy on every call', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'ready', body: { scope: 'LOCAL' } });
    expect((await checks(owner.auth, plan.id)).ready).toBe(true);
    // The plan may change under the lead without a PATCH check (here: directly, as an admin's policy change would).
    await t.dataSource.query(`UPDATE operations SET scope = 'INTERNATIONAL' WHERE id = $1`, [plan.id]);
    const after = await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200);
    const lead = after.body.checks.find((c: { id: string }) => c.id === 'lead-agency');
    expect(lead).toMatchObject({
      ok: false,
      blocking: true,
      message: 'An international day of action can be led only by the National Crime Agency: choose another lead agency',
    });
  });

  it('refuses to submit a plan that is not ready, listing the failing checks', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner);
    const refused = await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(422);
    expect(refused.body.code).toBe('NOT_READY');
    expect(refused.body.details.checks.map((c: { id: string }) => c.id)).toEqual([
      'lead-agency',
      'confirmed-deployment',
      'cps-engaged',
      'evidence-requirements',
      'safeguarding',
    ]);
    expect(refused.body.message).toContain('Choose a lead agency');
  });

  it('takes a plan from creation to COMPLETED through the API alone, and frees its teams', async () => {
    const owner = await s.owner();
    let plan = await s.plan(owner, {
      stage: 'ready',
      body: { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 12 * HOUR).toISOString() },
    });
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('SUBMITTED');
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'Sneaky edit' }).expect(409);
    plan = (
      await post(owner.manager, `/operations/${plan.id}/review`, {
        decision: 'APPROVE',
        comment: 'Proportionate; go.',
        version: plan.version,
      }).expect(200)
    ).body;
    expect(plan).toMatchObject({ status: 'APPROVED', approval: { by: { id: owner.managerUser.id } } });
    plan = (await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('ACTIVE');
    await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    plan = (await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200)).body;
    expect(plan).toMatchObject({ status: 'COMPLETED', outcomes });
    expect((plan.deployments as { status: string }[]).every((d) => d.status === 'RELEASED')).toBe(true);

    const history = await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions.slice(-4)).toEqual(['operation.submit', 'operation.approved', 'operation.start', 'operation.complete']);
    expect(history.body.find((e: { action: string }) => e.action === 'operation.approved').after).toMatchObject({
      comment: 'Proportionate; go.',
    });

    const overlapping = (await post(owner.auth, '/operations', operationBody({ startsAt: plan.startsAt, endsAt: plan.endsAt })).expect(201))
      .body;
    await post(owner.auth, `/operations/${overlapping.id}/deployments`, { teamId: teamOf(plan).id, headcount: 1, version: 1 }).expect(201);
  });

  it('refuses every transition the state does not allow with 409 INVALID_TRANSITION', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner);
    const version = plan.version;
    for (const action of ['withdraw', 'start']) {
      const refused = await post(owner.auth, `/operations/${plan.id}/${action}`, { version }).expect(409);
      expect(refused.body.code).toBe('INVALID_TRANSITION');
    }
    await post(owner.auth, `/operations/${plan.id}/complete`, {
      version,
      outcomes: { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 0 },
    }).expect(409);
    await t.http().put(`/operations/${plan.id}/lead-agency`).set(owner.auth).send({ agencyId: owner.agency.id, version }).expect(200);
    await post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: version + 1 }).expect(409);
    const cancelled = (
      await post(owner.auth, `/operations/${plan.id}/cancel`, { version: version + 1, reason: 'Intelligence went stale' }).expect(200)
    ).body;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Intelligence went stale' });
    for (const action of ['submit', 'withdraw', 'start'])
      await post(owner.auth, `/operations/${plan.id}/${action}`, { version: cancelled.version }).expect(409);
    await post(owner.auth, `/operations/${plan.id}/cancel`, { version: cancelled.version, reason: 'again' }).expect(409);
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: cancelled.version, name: 'x' }).expect(409);
  });

  it('cannot cancel an ACTIVE operation, saying to stand it down instead, and cancelling releases teams, saying why', async () => {
    const owner = await s.owner();
    const approved = await s.plan(owner, { stage: 'approved' });
    const cancelled = (
      await post(owner.auth, `/operations/${approved.id}/cancel`, { version: approved.version, reason: 'Called off' }).expect(200)
    ).body;
    expect(cancelled.deployments).toEqual([
      expect.objectContaining({ status: 'RELEASED', releaseReason: 'the operation was cancelled', team: teamOf(approved) }),
    ]);

    const active = await s.plan(owner, { stage: 'active' });
    expect(active.actions).toMatchObject({ cancel: false, standDown: true });
    const refused = await post(owner.auth, `/operations/${active.id}/cancel`, { version: active.version, reason: 'Too late' }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `${active.reference} is under way: it can no longer be cancelled; stand it down instead`,
    });
  });

  it('lets the owner withdraw a submission, and a manager send it back for changes', async () => {
    const owner = await s.owner();
    let plan = await s.plan(owner, { stage: 'submitted' });
    plan = (await post(owner.auth, `/operations/${plan.id}/withdraw`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('DRAFT');
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const noComment = await post(owner.manager, `/operations/${plan.id}/review`, {
      decision: 'REQUEST_CHANGES',
      version: plan.version,
    }).expect(400);
    expect(noComment.body.details.fields).toEqual([{ field: 'comment', problems: ['Enter a comment saying what to change'] }]);
    plan = (
      await post(owner.manager, `/operations/${plan.id}/review`, {
        decision: 'REQUEST_CHANGES',
        comment: 'Add a dog handler to the risk',
        version: plan.version,
      }).expect(200)
    ).body;
    expect(plan).toMatchObject({ status: 'CHANGES_REQUESTED', approval: null });
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, briefing: { risk: 'Dogs: handler attached' } })
        .expect(200)
    ).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    expect(plan.status).toBe('SUBMITTED');
  });

  it('enforces four eyes: no self-approval, lead-agency managers only, against the version read', async () => {
    const owner = await s.owner();
    const both = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const bothAuth = { Authorization: `Bearer ${await login(t.http, both)}` };
    let plan = await s.plan({ ...owner, auth: bothAuth, user: { ...owner.user, id: both.id } }, { stage: 'ready' });
    plan = (await post(bothAuth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const self = await post(bothAuth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    expect(self.body).toMatchObject({ code: 'SELF_APPROVAL', message: expect.stringContaining('Four eyes') });

    const otherPolice = await signedIn(t.dataSource, t.http, ['MANAGER'], 'POLICE');
    await post(otherPolice.auth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(404);
    await post(owner.auth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    const stale = await post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version - 1 }).expect(
      409,
    );
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    await post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(200);
    const around = t.dataSource.query(`UPDATE operations SET approved_by = created_by WHERE id = $1`, [plan.id]);
    await expect(around).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23514', constraint: 'ck_operations_four_eyes' }),
    });
  });

  it('refuses the manager who last changed the plan', async () => {
    const owner = await s.owner();
    const editor = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const editorAuth = { Authorization: `Bearer ${await login(t.http, editor)}` };
    let plan = await s.plan(owner, { stage: 'ready' });
    plan = (await s.patch(editorAuth, `/operations/${plan.id}`, { version: plan.version, name: 'Edited by the manager' }).expect(200)).body;
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const refused = await post(editorAuth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    expect(refused.body.code).toBe('SELF_APPROVAL');
  });

  it('refuses a manager who changed the content, even when a partner answered or someone else edited after them', async () => {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const writer = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const writerAuth = { Authorization: `Bearer ${await login(t.http, writer)}` };
    let plan = await s.plan(owner, { stage: 'ready' });
    plan = (await s.patch(writerAuth, `/operations/${plan.id}`, { version: plan.version, briefing: { risk: 'Dogs on site' } }).expect(200))
      .body;
    plan = (await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'Edited after the writer' }).expect(200))
      .body;
    plan = (
      await post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: partner.team.id, headcount: 1, version: plan.version }).expect(
        201,
      )
    ).body;
    const request = (plan.deployments as { id: string; version: number; team: { id: string } }[]).find(
      (d) => d.team.id === partner.team.id,
    )!;
    await post(partner.auth, `/operations/${plan.id}/deployments/${request.id}/confirm`, { version: request.version }).expect(200);
    plan = (await post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;

    const refused = await post(writerAuth, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(403);
    expect(refused.body).toMatchObject({
      code: 'SELF_APPROVAL',
      message: `Four eyes: you changed ${plan.reference} since it was last approved, so another manager must review it`,
    });
    const tasks = (await s.get(writerAuth, '/tasks').expect(200)).body;
    // Not a plan for them to review: listed as needing another manager.
    expect(
      tasks.filter((task: { operation: { id: string } }) => task.operation.id === plan.id).map((task: { kind: string }) => task.kind),
    ).toEqual(['NEEDS_ANOTHER_MANAGER']);
    // Approval needs the partner's sign-off of its part first.
    plan = await s.signOffs(plan);
    await post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', version: plan.version }).expect(200);
  });

  it('returns an approved plan to DRAFT when its window changes, recording the withdrawn approval', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'approved' });
    const later = (iso: unknown) => new Date(Date.parse(String(iso)) + HOUR).toISOString();
    const moved = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, startsAt: later(plan.startsAt), endsAt: later(plan.endsAt) })
        .expect(200)
    ).body;
    expect(moved).toMatchObject({ status: 'DRAFT', approval: null });
    const history = await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions.slice(-2)).toEqual(['operation.approval-withdrawn', 'operation.updated']);
  });

  it('deconflicts across agencies, blind to contents, blocking until acknowledged, and each owner sees the other’s note', async () => {
    const a = await s.owner();
    const b = await s.owner();
    const postcode = sharedPostcode();
    const window = { startsAt: '2028-05-01T05:00:00Z', endsAt: '2028-05-01T15:00:00Z' };
    const location = (label: string) => [{ label, address: 'Somewhere', postcode }];
    const planA = await s.plan(a, { stage: 'ready', body: { ...window, name: 'Secret name A', locations: location('A site') } });
    const planB: Plan = (
      await post(
        b.auth,
        '/operations',
        operationBody({
          name: 'Secret name B',
          startsAt: '2028-05-01T10:00:00Z',
          endsAt: '2028-05-01T20:00:00Z',
          locations: location('B site'),
        }),
      ).expect(201)
    ).body;
    await post(
      b.auth,
      '/operations',
      operationBody({ startsAt: '2028-05-02T10:00:00Z', endsAt: '2028-05-02T20:00:00Z', locations: location('Next day') }),
    ).expect(201);

    const hits = await s.get(a.auth, `/operations/${planA.id}/conflicts`).expect(200);
    expect(hits.body).toEqual([
      {
        hitId: expect.any(String),
        kinds: ['PLACE'],
        matched: ['a place in the same window'],
        reference: planB.reference,
        leadAgency: null,
        contact: { name: b.user.name, email: b.user.email },
        raisedAt: expect.any(String),
        stands: true,
        sharedPostcodes: [postcode],
        overlap: { from: '2028-05-01', to: '2028-05-01' },
        acknowledgement: null,
        theirAcknowledgement: null,
      },
    ]);
    const hitOnA = hits.body[0].hitId;
    expect(JSON.stringify(hits.body)).not.toContain('Secret name B');
    expect(JSON.stringify(hits.body)).not.toContain(planB.id);
    await s.get(a.auth, `/operations/${planB.id}`).expect(404);
    const theirSide = await s.get(b.auth, `/operations/${planB.id}/conflicts`).expect(200);
    expect(theirSide.body.map((hit: { reference: string }) => hit.reference)).toEqual([planA.reference]);
    expect(theirSide.body[0].leadAgency).toEqual({ code: a.agency.code, name: a.agency.name });

    expect((await checks(a.auth, planA.id)).failing).toEqual(['deconfliction']);
    await post(a.auth, `/operations/${planA.id}/submit`, { version: planA.version }).expect(422);
    await post(b.auth, `/operations/${planA.id}/conflicts/${hitOnA}/acknowledge`, { note: 'x', version: planA.version }).expect(404);
    const noNote = await post(a.auth, `/operations/${planA.id}/conflicts/${hitOnA}/acknowledge`, { version: planA.version }).expect(400);
    expect(noNote.body.details.fields).toEqual([{ field: 'note', problems: ['Enter a note saying how the clash is resolved'] }]);
    const acknowledged = await post(a.auth, `/operations/${planA.id}/conflicts/${hitOnA}/acknowledge`, {
      note: 'Agreed timings with B',
      version: planA.version,
    }).expect(200);
    expect(acknowledged.body[0].acknowledgement).toMatchObject({ note: 'Agreed timings with B', by: { id: a.user.id } });
    expect((await checks(a.auth, planA.id)).ready).toBe(true);

    const seenByB = await s.get(b.auth, `/operations/${planB.id}/conflicts`).expect(200);
    expect(seenByB.body[0]).toMatchObject({
      acknowledgement: null,
      theirAcknowledgement: {
        note: 'Agreed timings with B',
        by: { name: a.user.name, email: a.user.email, agency: a.agency.code },
        at: expect.any(String),
      },
    });
    await post(b.auth, `/operations/${planB.id}/conflicts/${seenByB.body[0].hitId}/acknowledge`, {
      note: 'Our entry is two hours later',
      version: planB.version,
    }).expect(200);
    const seenByA = await s.get(a.auth, `/operations/${planA.id}/conflicts`).expect(200);
    expect(seenByA.body[0].theirAcknowledgement).toMatchObject({ note: 'Our entry is two hours later', by: { agency: b.agency.code } });

    const planC: Plan = (await post(b.auth, '/operations', operationBody({ ...window, locations: location('C site') })).expect(201)).body;
    expect((await checks(a.auth, planA.id)).failing).toEqual(['deconfliction']);
    const withC = await s.get(a.auth, `/operations/${planA.id}/conflicts`).expect(200);
    expect(withC.body.map((hit: { reference: string }) => hit.reference).sort()).toEqual([planB.reference, planC.reference].sort());
    const bothSides = await s.get(b.auth, `/operations/${planC.id}/conflicts`).expect(200);
    expect(bothSides.body.map((hit: { reference: string }) => hit.reference)).toContain(planA.reference);
    const stranger = (await post(b.auth, '/operations', operationBody()).expect(201)).body;
    await post(a.auth, `/operations/${planA.id}/conflicts/${stranger.id}/acknowledge`, {
      note: 'not a hit',
      version: planA.version + 1,
    }).expect(404);
    // One hit, both sides under its id: on another plan of A's it is not found.
    expect(seenByB.body[0].hitId).toBe(hitOnA);
    const elsewhere: Plan = (await post(a.auth, '/operations', operationBody()).expect(201)).body;
    await post(a.auth, `/operations/${elsewhere.id}/conflicts/${hitOnA}/acknowledge`, {
      note: 'not this plan’s hit',
      version: elsewhere.version,
    }).expect(404);
  });

  it('renders the briefing pack with every IIMARCH heading and the plan’s details, as Markdown or HTML', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, {
      stage: 'ready',
      body: {
        briefing: {
          information: 'Forced labour at <Farm> & packhouse',
          intent: 'Safeguard',
          method: 'Dawn entry',
          administration: 'Muster 04:00',
          risk: 'Dogs',
          communications: 'Airwave TG 3',
          humanitarian: 'Interpreters',
        },
      },
    });
    const markdown = await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    for (const heading of [
      '## Information',
      '## Intent',
      '## Method',
      '## Administration',
      '## Risk assessment',
      '## Communications',
      '## Humanitarian issues',
    ]) {
      expect(markdown.text).toContain(heading);
    }
    const postcode = (plan.locations as { postcode: string }[])[0].postcode;
    for (const detail of [
      plan.reference,
      'Draft',
      owner.agency.code,
      teamOf(plan).name,
      'Entry and safeguarding',
      'Sparkhill reception centre',
      'Victim accounts',
      'Victim account',
      'Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
      'Dawn entry',
      postcode,
    ]) {
      expect(markdown.text).toContain(detail);
    }
    // Codes are written as the words people read, and times in UK time with GMT or BST named.
    expect(markdown.text).not.toMatch(/VICTIM_ACCOUNT|MSA_S\d|\bDRAFT\b|UTC/);
    expect(markdown.text).toMatch(/- \*\*Window:\*\* \w{3}, \d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST) to /);
    expect(markdown.text).not.toContain('## Outcomes');
    const html = await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('<h2>Risk assessment</h2>');
    expect(html.text).toContain('Forced labour at &lt;Farm&gt; &amp; packhouse');
    expect(html.text).toContain('@media print');
    const stranger = await signedIn(t.dataSource, t.http);
    await s.get(stranger.auth, `/operations/${plan.id}/briefing`).expect(404);
  });

  describe('go/no-go', () => {
    it('starts an approved plan only from 24 hours before its window opens, saying when it can', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'approved' });
      const early = await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(422);
      expect(early.body).toMatchObject({ code: 'NOT_READY', details: { checks: [{ id: 'start-window', ok: false, blocking: true }] } });
      const opensAt = ukDateTime(new Date(Date.parse(plan.startsAt) - 24 * HOUR));
      expect(early.body.message).toContain(`The plan can be started from ${opensAt}`);

      await s.windowOpensAt(plan, new Date(Date.now() + 23 * HOUR));
      const started = await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200);
      expect(started.body.status).toBe('ACTIVE');
    });

    it('refuses to start while a deconfliction hit that appeared after approval is unacknowledged, and tells the owner', async () => {
      const owner = await s.owner();
      const other = await s.owner();
      const postcode = sharedPostcode();
      const plan = await s.plan(owner, {
        stage: 'approved',
        body: {
          locations: [{ label: 'Yard', address: '1 Mill Lane', postcode }],
          startsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 10 * HOUR).toISOString(),
        },
      });
      const before = (await s.get(owner.auth, '/tasks').expect(200)).body;
      expect(before.filter((task: { kind: string }) => task.kind === 'ACKNOWLEDGE_HIT')).toEqual([]);

      const clash: Plan = (
        await post(
          other.auth,
          '/operations',
          operationBody({
            startsAt: plan.startsAt,
            endsAt: plan.endsAt,
            locations: [{ label: 'Same yard', address: '1 Mill Lane', postcode }],
          }),
        ).expect(201)
      ).body;
      const tasks = (await s.get(owner.auth, '/tasks').expect(200)).body;
      expect(tasks).toContainEqual({
        kind: 'ACKNOWLEDGE_HIT',
        operation: expect.objectContaining({ id: plan.id, reference: plan.reference, status: 'APPROVED' }),
        summary: `Deconfliction hit with ${clash.reference}: call its contact, then acknowledge it with a note`,
        urgent: true,
        startsInHours: 1,
        hitId: expect.any(String),
      });
      const refused = await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(422);
      expect(refused.body.code).toBe('NOT_READY');
      expect(refused.body.details.checks.map((c: { id: string }) => c.id)).toEqual(['deconfliction']);
      expect(refused.body.message).toContain(clash.reference);

      const hit = tasks.find((task: { kind: string }) => task.kind === 'ACKNOWLEDGE_HIT');
      const acknowledged = await post(owner.auth, `/operations/${plan.id}/conflicts/${hit.hitId}/acknowledge`, {
        note: 'Their visit is a licensing check; we go first',
        version: plan.version,
      }).expect(200);
      expect(acknowledged.body).toHaveLength(1);
      const current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      expect(current.status).toBe('APPROVED');
      expect(
        (await s.get(owner.auth, '/tasks').expect(200)).body.filter((task: { kind: string }) => task.kind === 'ACKNOWLEDGE_HIT'),
      ).toEqual([]);
      await post(owner.auth, `/operations/${plan.id}/start`, { version: current.version }).expect(200);
    });

    it('shows the go/no-go checks as the readiness of an approved plan, and tasks the owner to start it, then, once it is under way, to complete it', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, {
        stage: 'approved',
        body: { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 10 * HOUR).toISOString() },
      });
      const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
      expect(readiness.checks.map((check: { id: string }) => check.id)).toContain('start-window');
      expect(readiness.checks.map((check: { id: string }) => check.id)).not.toContain('window-in-future');
      expect(readiness.ready).toBe(true);
      const kinds = async () =>
        (await s.get(owner.auth, '/tasks').expect(200)).body
          .filter((task: { kind: string; operation: { id: string } }) => task.operation.id === plan.id && task.kind.endsWith('_PLAN'))
          .map((task: { kind: string }) => task.kind);
      expect(await kinds()).toEqual(['START_PLAN']);
      await post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200);
      expect(await kinds()).toEqual(['COMPLETE_PLAN']);
    });

    it('opens the start window as far ahead as START_WINDOW_HOURS says', async () => {
      const early = await startTestApp({ START_WINDOW_HOURS: '48' });
      try {
        const local = new Scenario(early);
        const owner = await local.owner();
        const plan = await local.plan(owner, {
          stage: 'approved',
          body: { startsAt: new Date(Date.now() + 30 * HOUR).toISOString(), endsAt: new Date(Date.now() + 40 * HOUR).toISOString() },
        });
        await early.http().post(`/operations/${plan.id}/start`).set(owner.auth).send({ version: plan.version }).expect(200);
      } finally {
        await early.close();
      }
    });

    it('keeps a day of action stood down in deconfliction: it was on the ground in its window, so a plan at its place and time is told', async () => {
      const owner = await s.owner();
      const other = await s.owner();
      const postcode = sharedPostcode();
      const plan = await s.plan(owner, { stage: 'active', body: { locations: [{ label: 'Yard', address: '5 Mill Lane', postcode }] } });
      await post(owner.auth, `/operations/${plan.id}/stand-down`, {
        version: plan.version,
        reason: 'The subjects had gone when we arrived',
      }).expect(200);
      const later: Plan = (
        await post(
          other.auth,
          '/operations',
          operationBody({ startsAt: plan.startsAt, endsAt: plan.endsAt, locations: [{ label: 'Yard', address: '5 Mill Lane', postcode }] }),
        ).expect(201)
      ).body;
      expect((await s.get(other.auth, `/operations/${later.id}/conflicts`).expect(200)).body).toEqual([
        expect.objectContaining({ kinds: ['PLACE'], reference: plan.reference, stands: true, sharedPostcodes: [postcode] }),
      ]);
      expect((await checks(other.auth, later.id)).failing).toContain('deconfliction');
    });

    it('lets the owner acknowledge a hit on an active plan', async () => {
      const owner = await s.owner();
      const other = await s.owner();
      const postcode = sharedPostcode();
      const plan = await s.plan(owner, { stage: 'active', body: { locations: [{ label: 'Yard', address: '3 Mill Lane', postcode }] } });
      await post(
        other.auth,
        '/operations',
        operationBody({ startsAt: plan.startsAt, endsAt: plan.endsAt, locations: [{ label: 'Yard', address: '3 Mill Lane', postcode }] }),
      ).expect(201);
      const [hit] = (await s.get(owner.auth, `/operations/${plan.id}/conflicts`).expect(200)).body;
      const acknowledged = await post(owner.auth, `/operations/${plan.id}/conflicts/${hit.hitId}/acknowledge`, {
        note: 'Both teams briefed',
        version: plan.version,
      }).expect(200);
      expect(acknowledged.body[0].acknowledgement).toMatchObject({ note: 'Both teams briefed' });
      expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.status).toBe('ACTIVE');
    });

    it('tells a client asking for the readiness of a day under way, or of one that has ended, that there is no next step, rather than judging a submission', async () => {
      const owner = await s.owner();
      const approved = await s.plan(owner, {
        stage: 'approved',
        body: { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 10 * HOUR).toISOString() },
      });
      expect((await s.get(owner.auth, `/operations/${approved.id}/readiness`).expect(200)).body).toMatchObject({
        ready: true,
        stage: 'start',
      });
      const submitted = await s.plan(owner, { stage: 'submitted' });
      expect((await s.get(owner.auth, `/operations/${submitted.id}/readiness`).expect(200)).body.stage).toBe('approve');

      let plan: Plan = (await post(owner.auth, `/operations/${approved.id}/start`, { version: approved.version }).expect(200)).body;
      // Its window has opened: a submission's checks would fail it for a window in the past.
      await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
      expect((await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body).toEqual({
        ready: false,
        stage: null,
        checks: [
          {
            id: 'under-way',
            ok: false,
            applies: true,
            blocking: true,
            message: `The day of action is under way: ${plan.reference} was started after its go/no-go checks; what is left is to complete it with its outcomes, or stand it down`,
          },
        ],
      });
      plan = (await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200)).body;
      expect((await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body).toEqual({
        ready: false,
        stage: null,
        checks: [
          {
            id: 'ended',
            ok: false,
            applies: true,
            blocking: true,
            message: `${plan.reference} has been completed: there is no next step to be ready for`,
          },
        ],
      });
    });

    it('completes only after the window has opened', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'active' });
      const early = await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(409);
      expect(early.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: `${plan.reference} starts ${ukDateTime(plan.startsAt)}; it can be completed only after it has started`,
      });
      await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
      await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200);
    });
  });

  it('keeps the record of the day: who was deployed, where and on what, in the plan, its history and a briefing pack with the outcomes', async () => {
    const owner = await s.owner();
    let plan = await s.plan(owner, { stage: 'active' });
    const team = teamOf(plan);
    await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    plan = (await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200)).body;
    expect(plan.deployments).toEqual([
      expect.objectContaining({
        team,
        tasking: 'Entry and safeguarding',
        headcount: 2,
        status: 'RELEASED',
        respondedAt: expect.any(String),
        releasedAt: expect.any(String),
        releaseReason: 'the operation was completed',
      }),
    ]);
    const history = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({
      action: 'operation.complete',
      after: {
        status: 'COMPLETED',
        outcomes,
        releasedTeams: [
          { team: team.name, agency: owner.agency.code, status: 'CONFIRMED', headcount: 2, tasking: 'Entry and safeguarding' },
        ],
      },
    });

    const pack = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;
    expect(pack).toContain(`| ${team.name} | ${owner.agency.code} | 2 | Entry and safeguarding |`);
    expect(pack).toContain('Deployed; released when the operation was completed');
    expect(pack).toContain((plan.locations as { postcode: string }[])[0].postcode);
    expect(pack).toContain('## Outcomes');
    for (const line of [
      '- **Arrests:** 3',
      '- **Potential victims safeguarded:** 7',
      '- **NRM referrals:** 5',
      '- **Premises visited:** 2',
      '- **Notes:** All workers taken to the reception centre',
    ]) {
      expect(pack).toContain(line);
    }
  });

  describe('messages a person can act on', () => {
    it('refuses null for a field that cannot be empty, naming it, never with a database message', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner);
      for (const body of [
        { name: null },
        { safeguarding: { languages: null } },
        { safeguarding: { expectedPotentialVictims: null } },
        { briefing: { risk: null } },
      ]) {
        const refused = await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, ...body }).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
        expect(refused.body.message).not.toMatch(/database/i);
      }
      const cleared = await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, safeguarding: { receptionCentre: null } })
        .expect(200);
      expect(cleared.body.safeguarding.receptionCentre).toBeNull();
    });

    it('asks for a reason when cancelling without one, in one message', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner);
      for (const reason of [undefined, '', '   ']) {
        const refused = await post(owner.auth, `/operations/${plan.id}/cancel`, { version: plan.version, reason }).expect(400);
        expect(refused.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'reason', problems: ['Enter a reason for cancelling'] }] },
        });
      }
      const long = await post(owner.auth, `/operations/${plan.id}/cancel`, { version: plan.version, reason: 'x'.repeat(1001) }).expect(400);
      expect(long.body.details.fields).toEqual([{ field: 'reason', problems: ['The reason must be 1000 characters or fewer'] }]);
    });

    it('names the outcomes field when completing without it, and refuses outcomes that cannot be true', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'active' });
      await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
      const missing = await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version }).expect(400);
      expect(missing.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            {
              field: 'outcomes',
              problems: ['Enter the outcomes of the day: arrests, potential victims safeguarded, NRM referrals and premises visited'],
            },
          ],
        },
      });
      expect(missing.body.message).not.toMatch(/database|constraint/i);
      const impossible = await post(owner.auth, `/operations/${plan.id}/complete`, {
        version: plan.version,
        outcomes: { ...outcomes, nrmReferrals: 9 },
      }).expect(400);
      expect(impossible.body.details.fields).toEqual([
        {
          field: 'outcomes.nrmReferrals',
          problems: ['NRM referrals (9) cannot be more than the potential victims safeguarded (7); correct one of them'],
        },
      ]);
      const listed = await post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes: [outcomes] }).expect(400);
      expect(listed.body.details.fields[0]).toMatchObject({
        field: 'outcomes',
        problems: [expect.stringContaining('Enter the outcomes of the day')],
      });
      const negative = await post(owner.auth, `/operations/${plan.id}/complete`, {
        version: plan.version,
        outcomes: { ...outcomes, arrests: -1 },
      }).expect(400);
      expect(negative.body.details.fields).toEqual([
        { field: 'outcomes.arrests', problems: ['Enter the number of arrests, a whole number from 0 to 100000'] },
      ]);
      expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.status).toBe('ACTIVE');
    });
  });

  describe('deconfliction is not an oracle', () => {
    it('records each hit in both plans’ histories when raised, and keeps it, as it was raised and to acknowledge, after the places that raised it are gone', async () => {
      const a = await s.owner();
      const prober = await s.owner();
      const postcode = sharedPostcode();
      const window = { startsAt: '2028-06-01T05:00:00Z', endsAt: '2028-06-01T15:00:00Z' };
      const target: Plan = (
        await post(a.auth, '/operations', operationBody({ ...window, locations: [{ label: 'Farm', address: 'Lane', postcode }] })).expect(
          201,
        )
      ).body;
      let probe: Plan = (await post(prober.auth, '/operations', operationBody({ ...window, locations: [] })).expect(201)).body;
      probe = (
        await s
          .patch(prober.auth, `/operations/${probe.id}`, {
            version: probe.version,
            locations: [{ label: 'Guess', address: 'Somewhere', postcode }],
          })
          .expect(200)
      ).body;
      probe = (await s.patch(prober.auth, `/operations/${probe.id}`, { version: probe.version, locations: [] }).expect(200)).body;

      const targetHistory = (await s.get(a.auth, `/operations/${target.id}/history`).expect(200)).body;
      expect(targetHistory[targetHistory.length - 1]).toMatchObject({
        action: 'deconfliction.hit-raised',
        actor: { id: prober.user.id },
        actorAgency: { id: prober.agency.id },
        after: { other: probe.reference, kinds: ['PLACE'], sharedPostcodes: [postcode], overlap: { from: '2028-06-01', to: '2028-06-01' } },
      });
      const probeHistory = (await s.get(prober.auth, `/operations/${probe.id}/history`).expect(200)).body;
      expect(probeHistory.map((event: { action: string }) => event.action)).toContain('deconfliction.hit-raised');

      const seen = (await s.get(a.auth, `/operations/${target.id}/conflicts`).expect(200)).body;
      // What was shared when the hit was raised, not what the prober's plan holds now: the probe is on the record, and the owner calls them before going ahead.
      expect(seen).toEqual([
        expect.objectContaining({
          reference: probe.reference,
          stands: true,
          sharedPostcodes: [postcode],
          contact: { name: prober.user.name, email: prober.user.email },
        }),
      ]);
      expect((await checks(a.auth, target.id)).failing).toContain('deconfliction');
    });

    it('refuses a user’s changes of place and time once they have raised too many hits in the hour, whatever the change', async () => {
      const limited = await startTestApp({ DECONFLICTION_MAX_HITS_PER_HOUR: '2' });
      try {
        const victim = await signedIn(limited.dataSource, limited.http);
        const prober = await signedIn(limited.dataSource, limited.http);
        const window = { startsAt: '2028-07-01T05:00:00Z', endsAt: '2028-07-01T15:00:00Z' };
        const postcodes = [sharedPostcode(), sharedPostcode(), sharedPostcode()];
        for (const postcode of postcodes) {
          await limited
            .http()
            .post('/operations')
            .set(victim.auth)
            .send(operationBody({ ...window, locations: [{ label: 'Site', address: 'Road', postcode }] }))
            .expect(201);
        }
        let probe: Plan = (
          await limited
            .http()
            .post('/operations')
            .set(prober.auth)
            .send(operationBody({ ...window, locations: [] }))
            .expect(201)
        ).body;
        const place = (postcode: string) => [{ label: 'Guess', address: 'Somewhere', postcode }];
        probe = (
          await limited
            .http()
            .patch(`/operations/${probe.id}`)
            .set(prober.auth)
            .send({ version: probe.version, locations: place(postcodes[0]) })
            .expect(200)
        ).body;
        probe = (
          await limited
            .http()
            .patch(`/operations/${probe.id}`)
            .set(prober.auth)
            .send({ version: probe.version, locations: place(postcodes[1]) })
            .expect(200)
        ).body;
        for (const postcode of [postcodes[2], 'ZE3 9XX']) {
          const refused = await limited
            .http()
            .patch(`/operations/${probe.id}`)
            .set(prober.auth)
            .send({ version: probe.version, locations: place(postcode) })
            .expect(429);
          expect(refused.body).toMatchObject({
            code: 'RATE_LIMITED',
            message: expect.stringContaining('raised 2 deconfliction hits within the hour'),
          });
        }
        await limited
          .http()
          .post('/operations')
          .set(prober.auth)
          .send(operationBody({ ...window, locations: place(postcodes[2]) }))
          .expect(429);
        await limited
          .http()
          .patch(`/operations/${probe.id}`)
          .set(prober.auth)
          .send({ version: probe.version, name: 'Renaming is not a change of place' })
          .expect(200);
      } finally {
        await limited.close();
      }
    });

    it('refuses a single change, and parallel ones, that would raise more hits than the limit has left, saving none of them', async () => {
      const limited = await startTestApp({ DECONFLICTION_MAX_HITS_PER_HOUR: '2' });
      try {
        const victim = await signedIn(limited.dataSource, limited.http);
        const prober = await signedIn(limited.dataSource, limited.http);
        const window = { startsAt: '2028-08-01T05:00:00Z', endsAt: '2028-08-01T15:00:00Z' };
        const postcodes = [sharedPostcode(), sharedPostcode(), sharedPostcode()];
        for (const postcode of postcodes) {
          await limited
            .http()
            .post('/operations')
            .set(victim.auth)
            .send(operationBody({ ...window, locations: [{ label: 'Site', address: 'Road', postcode }] }))
            .expect(201);
        }
        const places = postcodes.map((postcode) => ({ label: 'Guess', address: 'Somewhere', postcode }));
        const probe: Plan = (
          await limited
            .http()
            .post('/operations')
            .set(prober.auth)
            .send(operationBody({ ...window, locations: [] }))
            .expect(201)
        ).body;
        const refused = await limited
          .http()
          .patch(`/operations/${probe.id}`)
          .set(prober.auth)
          .send({ version: probe.version, locations: places })
          .expect(429);
        expect(refused.body.code).toBe('RATE_LIMITED');
        const unchanged = (await limited.http().get(`/operations/${probe.id}`).set(prober.auth).expect(200)).body;
        expect(unchanged).toMatchObject({ version: probe.version, locations: [] });
        expect((await limited.http().get(`/operations/${probe.id}/conflicts`).set(prober.auth).expect(200)).body).toEqual([]);

        const probes: Plan[] = [];
        for (let i = 0; i < 3; i++)
          probes.push(
            (
              await limited
                .http()
                .post('/operations')
                .set(prober.auth)
                .send(operationBody({ ...window, locations: [] }))
                .expect(201)
            ).body,
          );
        const answers = await Promise.all(
          probes.map((plan, i) =>
            limited
              .http()
              .patch(`/operations/${plan.id}`)
              .set(prober.auth)
              .send({ version: plan.version, locations: [places[i]] }),
          ),
        );
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
      } finally {
        await limited.close();
      }
    });
  });
});
