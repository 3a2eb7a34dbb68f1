import { createUser, login, randomPostcode, signedIn } from '../factories';
import { Auth, Owner, Plan, Signed } from '../factories/scenario';
import { TeamRow } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

type SignOff = Plan['signOffs'][number];
type Deployment = Plan['deployments'][number];

describe('each partner’s sign-off of its part of the plan', () => {
  const { t, s } = useApp();

  const HOUR = 3600_000;

  /** A submitted plan of a new owner, with a new HMRC-kind partner's team confirmed on it, and a manager of that partner. */
  async function submittedWithPartner(): Promise<{
    owner: Owner;
    partner: Signed & { team: TeamRow };
    partnerManager: Auth;
    managerEmail: string;
    plan: Plan;
  }> {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    let plan = await s.plan(owner, { stage: 'ready' });
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: partner.team.id,
          headcount: 2,
          tasking: 'Payroll records',
          version: plan.version,
        })
        .expect(201)
    ).body;
    const request = plan.deployments.find((d: Deployment) => d.team.id === partner.team.id) as Deployment;
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${request.id}/confirm`, { version: request.version }).expect(200);
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    plan = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const manager = await createUser(t.dataSource, partner.agency, ['MANAGER']);
    return {
      owner,
      partner,
      partnerManager: { Authorization: `Bearer ${await login(t.http, manager)}` },
      managerEmail: manager.email,
      plan,
    };
  }

  const signOffOf = (plan: Plan, code: string) => plan.signOffs.find((signOff: SignOff) => signOff.agency.code === code) as SignOff;
  const partnerDeployment = (plan: Plan, teamId: string) => plan.deployments.find((d: Deployment) => d.team.id === teamId) as Deployment;
  const approve = (owner: Owner, plan: Plan) =>
    s.post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', comment: 'Go', version: plan.version });
  const signOff = (who: Auth, plan: Plan, body: Record<string, unknown> = {}) =>
    s.post(who, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: plan.version, ...body });
  const tasksOf = async (who: Auth, plan: Plan) =>
    ((await s.get(who, '/tasks').expect(200)).body as { kind: string; summary: string; operation: { id: string } }[]).filter(
      (task) => task.operation.id === plan.id,
    );
  const history = async (who: Auth, plan: Plan) =>
    (await s.get(who, `/operations/${plan.id}/history`).expect(200)).body as { action: string; before: unknown; after: unknown }[];

  it('refuses approval while a partner has not signed off, naming it; once it signs off (the version unchanged), approval goes through', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    expect(plan.signOffs).toEqual([{ agency: partner.agency, state: 'AWAITING', decision: null, by: null, at: null, reason: null }]);

    const refused = await approve(owner, plan).expect(422);
    expect(refused.body).toMatchObject({
      code: 'NOT_READY',
      message: expect.stringContaining(`Waiting for a manager of ${code} to sign off their part`),
    });
    expect(refused.body.details.checks.map((check: { id: string }) => check.id)).toEqual(['partner-sign-off']);
    const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
    expect(readiness.checks.find((check: { id: string }) => check.id === 'partner-sign-off')).toMatchObject({ ok: false, blocking: true });

    const [task] = await tasksOf(partnerManager, plan);
    expect(task).toMatchObject({
      kind: 'SIGN_OFF_PART',
      summary: expect.stringMatching(new RegExp(`^Sign off ${code}’s part of ${plan.reference}`)),
    });

    const signed = (await signOff(partnerManager, plan).expect(200)).body as Plan;
    expect(signed.version).toBe(plan.version);
    expect(signOffOf(signed, code)).toMatchObject({
      state: 'SIGNED_OFF',
      decision: 'SIGNED_OFF',
      by: { email: expect.any(String) },
      at: expect.any(String),
      reason: null,
    });
    expect(await tasksOf(partnerManager, plan)).toEqual([]);
    const events = await history(owner.auth, plan);
    expect(events.at(-1)).toMatchObject({
      action: 'operation.signed-off',
      before: { agency: code, signOff: 'AWAITING' },
      after: { agency: code, signOff: 'SIGNED_OFF' },
    });

    const approved = (await approve(owner, signed).expect(200)).body;
    expect(approved.status).toBe('APPROVED');
  });

  it('takes a decline with a reason back to changes requested, bumping the version, and refuses a decline without one', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    const bare = await s
      .post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', version: plan.version })
      .expect(400);
    expect(bare.body.details.fields).toEqual([
      { field: 'reason', problems: ['Enter a reason for declining: what must change in your agency’s part'] },
    ]);
    await s
      .post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: '   ', version: plan.version })
      .expect(400);
    const long = await s
      .post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: 'x'.repeat(1001), version: plan.version })
      .expect(400);
    expect(long.body.details.fields[0].problems).toEqual(['The reason must be 1000 characters or fewer']);
    const noted = await signOff(partnerManager, plan, { reason: 'Fine by us' }).expect(400);
    expect(noted.body.details.fields).toEqual([{ field: 'reason', problems: ['Give a reason only when declining'] }]);
    const odd = await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'MAYBE', version: plan.version }).expect(400);
    expect(odd.body.details.fields[0]).toMatchObject({ field: 'decision' });

    const reason = 'Our team cannot reach the RV point before 06:00';
    const declined = (
      await s
        .post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: `  ${reason} `, version: plan.version })
        .expect(200)
    ).body as Plan;
    expect(declined).toMatchObject({ status: 'CHANGES_REQUESTED', version: plan.version + 1 });
    expect(signOffOf(declined, code)).toMatchObject({ state: 'DECLINED', decision: 'DECLINED', reason });
    const ownersView = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body as Plan;
    expect(signOffOf(ownersView, code).reason).toBe(reason);
    expect((await history(owner.auth, plan)).at(-1)).toMatchObject({
      action: 'operation.sign-off-declined',
      before: { agency: code, signOff: 'AWAITING', status: 'SUBMITTED' },
      after: { agency: code, signOff: 'DECLINED', reason, status: 'CHANGES_REQUESTED' },
    });
    expect((await tasksOf(owner.auth, plan)).map((task) => task.kind)).toEqual(['MAKE_CHANGES']);
    // Nothing for the partner while the plan waits for its owner.
    expect(await tasksOf(partnerManager, plan)).toEqual([]);
  });

  it('keeps a decline standing over a resubmission that leaves the part as it was, and asks again once the part changes', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    let current = (
      await s
        .post(partnerManager, `/operations/${plan.id}/sign-off`, {
          decision: 'DECLINED',
          reason: 'Tasking is too broad',
          version: plan.version,
        })
        .expect(200)
    ).body as Plan;
    current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('DECLINED');
    expect((await approve(owner, current).expect(422)).body.code).toBe('NOT_READY');
    const [task] = await tasksOf(partnerManager, current);
    expect(task).toMatchObject({ kind: 'SIGN_OFF_PART', summary: expect.stringContaining('you declined it') });

    current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
    const deployment = partnerDeployment(current, partner.team.id);
    current = (
      await s
        .patch(owner.auth, `/operations/${plan.id}/deployments/${deployment.id}`, {
          version: current.version,
          tasking: 'Payroll records of the car wash only',
        })
        .expect(200)
    ).body;
    expect(signOffOf(current, code)).toMatchObject({ state: 'AWAITING', decision: 'DECLINED', reason: 'Tasking is too broad' });
  });

  it('withdraws a sign-off when the agency’s part changes (its tasking, the window), and not for a change outside it', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    let current = (await signOff(partnerManager, plan).expect(200)).body as Plan;
    current = (
      await s
        .post(owner.manager, `/operations/${plan.id}/review`, {
          decision: 'REQUEST_CHANGES',
          comment: 'Add the dog handler',
          version: current.version,
        })
        .expect(200)
    ).body;
    current = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: current.version, briefing: { risk: 'Dogs: a handler attached' } })
        .expect(200)
    ).body;
    const ownTeam = current.deployments.find((d: Deployment) => d.agency.id === owner.agency.id) as Deployment;
    current = (
      await s
        .patch(owner.auth, `/operations/${plan.id}/deployments/${ownTeam.id}`, { version: current.version, callSign: 'Tango 1' })
        .expect(200)
    ).body;
    expect(signOffOf(current, code).state).toBe('SIGNED_OFF');

    const theirs = partnerDeployment(current, partner.team.id);
    current = (
      await s
        .patch(owner.auth, `/operations/${plan.id}/deployments/${theirs.id}`, {
          version: current.version,
          tasking: 'Payroll and rota records',
        })
        .expect(200)
    ).body;
    expect(signOffOf(current, code)).toMatchObject({ state: 'WITHDRAWN', decision: 'SIGNED_OFF' });
    current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
    const refused = await approve(owner, current).expect(422);
    expect(refused.body.message).toContain(`Waiting for a manager of ${code} to sign off their part`);
    const [task] = await tasksOf(partnerManager, current);
    expect(task).toMatchObject({
      kind: 'SIGN_OFF_PART',
      summary: `${plan.reference}: ${partner.team.name}: tasking Payroll records → Payroll and rota records — check and sign off again`,
    });

    current = (await signOff(partnerManager, current).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('SIGNED_OFF');
    current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
    const later = (iso: string) => new Date(Date.parse(iso) + HOUR).toISOString();
    current = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: current.version,
          startsAt: later(current.startsAt),
          endsAt: later(current.endsAt),
        })
        .expect(200)
    ).body;
    // A moved window asks the partner to confirm its team again (R7); once it has, its earlier sign-off is of another window.
    expect(current.signOffs).toEqual([]);
    const asked = partnerDeployment(current, partner.team.id);
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('WITHDRAWN');
  });

  it('lets only a manager of a supporting agency with a confirmed team sign off, against the version read, while the plan is submitted', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const coordinator = await s
      .post(partner.auth, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: plan.version })
      .expect(403);
    expect(coordinator.body).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only a manager of ${partner.agency.code} signs off ${partner.agency.code}’s part of ${plan.reference}`,
    });
    const lead = await signOff(owner.manager, plan).expect(403);
    expect(lead.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('its managers review the plan') });
    const stranger = await signedIn(t.dataSource, t.http, ['MANAGER'], 'HMRC');
    await signOff(stranger.auth, plan).expect(404);

    // A partner whose team is only requested does not sign off (yet).
    let draft = await s.plan(owner, { stage: 'ready' });
    const requestedPartner = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
    draft = (
      await s
        .post(owner.auth, `/operations/${draft.id}/deployments`, { teamId: requestedPartner.team.id, headcount: 1, version: draft.version })
        .expect(201)
    ).body;
    const requestedManager = await s.managerOf(requestedPartner.agency);
    const notYet = await signOff(requestedManager, draft).expect(403);
    expect(notYet.body.message).toBe(
      `Only a manager of a supporting agency with a confirmed team on ${draft.reference} signs off that agency’s part`,
    );

    const stale = await signOff(partnerManager, plan, { version: plan.version - 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const withdrawn = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: plan.version }).expect(200)).body as Plan;
    const notSubmitted = await signOff(partnerManager, withdrawn).expect(409);
    expect(notSubmitted.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('only while the plan is submitted for review'),
    });
    expect(signOffOf(withdrawn, partner.agency.code).state).toBe('AWAITING');
  });

  it('takes two managers of one partner signing off at once: no error, one sign-off', async () => {
    const { partner, partnerManager, plan } = await submittedWithPartner();
    const second = await createUser(t.dataSource, partner.agency, ['MANAGER']);
    const secondAuth = { Authorization: `Bearer ${await login(t.http, second)}` };
    const answers = await Promise.all([signOff(partnerManager, plan), signOff(secondAuth, plan)]);
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      if (answer.status !== 200) expect(answer.body.message).toEqual(expect.any(String));
    }
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    const rows = await t.dataSource.query(`SELECT decision FROM partner_sign_offs WHERE operation_id = $1`, [plan.id]);
    expect(rows).toEqual([{ decision: 'SIGNED_OFF' }]);
    const events = (await history(partnerManager, plan)).filter((event) => event.action === 'operation.signed-off');
    expect(events).toHaveLength(answers.filter((answer) => answer.status === 200).length);
  });

  it('has the scenario’s approved plans signed off by each partner first', async () => {
    const owner = await s.owner();
    const partners = [await s.partner('HMRC', ['TAX_COMPLIANCE']), await s.partner('GLAA', ['LABOUR_INSPECTION'])];
    const approved = await s.plan(owner, { stage: 'approved', partners });
    expect(approved.status).toBe('APPROVED');
    expect(approved.signOffs.map((signOff: SignOff) => [signOff.agency.id, signOff.state]).sort()).toEqual(
      partners.map((p) => [p.agency.id, 'SIGNED_OFF']).sort(),
    );
  });

  describe('after a change withdraws their sign-off, partners are told exactly what changed in their part', () => {
    type Task = {
      kind: string;
      summary: string;
      changes?: string[];
      operation: { id: string; reference: string; status: string; version?: number };
    };
    const tasksAbout = async (who: Auth, plan: Plan): Promise<Task[]> =>
      ((await s.get(who, '/tasks').expect(200)).body as Task[]).filter((task) => task.operation.id === plan.id);
    // 14 January is in GMT, whichever year the tests run in.
    const day = (clock: string) => `${new Date().getUTCFullYear() + 1}-01-14T${clock}:00.000Z`;
    const STRIKE_MOVED = 'Glam Nails: strike time 06:00 → 06:30 GMT';
    /** Each plan's subject is born on another day, so that plans do not deconflict with each other on it. */
    let subjects = 0;
    const SECRETS = {
      information: 'Informant says the controller sleeps at the flat above',
      risk: 'Controller keeps a blade under the counter',
      subject: 'Adrian Vasquez-Moldovan',
    };

    /**
     * An approved plan of a new owner whose Glam Nails is struck at 06:00 GMT, with three partners signed off: HMRC; The
     * Salvation Army (victim support), granted the Places section; a local authority, which does not see the places.
     */
    async function approvedWithPartners() {
      const owner = await s.owner();
      const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      const victimSupport = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
      const council = await s.partner('LOCAL_AUTHORITY', ['LABOUR_INSPECTION']);
      const body = {
        startsAt: day('05:00'),
        endsAt: day('17:00'),
        locations: [{ label: 'Glam Nails', address: '101 High Street North', postcode: randomPostcode(), strikeAt: day('06:00') }],
      };
      let plan = await s.plan(owner, { stage: 'ready', body, partners: [hmrc, victimSupport, council] });
      plan = (
        await t
          .http()
          .put(`/operations/${plan.id}/sharing`)
          .set(owner.auth)
          .send({
            version: plan.version,
            agencyId: victimSupport.agency.id,
            sections: ['PLACES'],
            reason: 'Reception officers go to the premises',
          })
          .expect(200)
      ).body;
      plan = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
      plan = await s.signOffs(plan);
      plan = (
        await s
          .post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', comment: 'Go', version: plan.version })
          .expect(200)
      ).body;
      expect(plan.signOffs.map((signOff: SignOff) => signOff.state)).toEqual(['SIGNED_OFF', 'SIGNED_OFF', 'SIGNED_OFF']);
      const managers = {
        hmrc: await s.managerOf(hmrc.agency),
        victimSupport: await s.managerOf(victimSupport.agency),
        council: await s.managerOf(council.agency),
      };
      return { owner, hmrc, victimSupport, council, managers, plan };
    }

    /** The owner moves Glam Nails's strike time (`from` and `to` as clock times in GMT). */
    const moveStrike = async (owner: Owner, plan: Plan, to: string, extra: Record<string, unknown> = {}): Promise<Plan> => {
      const [place] = plan.locations ?? [];
      const locations = [{ label: place.label, address: place.address, postcode: place.postcode, strikeAt: day(to) }];
      return (await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, locations, ...extra }).expect(200)).body;
    };

    /**
     * The owner moves the strike time 06:00 → 06:30 and, in the same save, writes intelligence into the briefing and an
     * intelligence-derived risk; then adds a subject of interest and changes the victim-support team's tasking.
     */
    async function changedWithSecrets(owner: Owner, plan: Plan, victimSupportTeam: TeamRow): Promise<Plan> {
      const risk = {
        hazard: 'OTHER',
        hazardDetail: SECRETS.risk,
        likelihood: 3,
        impact: 3,
        controls: 'Entry team first',
        residual: 'LOW',
        owner: 'PS Jones',
        intelligenceDerived: true,
      };
      let current = await moveStrike(owner, plan, '06:30', { briefing: { information: SECRETS.information }, risks: [risk] });
      expect(current.status).toBe('DRAFT');
      const added = (
        await s
          .post(owner.auth, `/operations/${plan.id}/subjects`, {
            kind: 'PERSON',
            fullName: SECRETS.subject,
            dateOfBirth: `${1950 + subjects++}-02-03`,
            version: current.version,
          })
          .expect(201)
      ).body;
      const reception = current.deployments.find((d: Deployment) => d.team.id === victimSupportTeam.id) as Deployment;
      current = (
        await s
          .patch(owner.auth, `/operations/${plan.id}/deployments/${reception.id}`, {
            version: added.operationVersion,
            tasking: 'Reception at the community hall',
          })
          .expect(200)
      ).body;
      return current;
    }

    const expectNoSecret = (tasks: Task[]) => {
      const said = JSON.stringify(tasks);
      for (const secret of Object.values(SECRETS)) expect(said).not.toContain(secret);
      expect(said).not.toMatch(/subject|intelligence|informant/i);
    };

    it('gives each partner a task naming the change in its part, as far as it may see it, at once and again when the plan is submitted; each signs off from it in one step', async () => {
      const { owner, hmrc, victimSupport, managers, plan } = await approvedWithPartners();
      let current = await changedWithSecrets(owner, plan, victimSupport.team);

      // Told at once, while the plan is back in draft: what changed in their own part, and that signing off waits.
      const [hmrcTask] = await tasksAbout(managers.hmrc, plan);
      expect(hmrcTask).toMatchObject({
        kind: 'SIGN_OFF_PART',
        summary: `${plan.reference}: ${STRIKE_MOVED} — check it now: you sign off again once the plan is submitted for review`,
        changes: [STRIKE_MOVED],
        operation: { status: 'DRAFT', version: current.version },
      });
      const [victimSupportTask] = await tasksAbout(managers.victimSupport, plan);
      expect(victimSupportTask.changes).toEqual([
        STRIKE_MOVED,
        `${victimSupport.team.name}: tasking In support → Reception at the community hall`,
      ]);
      // The local authority does not see the places: told plainly that the change is not shared with it, never what it was.
      const [councilTask] = await tasksAbout(managers.council, plan);
      expect(councilTask).toMatchObject({
        changes: [],
        summary: `${plan.reference}: the plan changed since you signed off, in parts not shared with your agency — check it now: you sign off again once the plan is submitted for review`,
      });
      expect(JSON.stringify(councilTask)).not.toMatch(/Glam Nails|06:30/);
      // Another agency's team is not HMRC's part.
      expect(JSON.stringify(hmrcTask)).not.toContain('Reception at the community hall');
      for (const task of [hmrcTask, victimSupportTask, councilTask]) expectNoSecret([task]);

      current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
      const submitted = await tasksAbout(managers.hmrc, plan);
      expect(submitted).toEqual([
        expect.objectContaining({
          summary: `${plan.reference}: ${STRIKE_MOVED} — check and sign off again`,
          operation: expect.objectContaining({ status: 'SUBMITTED', version: current.version }),
        }),
      ]);
      const [sa] = await tasksAbout(managers.victimSupport, plan);
      expect(sa.summary).toBe(
        `${plan.reference}: ${STRIKE_MOVED}; ${victimSupport.team.name}: tasking In support → Reception at the community hall — check and sign off again`,
      );
      expectNoSecret([...submitted, sa, ...(await tasksAbout(managers.council, plan))]);

      // One step: the task's plan and version are all a sign-off needs.
      const [task] = submitted;
      const signed = (
        await s
          .post(managers.hmrc, `/operations/${task.operation.id}/sign-off`, { decision: 'SIGNED_OFF', version: task.operation.version })
          .expect(200)
      ).body as Plan;
      expect(signOffOf(signed, hmrc.agency.code).state).toBe('SIGNED_OFF');
      expect(await tasksAbout(managers.hmrc, plan)).toEqual([]);
      expect(await tasksAbout(managers.victimSupport, plan)).toHaveLength(1);
      // The coordinators of a partner do not sign off, so they have no such task.
      expect((await tasksAbout(hmrc.auth, plan)).map((each) => each.kind)).not.toContain('SIGN_OFF_PART');
    });

    it('refuses a sign-off against the version a task was read at once the plan changed again, and names every change, the first few in the summary', async () => {
      const { owner, hmrc, managers, plan } = await approvedWithPartners();
      let current = await moveStrike(owner, plan, '06:30');
      current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
      const [read] = await tasksAbout(managers.hmrc, plan);

      current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
      current = await moveStrike(owner, current, '06:45', {
        timings: { briefingAt: day('05:15'), briefingPlace: 'Forest Gate police station', debriefAt: day('15:00') },
      });
      current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;

      const stale = await s
        .post(managers.hmrc, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: read.operation.version })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(signOffOf((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body, hmrc.agency.code).state).toBe('WITHDRAWN');

      const [task] = await tasksAbout(managers.hmrc, plan);
      expect(task.changes).toEqual([
        STRIKE_MOVED,
        expect.stringMatching(/^Briefing time: none → \w+, 14 January \d{4} at 05:15 GMT$/),
        'Briefing place: none → Forest Gate police station',
        expect.stringMatching(/^Debrief time: none → \w+, 14 January \d{4} at 15:00 GMT$/),
        'Glam Nails: strike time 06:30 → 06:45 GMT',
      ]);
      expect(task.summary).toBe(
        `${plan.reference}: ${STRIKE_MOVED}; ${task.changes?.[1]}; Briefing place: none → Forest Gate police station; and 2 more changes — check and sign off again`,
      );
      expect(task.operation.version).toBe(current.version);
      await s
        .post(managers.hmrc, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: task.operation.version })
        .expect(200);
      expect(await tasksAbout(managers.hmrc, plan)).toEqual([]);
    });

    describe('in the browser, JavaScript off', () => {
      const { page, post } = browserOf(() => t.http);

      it('links the task to the sign-off page, which shows what changed and signs off again in one click, refusing a page drawn before a later change', async () => {
        const { owner, hmrc, victimSupport, council, plan } = await approvedWithPartners();
        let current = await changedWithSecrets(owner, plan, victimSupport.team);
        current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
        const manager = await createUser(t.dataSource, hmrc.agency, ['MANAGER']);
        const session = await webSignIn(t.http, manager.email);

        const tasks = (await page(session, '/')).text;
        expect(tasks).toContain(`href="/plans/${plan.reference}/sign-off"`);
        expect(tasks).toContain(`${plan.reference}: ${STRIKE_MOVED} — check and sign off again`);

        const path = `/plans/${plan.reference}/sign-off`;
        const html = (await page(session, path)).text;
        expect(html).toContain('What changed since you signed off');
        expect(html).toContain(`<li>${STRIKE_MOVED}</li>`);
        expect(html).toContain('Sign off our part again');
        for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);

        // Withdrawn, changed again and submitted again meanwhile: the page drawn before is refused, and shows the newer change.
        current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
        current = await moveStrike(owner, current, '06:45');
        await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200);
        const stale = await post(session, path, { ...drawnAt(html), decision: 'SIGNED_OFF' }).expect(400);
        expect(errorSummaryOf(stale.text)[0]).toMatch(/^Someone else changed this plan/);
        expect(stale.text).toContain('<li>Glam Nails: strike time 06:30 → 06:45 GMT</li>');
        expect(
          await t.dataSource.query(
            `SELECT decision FROM partner_sign_offs WHERE operation_id = $1 AND agency_id = $2 AND decided_by = $3`,
            [plan.id, hmrc.agency.id, manager.id],
          ),
        ).toEqual([]);

        const done = await post(session, path, { ...drawnAt(stale.text), decision: 'SIGNED_OFF' }).expect(303);
        expect(done.headers.location).toBe(`${path}?signed-off`);
        const after = (await page(session, done.headers.location)).text;
        expect(after).toContain('Your agency’s part is signed off');
        expect(after).not.toContain('What changed since you signed off');
        expect((await page(session, '/')).text).not.toContain(path);

        // The local authority is told plainly, and shown nothing of the places.
        const councilManager = await createUser(t.dataSource, council.agency, ['MANAGER']);
        const councils = (await page(await webSignIn(t.http, councilManager.email), path)).text;
        expect(councils).toContain('The plan changed in parts not shared with your agency');
        expect(councils).not.toMatch(/Glam Nails|06:30|06:45/);
      });

      it('declines from the same page, the reason box under “Decline instead”', async () => {
        const { owner, hmrc, plan } = await approvedWithPartners();
        const moved = await moveStrike(owner, plan, '06:30');
        await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: moved.version }).expect(200);
        const manager = await createUser(t.dataSource, hmrc.agency, ['MANAGER']);
        const session = await webSignIn(t.http, manager.email);
        const path = `/plans/${plan.reference}/sign-off`;
        const html = (await page(session, path)).text;
        const bare = await post(session, path, { ...drawnAt(html), decision: 'DECLINED', reason: '' }).expect(400);
        expect(errorSummaryOf(bare.text)).toEqual(['Enter a reason for declining: what must change in your agency’s part']);
        expect(bare.text).toMatch(/<details class="govuk-details" open>/);
        await post(session, path, { ...drawnAt(html), decision: 'DECLINED', reason: 'Our officers cannot be there by 06:30' }).expect(303);
        const declined = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body as Plan;
        expect(declined.status).toBe('CHANGES_REQUESTED');
        expect(signOffOf(declined, hmrc.agency.code)).toMatchObject({ state: 'DECLINED', reason: 'Our officers cannot be there by 06:30' });
      });
    });
  });

  describe('in the browser, JavaScript off', () => {
    const { page, post } = browserOf(() => t.http);

    it('shows the partner’s part and a form; a decline without a reason is refused in the error summary; signing off works and clears the task', async () => {
      const { owner, partner, managerEmail, plan } = await submittedWithPartner();
      const code = partner.agency.code;
      const session = await webSignIn(t.http, managerEmail);
      const tasks = (await page(session, '/')).text;
      expect(tasks).toContain(`href="/plans/${plan.reference}/sign-off"`);
      expect(tasks).toContain(`Sign off ${code}’s part of ${plan.reference}`);
      // The navigation counts it: the partner's manager has nothing else to do.
      expect(tasks).toContain('Your tasks (1)');

      const path = `/plans/${plan.reference}/sign-off`;
      let html = (await page(session, path)).text;
      expect(html).toContain('<h1 class="govuk-heading-l">Partner sign-off</h1>');
      expect(html).toContain('Awaiting sign-off');
      expect(html).toContain(`${partner.agency.name}’s part`);
      expect(html).toContain(partner.team.name);
      expect(html).toContain('Payroll records');
      expect(html).toContain('Sign off our part');
      expect(html).toContain('name="reason"');

      const bare = await post(session, path, { ...drawnAt(html), decision: 'DECLINED', reason: '' }).expect(400);
      expect(errorSummaryOf(bare.text)).toEqual(['Enter a reason for declining: what must change in your agency’s part']);
      expect(bare.text).toContain('href="#reason"');
      const none = await post(session, path, { ...drawnAt(html), reason: 'typed, then no choice' }).expect(400);
      expect(errorSummaryOf(none.text)).toEqual(['Select whether to sign off your agency’s part or decline it']);
      expect(none.text).toContain('typed, then no choice');

      // A reason typed and then "Sign off" chosen: the reason does not count.
      const done = await post(session, path, { ...drawnAt(html), decision: 'SIGNED_OFF', reason: 'never mind' }).expect(303);
      expect(done.headers.location).toBe(`${path}?signed-off`);
      html = (await page(session, done.headers.location)).text;
      expect(html).toContain('Your agency’s part is signed off');
      expect(html).toContain('Signed off');
      const stored = await t.dataSource.query(`SELECT decision, reason FROM partner_sign_offs WHERE operation_id = $1`, [plan.id]);
      expect(stored).toEqual([{ decision: 'SIGNED_OFF', reason: null }]);
      const after = (await page(session, '/')).text;
      expect(after).not.toContain(`${plan.reference}/sign-off`);
      expect(after).not.toContain('Your tasks (');

      // The owner sees where it stands and who signs off, without a form.
      const ownerSession = await webSignIn(t.http, owner.user.email);
      const owners = (await page(ownerSession, path)).text;
      expect(owners).toContain('Signed off');
      expect(owners).toContain('a manager of each supporting agency with a confirmed team signs off');
      expect(owners).not.toContain('Sign off our part');
    });

    it('declines from the page, with the reason kept; a stale form is refused and shows what changed', async () => {
      const { owner, managerEmail, plan } = await submittedWithPartner();
      const session = await webSignIn(t.http, managerEmail);
      const path = `/plans/${plan.reference}/sign-off`;
      const html = (await page(session, path)).text;
      // Withdrawn and submitted again meanwhile: submitted still, at a newer version.
      const withdrawn = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: plan.version }).expect(200)).body;
      await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: withdrawn.version }).expect(200);
      const stale = await post(session, path, { ...drawnAt(html), decision: 'DECLINED', reason: 'Call sign clashes with ours' }).expect(
        400,
      );
      expect(errorSummaryOf(stale.text)[0]).toMatch(/^Someone else changed this plan/);
      expect(stale.text).toContain('What changed since you opened this page');
      expect(stale.text).toContain('Call sign clashes with ours');
      expect(await t.dataSource.query(`SELECT 1 FROM partner_sign_offs WHERE operation_id = $1`, [plan.id])).toEqual([]);

      const fresh = (await page(session, path)).text;
      const declined = await post(session, path, { ...drawnAt(fresh), decision: 'DECLINED', reason: 'Call sign clashes with ours' }).expect(
        303,
      );
      expect(declined.headers.location).toBe(`${path}?declined`);
      const after = (await page(session, declined.headers.location)).text;
      expect(after).toContain('You declined to sign off');
      expect(after).toContain('Call sign clashes with ours');
      expect(after).not.toContain('Sign off our part');
    });

    it('tells the lead’s manager on the review page who has yet to sign off, and shows the refusal in the error summary', async () => {
      const { owner, partner, plan } = await submittedWithPartner();
      const session = await webSignIn(t.http, owner.managerUser.email);
      const path = `/plans/${plan.reference}/review`;
      const html = (await page(session, path)).text;
      expect(html).toContain(`Waiting for a manager of ${partner.agency.code} to sign off their part`);
      expect(html).toContain('Awaiting sign-off');
      const refused = await post(session, path, { ...drawnAt(html), decision: 'APPROVE', comment: '' }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        `The plan is not ready to approve: Waiting for a manager of ${partner.agency.code} to sign off their part`,
      ]);
    });
  });
});
