import { createUser } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, newPlanForm, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

describe('Web pages: partners, CPS liaisons, managers and owners after approval', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const statusOf = async (table: string, id: string) =>
    (await t.dataSource.query(`SELECT status FROM ${table} WHERE id = $1`, [id]))[0].status;

  it('lets a partner coordinator confirm a request for their team, and decline one only with a reason', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const other = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    for (const team of [partner.team, other.team]) {
      const current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: team.id, headcount: 2, version: current.version })
        .expect(201);
    }
    const [asked] = await t.dataSource.query(`SELECT id FROM deployments WHERE team_id = $1`, [partner.team.id]);
    const session = await webSignIn(t.http, partner.user.email);
    const tasks = (await page(session, '/')).text;
    expect(tasks).toContain(`href="/plans/${plan.reference}/teams"`);
    let teams = (await page(session, `/plans/${plan.reference}/teams`)).text;
    expect(teams).toContain(`asks for ${partner.team.name}`);
    expect(teams).not.toContain(`asks for ${other.team.name}`);
    const form = { ...drawnAt(teams), deploymentId: asked.id, deploymentVersion: valueOf(teams, 'deploymentVersion') };
    const noReason = await post(session, `/plans/${plan.reference}/teams/answer`, { ...form, answer: 'decline', reason: ' ' }).expect(400);
    expect(errorSummaryOf(noReason.text)).toEqual(['Enter a reason for declining']);
    expect(noReason.text).toContain(`href="#reason-${asked.id}"`);
    await post(session, `/plans/${plan.reference}/teams/answer`, { ...form, answer: 'confirm' }).expect(303);
    expect(await statusOf('deployments', asked.id)).toBe('CONFIRMED');

    const otherSession = await webSignIn(t.http, other.user.email);
    teams = (await page(otherSession, `/plans/${plan.reference}/teams`)).text;
    const [theirs] = await t.dataSource.query(`SELECT id FROM deployments WHERE team_id = $1`, [other.team.id]);
    const declined = await post(otherSession, `/plans/${plan.reference}/teams/answer`, {
      ...drawnAt(teams),
      deploymentId: theirs.id,
      deploymentVersion: valueOf(teams, 'deploymentVersion'),
      answer: 'decline',
      reason: 'Committed elsewhere that day',
    }).expect(303);
    expect(declined.headers.location).toBe('/?declined');
    expect(await statusOf('deployments', theirs.id)).toBe('DECLINED');
    await page(otherSession, `/plans/${plan.reference}`, 404);
  });

  it('lets a CPS liaison accept a request for early involvement, and decline one only with a reason', async () => {
    const owner = await s.owner();
    const liaison = await s.liaison();
    const plans = [];
    for (let i = 0; i < 2; i++) {
      const plan = await s.draft(owner);
      await s.post(owner.auth, `/operations/${plan.id}/cps-involvement`, s.cpsRequest(plan)).expect(200);
      plans.push(plan);
    }
    const session = await webSignIn(t.http, liaison.user.email);
    const tasks = (await page(session, '/')).text;
    expect(tasks).toContain(`href="/plans/${plans[0].reference}/cps"`);
    expect(tasks).toMatch(/accepting today gives \d+ days? before the start/);
    let cps = (await page(session, `/plans/${plans[0].reference}/cps`)).text;
    expect(cps).toContain('Accept the request');
    expect(cps).not.toContain('Request early involvement');
    await post(session, `/plans/${plans[0].reference}/cps/answer`, { ...drawnAt(cps), answer: 'accept' }).expect(303);
    const [engaged] = await t.dataSource.query(`SELECT status, liaison_id FROM cps_involvements WHERE operation_id = $1`, [plans[0].id]);
    expect(engaged).toEqual({ status: 'ENGAGED', liaison_id: liaison.user.id });

    cps = (await page(session, `/plans/${plans[1].reference}/cps`)).text;
    const noReason = await post(session, `/plans/${plans[1].reference}/cps/answer`, {
      ...drawnAt(cps),
      answer: 'decline',
      reason: '',
    }).expect(400);
    expect(errorSummaryOf(noReason.text)).toEqual(['Enter a reason for declining']);
    const declined = await post(session, `/plans/${plans[1].reference}/cps/answer`, {
      ...drawnAt(cps),
      answer: 'decline',
      reason: 'Covered by another CPS area',
    }).expect(303);
    expect(declined.headers.location).toBe('/?declined');
    const [refused] = await t.dataSource.query(`SELECT status FROM cps_involvements WHERE operation_id = $1`, [plans[1].id]);
    expect(refused.status).toBe('DECLINED');
  });

  it('lets a manager who neither created nor changed the plan review it, and tells the creator why they cannot', async () => {
    const owner = await s.owner();
    const creatorManager = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const creator = await webSignIn(t.http, creatorManager.email);
    const made = await post(creator, '/plans/new', newPlanForm({ name: 'Reviewed in the browser' })).expect(303);
    const reference = /\/plans\/(OP-[\d-]+)/.exec(made.headers.location)![1];
    const [row] = await t.dataSource.query(`SELECT id FROM operations WHERE reference = $1`, [reference]);
    // Straight to SUBMITTED in the database: this test is about the review page, not readiness.
    await t.dataSource.query(`UPDATE operations SET status = 'SUBMITTED', lead_agency_id = created_by_agency_id WHERE id = $1`, [row.id]);

    const own = (await page(creator, `/plans/${reference}/review`)).text;
    expect(own).toContain(`Four eyes: you created ${reference}, so another manager must review it`);
    expect(own).not.toContain('Send decision');

    const reviewer = await webSignIn(t.http, owner.managerUser.email);
    expect((await page(reviewer, '/')).text).toContain(`href="/plans/${reference}/review"`);
    let review = (await page(reviewer, `/plans/${reference}/review`)).text;
    const unsure = await post(reviewer, `/plans/${reference}/review`, { ...drawnAt(review) }).expect(400);
    expect(errorSummaryOf(unsure.text)).toEqual(['Select whether to approve the plan or ask for changes']);
    const noComment = await post(reviewer, `/plans/${reference}/review`, { ...drawnAt(review), decision: 'REQUEST_CHANGES' }).expect(400);
    expect(errorSummaryOf(noComment.text)).toEqual(['Enter a comment saying what to change']);
    await post(reviewer, `/plans/${reference}/review`, {
      ...drawnAt(review),
      decision: 'REQUEST_CHANGES',
      comment: 'Add the dog handler',
    }).expect(303);
    expect(await statusOf('operations', row.id)).toBe('CHANGES_REQUESTED');
    review = (await page(reviewer, `/plans/${reference}/review`)).text;
    expect(review).toContain('only a plan submitted for review is reviewed');
  });

  describe('the owner starts, completes and cancels a plan', () => {
    const HOUR = 3600_000;

    it('starts an approved plan after its go/no-go page, then completes it with its outcomes', async () => {
      const owner = await s.owner();
      const soon = { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 10 * HOUR).toISOString() };
      const plan = await s.plan(owner, { stage: 'approved', body: soon });
      const session = await webSignIn(t.http, owner.user.email);
      expect((await page(session, `/plans/${plan.reference}`)).text).toContain(`href="/plans/${plan.reference}/start"`);
      const start = (await page(session, `/plans/${plan.reference}/start`)).text;
      expect(start).toContain('Go or no-go');
      expect((await post(session, `/plans/${plan.reference}/start`, drawnAt(start)).expect(303)).headers.location).toBe(
        `/plans/${plan.reference}?started`,
      );
      expect(await statusOf('operations', plan.id)).toBe('ACTIVE');

      await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
      const complete = (await page(session, `/plans/${plan.reference}/complete`)).text;
      const outcomes = {
        arrests: '3',
        potentialVictimsSafeguarded: '7',
        nrmReferrals: '5',
        premisesVisited: '2',
        notes: 'All workers taken to the reception centre',
      };
      const wrong = await post(session, `/plans/${plan.reference}/complete`, {
        ...drawnAt(complete),
        ...outcomes,
        arrests: 'three',
      }).expect(400);
      expect(errorSummaryOf(wrong.text)).toEqual(['Enter the number of arrests, a whole number from 0 to 100000']);
      expect(wrong.text).toContain('href="#arrests"');
      expect(wrong.text).toContain('value="three"');
      const tooMany = await post(session, `/plans/${plan.reference}/complete`, {
        ...drawnAt(complete),
        ...outcomes,
        nrmReferrals: '9',
      }).expect(400);
      expect(errorSummaryOf(tooMany.text)[0]).toMatch(/NRM|referral/i);
      await post(session, `/plans/${plan.reference}/complete`, { ...drawnAt(complete), ...outcomes }).expect(303);
      expect(await statusOf('operations', plan.id)).toBe('COMPLETED');
      expect((await page(session, `/plans/${plan.reference}/briefing`)).text).toContain('All workers taken to the reception centre');

      // Once the case file is complete, the engaged liaison closes evidence gathering.
      const cps = await webSignIn(t.http, (await s.liaison()).user.email);
      const matrix = (await page(cps, `/plans/${plan.reference}/evidence`)).text;
      expect(matrix).toContain('Close evidence gathering');
      await post(cps, `/plans/${plan.reference}/evidence/close`, drawnAt(matrix)).expect(303);
      const [involvement] = await t.dataSource.query(`SELECT closed_at FROM cps_involvements WHERE operation_id = $1`, [plan.id]);
      expect(involvement.closed_at).not.toBeNull();
      expect((await page(cps, `/plans/${plan.reference}/evidence`)).text).not.toContain('Close evidence gathering');
    });

    it('withdraws a submitted plan from review, back to a draft', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'submitted' });
      const session = await webSignIn(t.http, owner.user.email);
      expect((await page(session, `/plans/${plan.reference}`)).text).toContain(`href="/plans/${plan.reference}/withdraw"`);
      const withdraw = (await page(session, `/plans/${plan.reference}/withdraw`)).text;
      await post(session, `/plans/${plan.reference}/withdraw`, drawnAt(withdraw)).expect(303);
      expect(await statusOf('operations', plan.id)).toBe('DRAFT');
      expect((await page(session, `/plans/${plan.reference}/withdraw`)).text).toContain(`${plan.reference} is already a draft.`);
    });

    it('cancels a plan after a page naming the teams it releases, a reason required', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'ready' });
      const session = await webSignIn(t.http, owner.user.email);
      const cancel = (await page(session, `/plans/${plan.reference}/cancel`)).text;
      expect(cancel).toContain('These teams will be released');
      expect(cancel).toContain(plan.deployments[0].team.name);
      const noReason = await post(session, `/plans/${plan.reference}/cancel`, { ...drawnAt(cancel), reason: '' }).expect(400);
      expect(errorSummaryOf(noReason.text)).toEqual(['Enter a reason for cancelling']);
      await post(session, `/plans/${plan.reference}/cancel`, { ...drawnAt(cancel), reason: 'The site has closed' }).expect(303);
      expect(await statusOf('operations', plan.id)).toBe('CANCELLED');
      const [deployment] = await t.dataSource.query(`SELECT status FROM deployments WHERE operation_id = $1`, [plan.id]);
      expect(deployment.status).toBe('RELEASED');
      expect((await page(session, `/plans/${plan.reference}`)).text).not.toContain(`href="/plans/${plan.reference}/cancel"`);
    });
  });

  describe('the evidence matrix', () => {
    const requirement = async (id: string) =>
      (await t.dataSource.query(`SELECT status, version, assigned_team_id FROM evidence_requirements WHERE id = $1`, [id]))[0];

    it('takes a requirement from the liaison’s form to accepted: added, changed, assigned, gathered, rejected, gathered again, accepted', async () => {
      const owner = await s.owner();
      const partner = await s.partner('HMRC', ['TAX_COMPLIANCE', 'FINANCIAL_INVESTIGATION']);
      const liaison = await s.liaison();
      let plan = await s.draft(owner);
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: partner.team.id, headcount: 2, version: plan.version })
          .expect(201)
      ).body;
      const [deployment] = await t.dataSource.query(`SELECT id, version FROM deployments WHERE operation_id = $1`, [plan.id]);
      await s
        .post(partner.auth, `/operations/${plan.id}/deployments/${deployment.id}/confirm`, { version: deployment.version })
        .expect(200);
      plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      plan = (await s.post(owner.auth, `/operations/${plan.id}/cps-involvement`, s.cpsRequest(plan)).expect(200)).body;
      await s.post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: plan.version }).expect(200);
      const path = `/plans/${plan.reference}/evidence`;

      const cps = await webSignIn(t.http, liaison.user.email);
      let matrix = (await page(cps, path)).text;
      const empty = await post(cps, path, { ...drawnAt(matrix) }).expect(400);
      expect(errorSummaryOf(empty.text)).toEqual([
        'Select the offence',
        'Select the type of evidence',
        'Enter a description of the evidence needed',
        'Select whether the evidence is essential or desirable',
      ]);
      await post(cps, path, {
        ...drawnAt(matrix),
        offence: 'MSA_S2_HUMAN_TRAFFICKING',
        evidenceType: 'FINANCIAL_RECORDS',
        description: 'Payroll and bank records',
        priority: 'DESIRABLE',
      }).expect(303);
      const [added] = await t.dataSource.query(`SELECT id FROM evidence_requirements WHERE operation_id = $1`, [plan.id]);
      matrix = (await page(cps, `${path}?change=${added.id}`)).text;
      expect(valueOf(matrix, 'requirementId')).toBe(added.id);
      await post(cps, path, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        offence: 'MSA_S2_HUMAN_TRAFFICKING',
        evidenceType: 'FINANCIAL_RECORDS',
        description: 'Payroll and bank records',
        priority: 'ESSENTIAL',
      }).expect(303);
      matrix = (await page(cps, path)).text;
      expect(matrix).toContain('Modern Slavery Act 2015 s.2: human trafficking');
      expect(matrix).toContain('Essential');

      const mine = await webSignIn(t.http, owner.user.email);
      matrix = (await page(mine, path)).text;
      const unchosen = await post(mine, `${path}/assign`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        teamId: '',
      }).expect(400);
      expect(errorSummaryOf(unchosen.text)).toEqual(['Select the confirmed team that gathers this evidence']);
      await post(mine, `${path}/assign`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        teamId: partner.team.id,
      }).expect(303);
      expect(await requirement(added.id)).toMatchObject({ status: 'ASSIGNED', assigned_team_id: partner.team.id });

      await s.dayStarted(plan);
      const theirs = await webSignIn(t.http, partner.user.email);
      matrix = (await page(theirs, path)).text;
      const noNote = await post(theirs, `${path}/gathered`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        note: '',
      }).expect(400);
      expect(errorSummaryOf(noNote.text)).toEqual(['Enter a note of what was gathered']);
      await post(theirs, `${path}/gathered`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        note: 'Payroll seized',
      }).expect(303);

      matrix = (await page(cps, path)).text;
      const noReason = await post(cps, `${path}/decide`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        decision: 'reject',
        reason: '',
      }).expect(400);
      expect(errorSummaryOf(noReason.text)).toEqual(['Enter a reason for rejecting the evidence']);
      await post(cps, `${path}/decide`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        decision: 'reject',
        reason: 'No bank records',
      }).expect(303);
      expect((await requirement(added.id)).status).toBe('REJECTED');

      matrix = (await page(theirs, path)).text;
      expect(matrix).toContain('No bank records');
      await post(theirs, `${path}/gathered`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        note: 'Payroll and bank records seized',
      }).expect(303);
      matrix = (await page(cps, path)).text;
      await post(cps, `${path}/decide`, {
        ...drawnAt(matrix),
        requirementId: added.id,
        requirementVersion: valueOf(matrix, 'requirementVersion'),
        decision: 'accept',
      }).expect(303);
      expect((await requirement(added.id)).status).toBe('ACCEPTED');
    });
  });
});
