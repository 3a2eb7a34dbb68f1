import ical, { VEvent } from 'node-ical';
import { ukDate } from '../../src/common/uk-time';
import { Plan } from '../factories/scenario';
import { browserOf, drawnAt, errorSummaryOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** Issue 24: an ACTIVE day of action stood down, through the API and through its page with JavaScript off. */
describe('standing a day of action down', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const outcomes = {
    arrests: 1,
    potentialVictimsSafeguarded: 2,
    nrmReferrals: 2,
    premisesVisited: 1,
    notes: 'One address searched before the subjects were found gone',
  };
  const REASON = 'Intelligence shows the subjects left the country overnight';

  /** An ACTIVE plan of a new owner, with a partner agency's team confirmed on it besides the owner's own. */
  async function active() {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const plan = await s.plan(owner, { stage: 'active', partners: [partner] });
    return { owner, partner, plan };
  }

  it('releases the teams, keeps the record and the outcomes so far, and leaves the partner on the plan', async () => {
    const { owner, partner, plan } = await active();
    expect(plan.actions).toMatchObject({ standDown: true, complete: false, cancel: false });
    const body = { version: plan.version, reason: REASON, outcomes };
    await s.post(partner.auth, `/operations/${plan.id}/stand-down`, body).expect(403);
    const stale = await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { ...body, version: plan.version - 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const stood: Plan = (await s.post(owner.auth, `/operations/${plan.id}/stand-down`, body).expect(200)).body;
    expect(stood).toMatchObject({ status: 'STOOD_DOWN', cancelReason: REASON, outcomes });
    expect(stood.deployments).toHaveLength(2);
    for (const deployment of stood.deployments) {
      expect(deployment).toMatchObject({
        status: 'RELEASED',
        releaseReason: 'the operation was stood down',
        respondedAt: expect.any(String),
      });
    }
    expect(Object.values(stood.actions).every((offered) => offered === false)).toBe(true);

    // The partner's agency stays on the plan, as after completion, and reads its record.
    const seenByPartner = (await s.get(partner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(seenByPartner).toMatchObject({ status: 'STOOD_DOWN', cancelReason: REASON });

    const history = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({
      action: 'operation.stand-down',
      before: { status: 'ACTIVE' },
      after: {
        status: 'STOOD_DOWN',
        reason: REASON,
        outcomes,
        releasedTeams: expect.arrayContaining([expect.objectContaining({ agency: partner.agency.code })]),
      },
    });

    // Its readiness, to the owner and the partner alike: no next step to be ready for.
    for (const who of [owner.auth, partner.auth]) {
      expect((await s.get(who, `/operations/${plan.id}/readiness`).expect(200)).body).toEqual({
        ready: false,
        stage: null,
        checks: [
          {
            id: 'ended',
            ok: false,
            applies: true,
            blocking: true,
            message: `${plan.reference} has been stood down: there is no next step to be ready for`,
          },
        ],
      });
    }

    const again = await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { ...body, version: stood.version }).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', message: `${plan.reference} is already stood down` });
    await s.post(owner.auth, `/operations/${plan.id}/complete`, { version: stood.version, outcomes }).expect(409);
  });

  it('needs a reason, takes outcomes only whole and true, and stands down only a day of action under way', async () => {
    const { owner, plan } = await active();
    const noReason = await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { version: plan.version, reason: ' ' }).expect(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'reason', problems: ['Enter a reason for standing the day of action down'] }]);
    const partial = await s
      .post(owner.auth, `/operations/${plan.id}/stand-down`, { version: plan.version, reason: REASON, outcomes: { arrests: 2 } })
      .expect(400);
    expect(partial.body.details.fields.map((field: { field: string }) => field.field)).toEqual([
      'outcomes.potentialVictimsSafeguarded',
      'outcomes.nrmReferrals',
      'outcomes.premisesVisited',
    ]);
    const impossible = await s
      .post(owner.auth, `/operations/${plan.id}/stand-down`, {
        version: plan.version,
        reason: REASON,
        outcomes: { ...outcomes, nrmReferrals: 5 },
      })
      .expect(400);
    expect(impossible.body.details.fields).toEqual([
      {
        field: 'outcomes.nrmReferrals',
        problems: ['NRM referrals (5) cannot be more than the potential victims safeguarded (2); correct one of them'],
      },
    ]);
    expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.status).toBe('ACTIVE');

    const approved = await s.plan(owner, { stage: 'approved' });
    const early = await s
      .post(owner.auth, `/operations/${approved.id}/stand-down`, { version: approved.version, reason: REASON })
      .expect(409);
    expect(early.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `${approved.reference} is approved: it cannot be stood down yet; only a day of action under way can be`,
    });

    const stood: Plan = (
      await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { version: plan.version, reason: REASON }).expect(200)
    ).body;
    expect(stood).toMatchObject({ status: 'STOOD_DOWN', outcomes: null });
  });

  it('shows in the briefing pack, the calendar feed and the dashboard', async () => {
    const { owner, partner, plan } = await active();
    await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { version: plan.version, reason: REASON, outcomes }).expect(200);

    const pack = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;
    expect(pack).toContain('- **Status:** Stood down');
    expect(pack).toContain(`## Stood down\n\nThe day of action was stood down: ${REASON}`);
    expect(pack).toContain('## Outcomes so far');
    expect(pack).toContain('- **Arrests:** 1');
    expect(pack).toContain(`| ${partner.team.name} | ${partner.agency.code} |`);
    expect(pack).toContain('Deployed; released when the operation was stood down');
    expect(pack).not.toMatch(/STOOD_DOWN/);

    const feed = (await t.http().post('/calendar/feed').set(owner.auth).send({}).expect(201)).body;
    const ics = (await t.http().get(new URL(feed.url).pathname).expect(200)).text;
    const event = (ical.sync.parseICS(ics) as unknown as Record<string, VEvent>)[`${plan.id}@planner`];
    expect(event.status).toBe('CANCELLED');
    expect(String(event.description)).toContain('Status: Stood down');
    const partnerFeed = (await t.http().post('/calendar/feed').set(partner.auth).send({}).expect(201)).body;
    const partnerIcs = (await t.http().get(new URL(partnerFeed.url).pathname).expect(200)).text.replace(/\r?\n[ \t]/g, '');
    expect(partnerIcs).toContain('Released: the operation was stood down');

    const month = ukDate(new Date(plan.startsAt)).slice(0, 7);
    const dashboard = (await s.get(owner.manager, `/dashboard?from=${month}&to=${month}`).expect(200)).body;
    expect(dashboard.plansPerMonth.months).toEqual([
      expect.objectContaining({ month, byStatus: expect.objectContaining({ STOOD_DOWN: 1, ACTIVE: 0 }) }),
    ]);
    expect(dashboard.outcomesPerMonth.months).toEqual([
      { month, completed: 0, stoodDown: 1, arrests: 1, potentialVictimsSafeguarded: 2, nrmReferrals: 2, premisesVisited: 1 },
    ]);
  });

  describe('its page, with JavaScript off', () => {
    it('says what will happen, asks why, takes the outcomes so far, and then shows the record in place of readiness', async () => {
      const { owner, partner, plan } = await active();
      const session = await webSignIn(t.http, owner.user.email);
      const planPage = (await page(session, `/plans/${plan.reference}`)).text;
      expect(planPage).toContain(`href="/plans/${plan.reference}/stand-down"`);
      expect(planPage).not.toContain(`href="/plans/${plan.reference}/cancel"`);
      expect(planPage).toContain('The day of action is under way');
      expect(planPage).not.toContain('Readiness to');

      const cancel = (await page(session, `/plans/${plan.reference}/cancel`)).text;
      expect(cancel).toContain(`${plan.reference} is under way: it can no longer be cancelled; stand it down instead.`);
      expect(cancel).not.toContain('Cancel the plan</button>');

      const form = (await page(session, `/plans/${plan.reference}/stand-down`)).text;
      expect(form).toContain('Standing down ends the day of action for good');
      expect(form).toContain(`${partner.team.name} (${partner.agency.code}), confirmed`);
      expect(form).toContain('keeps the plan and its record');
      const noReason = await post(session, `/plans/${plan.reference}/stand-down`, { ...drawnAt(form), reason: '' }).expect(400);
      expect(errorSummaryOf(noReason.text)).toEqual(['Enter a reason for standing the day of action down']);
      expect(noReason.text).toContain('href="#reason"');
      const partial = await post(session, `/plans/${plan.reference}/stand-down`, { ...drawnAt(form), reason: REASON, arrests: '2' }).expect(
        400,
      );
      expect(errorSummaryOf(partial.text)).toEqual([
        'Enter the number of potential victims safeguarded, a whole number from 0 to 100000',
        'Enter the number of NRM referrals, a whole number from 0 to 100000',
        'Enter the number of premises visited, a whole number from 0 to 100000',
      ]);
      expect(partial.text).toContain(REASON);
      expect(partial.text).toContain('value="2"');
      const done = await post(session, `/plans/${plan.reference}/stand-down`, {
        ...drawnAt(form),
        reason: REASON,
        arrests: '1',
        potentialVictimsSafeguarded: '2',
        nrmReferrals: '2',
        premisesVisited: '1',
        notes: outcomes.notes,
      }).expect(303);
      expect(done.headers.location).toBe(`/plans/${plan.reference}?stood-down`);

      const record = (await page(session, done.headers.location)).text;
      expect(record).toContain('Day of action stood down: its teams are released, and its record is kept');
      expect(record).toContain('Record of the day of action');
      expect(record).toContain('Why it was stood down');
      expect(record).toContain(REASON);
      expect(record).toContain('Outcomes so far');
      expect(record).toContain(outcomes.notes);
      expect(record).toContain('Deployed; released when the day of action was stood down');
      expect(record).toContain('govuk-tag--pink');
      expect(record).not.toContain('Readiness to');
      expect(record).not.toContain('id="plan-actions"');
      expect((await page(session, `/plans/${plan.reference}/stand-down`)).text).toContain(`${plan.reference} is already stood down.`);
    });

    it('stands a day of action down without outcomes when none are given', async () => {
      const { owner, plan } = await active();
      const session = await webSignIn(t.http, owner.user.email);
      const form = (await page(session, `/plans/${plan.reference}/stand-down`)).text;
      await post(session, `/plans/${plan.reference}/stand-down`, { ...drawnAt(form), reason: REASON, arrests: '', notes: ' ' }).expect(303);
      const [row] = await t.dataSource.query(`SELECT status, outcomes, cancel_reason FROM operations WHERE id = $1`, [plan.id]);
      expect(row).toEqual({ status: 'STOOD_DOWN', outcomes: null, cancel_reason: REASON });
      expect((await page(session, `/plans/${plan.reference}`)).text).toMatch(
        /Outcomes so far<\/h3>\s*<p class="govuk-body">None recorded\.<\/p>/,
      );
    });
  });
});
