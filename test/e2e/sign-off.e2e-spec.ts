import { createUser, login, signedIn } from '../factories';
import { Auth, Owner, Plan, Scenario, Signed } from '../factories/scenario';
import { TeamRow } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, webSignIn } from '../support/browser-session';
import { startTestApp, TestApp } from '../support/test-app';

type SignOff = Plan['signOffs'][number];
type Deployment = Plan['deployments'][number];

describe('each partner’s sign-off of its part of the plan', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
  });
  afterAll(() => t.close());

  const HOUR = 3600_000;

  /** A submitted plan of a new owner, with a new HMRC-kind partner's team confirmed on it, and a manager of that partner. */
  async function submittedWithPartner(): Promise<{ owner: Owner; partner: Signed & { team: TeamRow }; partnerManager: Auth; managerEmail: string; plan: Plan }> {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    let plan = await s.plan(owner, { stage: 'ready' });
    plan = (await s.post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: partner.team.id, headcount: 2, tasking: 'Payroll records', version: plan.version }).expect(201)).body;
    const request = plan.deployments.find((d: Deployment) => d.team.id === partner.team.id) as Deployment;
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${request.id}/confirm`, { version: request.version }).expect(200);
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    plan = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const manager = await createUser(t.dataSource, partner.agency, ['MANAGER']);
    return { owner, partner, partnerManager: { Authorization: `Bearer ${await login(t.http, manager)}` }, managerEmail: manager.email, plan };
  }

  const signOffOf = (plan: Plan, code: string) => plan.signOffs.find((signOff: SignOff) => signOff.agency.code === code) as SignOff;
  const partnerDeployment = (plan: Plan, teamId: string) => plan.deployments.find((d: Deployment) => d.team.id === teamId) as Deployment;
  const approve = (owner: Owner, plan: Plan) => s.post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', comment: 'Go', version: plan.version });
  const signOff = (who: Auth, plan: Plan, body: Record<string, unknown> = {}) => s.post(who, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: plan.version, ...body });
  const tasksOf = async (who: Auth, plan: Plan) =>
    ((await s.get(who, '/tasks').expect(200)).body as { kind: string; summary: string; operation: { id: string } }[]).filter((task) => task.operation.id === plan.id);
  const history = async (who: Auth, plan: Plan) => (await s.get(who, `/operations/${plan.id}/history`).expect(200)).body as { action: string; before: unknown; after: unknown }[];

  it('refuses approval while a partner has not signed off, naming it; once it signs off (the version unchanged), approval goes through', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    expect(plan.signOffs).toEqual([{ agency: partner.agency, state: 'AWAITING', decision: null, by: null, at: null, reason: null }]);

    const refused = await approve(owner, plan).expect(422);
    expect(refused.body).toMatchObject({ code: 'NOT_READY', message: expect.stringContaining(`Waiting for a manager of ${code} to sign off their part`) });
    expect(refused.body.details.checks.map((check: { id: string }) => check.id)).toEqual(['partner-sign-off']);
    const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
    expect(readiness.checks.find((check: { id: string }) => check.id === 'partner-sign-off')).toMatchObject({ ok: false, blocking: true });

    const [task] = await tasksOf(partnerManager, plan);
    expect(task).toMatchObject({ kind: 'SIGN_OFF_PART', summary: expect.stringMatching(new RegExp(`^Sign off ${code}’s part of ${plan.reference}`)) });

    const signed = (await signOff(partnerManager, plan).expect(200)).body as Plan;
    expect(signed.version).toBe(plan.version);
    expect(signOffOf(signed, code)).toMatchObject({ state: 'SIGNED_OFF', decision: 'SIGNED_OFF', by: { email: expect.any(String) }, at: expect.any(String), reason: null });
    expect(await tasksOf(partnerManager, plan)).toEqual([]);
    const events = await history(owner.auth, plan);
    expect(events.at(-1)).toMatchObject({ action: 'operation.signed-off', before: { agency: code, signOff: 'AWAITING' }, after: { agency: code, signOff: 'SIGNED_OFF' } });

    const approved = (await approve(owner, signed).expect(200)).body;
    expect(approved.status).toBe('APPROVED');
  });

  it('takes a decline with a reason back to changes requested, bumping the version, and refuses a decline without one', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    const bare = await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', version: plan.version }).expect(400);
    expect(bare.body.details.fields).toEqual([{ field: 'reason', problems: ['Enter a reason for declining: what must change in your agency’s part'] }]);
    await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: '   ', version: plan.version }).expect(400);
    const long = await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: 'x'.repeat(1001), version: plan.version }).expect(400);
    expect(long.body.details.fields[0].problems).toEqual(['reason must be at most 1000 characters']);
    const noted = await signOff(partnerManager, plan, { reason: 'Fine by us' }).expect(400);
    expect(noted.body.details.fields).toEqual([{ field: 'reason', problems: ['Give a reason only when declining'] }]);
    const odd = await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'MAYBE', version: plan.version }).expect(400);
    expect(odd.body.details.fields[0]).toMatchObject({ field: 'decision' });

    const reason = 'Our team cannot reach the RV point before 06:00';
    const declined = (await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: `  ${reason} `, version: plan.version }).expect(200)).body as Plan;
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
    let current = (await s.post(partnerManager, `/operations/${plan.id}/sign-off`, { decision: 'DECLINED', reason: 'Tasking is too broad', version: plan.version }).expect(200)).body as Plan;
    current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('DECLINED');
    expect((await approve(owner, current).expect(422)).body.code).toBe('NOT_READY');
    const [task] = await tasksOf(partnerManager, current);
    expect(task).toMatchObject({ kind: 'SIGN_OFF_PART', summary: expect.stringContaining('you declined it') });

    current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
    const deployment = partnerDeployment(current, partner.team.id);
    current = (await s.patch(owner.auth, `/operations/${plan.id}/deployments/${deployment.id}`, { version: current.version, tasking: 'Payroll records of the car wash only' }).expect(200)).body;
    expect(signOffOf(current, code)).toMatchObject({ state: 'AWAITING', decision: 'DECLINED', reason: 'Tasking is too broad' });
  });

  it('withdraws a sign-off when the agency’s part changes (its tasking, the window), and not for a change outside it', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const code = partner.agency.code;
    let current = (await signOff(partnerManager, plan).expect(200)).body as Plan;
    current = (await s.post(owner.manager, `/operations/${plan.id}/review`, { decision: 'REQUEST_CHANGES', comment: 'Add the dog handler', version: current.version }).expect(200)).body;
    current = (await s.patch(owner.auth, `/operations/${plan.id}`, { version: current.version, briefing: { risk: 'Dogs: a handler attached' } }).expect(200)).body;
    const ownTeam = current.deployments.find((d: Deployment) => d.agency.id === owner.agency.id) as Deployment;
    current = (await s.patch(owner.auth, `/operations/${plan.id}/deployments/${ownTeam.id}`, { version: current.version, callSign: 'Tango 1' }).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('SIGNED_OFF');

    const theirs = partnerDeployment(current, partner.team.id);
    current = (await s.patch(owner.auth, `/operations/${plan.id}/deployments/${theirs.id}`, { version: current.version, tasking: 'Payroll and rota records' }).expect(200)).body;
    expect(signOffOf(current, code)).toMatchObject({ state: 'WITHDRAWN', decision: 'SIGNED_OFF' });
    current = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
    const refused = await approve(owner, current).expect(422);
    expect(refused.body.message).toContain(`Waiting for a manager of ${code} to sign off their part`);
    const [task] = await tasksOf(partnerManager, current);
    expect(task).toMatchObject({ kind: 'SIGN_OFF_PART', summary: expect.stringContaining('again: it changed after you signed it off') });

    current = (await signOff(partnerManager, current).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('SIGNED_OFF');
    current = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: current.version }).expect(200)).body;
    const later = (iso: string) => new Date(Date.parse(iso) + HOUR).toISOString();
    current = (await s.patch(owner.auth, `/operations/${plan.id}`, { version: current.version, startsAt: later(current.startsAt), endsAt: later(current.endsAt) }).expect(200)).body;
    // A moved window asks the partner to confirm its team again (R7); once it has, its earlier sign-off is of another window.
    expect(current.signOffs).toEqual([]);
    const asked = partnerDeployment(current, partner.team.id);
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(signOffOf(current, code).state).toBe('WITHDRAWN');
  });

  it('lets only a manager of a supporting agency with a confirmed team sign off, against the version read, while the plan is submitted', async () => {
    const { owner, partner, partnerManager, plan } = await submittedWithPartner();
    const coordinator = await s.post(partner.auth, `/operations/${plan.id}/sign-off`, { decision: 'SIGNED_OFF', version: plan.version }).expect(403);
    expect(coordinator.body).toMatchObject({ code: 'FORBIDDEN', message: `Only a manager of ${partner.agency.code} signs off ${partner.agency.code}’s part of ${plan.reference}` });
    const lead = await signOff(owner.manager, plan).expect(403);
    expect(lead.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('its managers review the plan') });
    const stranger = await signedIn(t.dataSource, t.http, ['MANAGER'], 'HMRC');
    await signOff(stranger.auth, plan).expect(404);

    // A partner whose team is only requested does not sign off (yet).
    let draft = await s.plan(owner, { stage: 'ready' });
    const requestedPartner = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
    draft = (await s.post(owner.auth, `/operations/${draft.id}/deployments`, { teamId: requestedPartner.team.id, headcount: 1, version: draft.version }).expect(201)).body;
    const requestedManager = await s.managerOf(requestedPartner.agency);
    const notYet = await signOff(requestedManager, draft).expect(403);
    expect(notYet.body.message).toBe(`Only a manager of a supporting agency with a confirmed team on ${draft.reference} signs off that agency’s part`);

    const stale = await signOff(partnerManager, plan, { version: plan.version - 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const withdrawn = (await s.post(owner.auth, `/operations/${plan.id}/withdraw`, { version: plan.version }).expect(200)).body as Plan;
    const notSubmitted = await signOff(partnerManager, withdrawn).expect(409);
    expect(notSubmitted.body).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('only while the plan is submitted for review') });
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
    expect(approved.signOffs.map((signOff: SignOff) => [signOff.agency.id, signOff.state]).sort()).toEqual(partners.map((p) => [p.agency.id, 'SIGNED_OFF']).sort());
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
      const stale = await post(session, path, { ...drawnAt(html), decision: 'DECLINED', reason: 'Call sign clashes with ours' }).expect(400);
      expect(errorSummaryOf(stale.text)[0]).toMatch(/^Someone else changed this plan/);
      expect(stale.text).toContain('What changed since you opened this page');
      expect(stale.text).toContain('Call sign clashes with ours');
      expect(await t.dataSource.query(`SELECT 1 FROM partner_sign_offs WHERE operation_id = $1`, [plan.id])).toEqual([]);

      const fresh = (await page(session, path)).text;
      const declined = await post(session, path, { ...drawnAt(fresh), decision: 'DECLINED', reason: 'Call sign clashes with ours' }).expect(303);
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
      expect(errorSummaryOf(refused.text)).toEqual([`The plan is not ready to approve: Waiting for a manager of ${partner.agency.code} to sign off their part`]);
    });
  });
});
