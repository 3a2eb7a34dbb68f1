import { Client } from 'pg';
import { ukInstant } from '../../src/common/uk-time';
import { addMonths, monthName, ukMonth } from '../../src/dashboard/period';
import { DASHBOARD_CHECKS } from '../../src/dashboard/readiness-checks';
import { createUser, login, randomPostcode, signedIn } from '../factories';
import { Auth, Owner, Plan } from '../factories/scenario';
import { browserOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BOM = '\uFEFF';

/** Noon on the 15th of a UK month (YYYY-MM): well inside it, whatever the clocks do. */
function midMonth(month: string): Date {
  const [year, number] = month.split('-').map(Number);
  return ukInstant({ year, month: number, day: 15, hour: 12, minute: 0 }) as Date;
}

/** The rows of the page's table for a section, each a list of its cells' texts (header row left out). */
function tableOf(html: string, section: string): string[][] {
  const table = new RegExp(`<table[^>]*data-section="${section}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!table) throw new Error(`no table for ${section}`);
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim()),
  );
}
const numberIn = (text: string) => Number(text.replace(/,/g, ''));

/** CSV rows of a download, without its byte order mark. */
const csvRows = (text: string) => text.replace(BOM, '').split('\r\n').filter(Boolean);

describe('dashboard and exports (issue 18)', () => {
  const { t, s } = useApp();
  const { page } = browserOf(() => t.http);

  const dashboard = (who: Auth, query = '') => t.http().get(`/dashboard${query}`).set(who);
  const versionOf = async (who: Auth, id: string) => (await s.get(who, `/operations/${id}`).expect(200)).body.version as number;
  const move = async (plan: { id: string }, month: string) => s.windowOpensAt(plan, midMonth(month));
  const engagedDaysBefore = (plan: { id: string }, days: number) =>
    t.dataSource.query(
      `UPDATE cps_involvements c SET engaged_at = o.starts_at - make_interval(days => $2) FROM operations o WHERE o.id = c.operation_id AND c.operation_id = $1`,
      [plan.id, days],
    );
  const answeredAfterHours = (plan: { id: string }, agencyId: string, hours: number) =>
    t.dataSource.query(
      `UPDATE deployments SET requested_at = responded_at - make_interval(hours => $3) WHERE operation_id = $1 AND team_agency_id = $2`,
      [plan.id, agencyId, hours],
    );

  const thisMonth = ukMonth(new Date());
  const [lastMonth, twoAgo] = [addMonths(thisMonth, -1), addMonths(thisMonth, -2)];
  const outcomes = { arrests: 3, potentialVictimsSafeguarded: 7, nrmReferrals: 5, premisesVisited: 2 };

  /**
   * Two months ago: the owner's draft, and a draft it created but handed to another agency's lead.
   * Last month: the owner's completed day (with HMRC's team, answered in 5 hours; CPS engaged 10
   * days ahead), another agency's plan the owner supports (answered in 30 hours; CPS 2 days ahead),
   * and a stranger's own plan.
   */
  async function history() {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const other = await s.owner();
    const stranger = await s.owner();

    let completed = await s.plan(owner, { stage: 'active', partners: [hmrc] });
    await s.windowOpensAt(completed, new Date(Date.now() - HOUR));
    completed = (await s.post(owner.auth, `/operations/${completed.id}/complete`, { version: completed.version, outcomes }).expect(200))
      .body;
    await move(completed, lastMonth);
    await engagedDaysBefore(completed, 10);
    await answeredAfterHours(completed, hmrc.agency.id, 5);

    const draft = await s.draft(owner);
    await move(draft, twoAgo);
    const handed = await s.draft(owner);
    await t
      .http()
      .put(`/operations/${handed.id}/lead-agency`)
      .set(owner.auth)
      .send({ agencyId: stranger.agency.id, version: handed.version })
      .expect(200);
    await move(handed, twoAgo);

    const supported = await s.plan(other, { stage: 'ready', partners: [owner] });
    await move(supported, lastMonth);
    await engagedDaysBefore(supported, 2);
    await answeredAfterHours(supported, owner.agency.id, 30);

    const strangers = await s.draft(stranger);
    await move(strangers, lastMonth);
    return { owner, hmrc, stranger, completed, draft, handed, supported, strangers };
  }

  const zeroStatuses = { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, ACTIVE: 0, COMPLETED: 0, CANCELLED: 0, STOOD_DOWN: 0 };
  const noOutcomes = { completed: 0, stoodDown: 0, arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 0 };

  it('counts what was created, month by month in UK time: statuses, led and supported, CPS lead time, partner answers and outcomes', async () => {
    const { owner, hmrc, stranger } = await history();
    const body = (await dashboard(owner.auth, '?months=3').expect(200)).body;
    expect(body.period).toEqual({ from: twoAgo, to: thisMonth, months: 3 });
    expect(body.scope).toEqual({ agencyCode: owner.agency.code, basis: 'OWNED_OR_SUPPORTED' });
    expect(body.plansPerMonth.months).toEqual([
      { month: twoAgo, total: 1, led: 1, supported: 0, byStatus: { ...zeroStatuses, DRAFT: 1 } },
      { month: lastMonth, total: 2, led: 1, supported: 1, byStatus: { ...zeroStatuses, DRAFT: 1, COMPLETED: 1 } },
      { month: thisMonth, total: 0, led: 0, supported: 0, byStatus: zeroStatuses },
    ]);
    expect(body.plansPerMonth.total).toBe(3);
    // Only the plan whose Prosecution section the owner sees counts (R14a): the one it merely supports does not.
    expect(body.cpsLeadTime).toMatchObject({
      thresholdDays: 7,
      plans: 1,
      inTime: 1,
      percentInTime: 100,
      medianDays: 10,
      buckets: [
        { label: 'Under 3 days', fromDays: 0, toDays: 2, plans: 0 },
        { label: '3 to 6 days', fromDays: 3, toDays: 6, plans: 0 },
        { label: '7 to 13 days', fromDays: 7, toDays: 13, plans: 1 },
        { label: '14 to 27 days', fromDays: 14, toDays: 27, plans: 0 },
        { label: '28 days or more', fromDays: 28, toDays: null, plans: 0 },
      ],
    });
    expect(body.partnerResponse.agencies).toEqual([
      { agency: { code: owner.agency.code, name: owner.agency.name }, answered: 1, medianHours: 30, p90Hours: 30 },
      { agency: { code: hmrc.agency.code, name: hmrc.agency.name }, answered: 1, medianHours: 5, p90Hours: 5 },
    ]);
    expect(body.outcomesPerMonth.months).toEqual([
      { month: twoAgo, ...noOutcomes },
      { month: lastMonth, ...noOutcomes, completed: 1, ...outcomes },
      { month: thisMonth, ...noOutcomes },
    ]);
    expect(body.outcomesPerMonth.total).toMatchObject({ completed: 1, stoodDown: 0, ...outcomes });
    expect(body.readiness).toMatchObject({ windowDays: 30, plans: 0, ready: 0 });
    for (const section of ['plansPerMonth', 'cpsLeadTime', 'readiness', 'partnerResponse', 'outcomesPerMonth'])
      expect(body[section].summary).toEqual(expect.any(String));
    expect(body.plansPerMonth.summary).toContain('your agency leads 2 and supports 1');

    // The partner agency counts the plan it supported; the stranger, only its own two.
    const partners = (await dashboard(hmrc.auth, '?months=3').expect(200)).body;
    expect(partners.plansPerMonth.months.map((m: { total: number; supported: number }) => [m.total, m.supported])).toEqual([
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
    const strangers = (await dashboard(stranger.auth, '?months=3').expect(200)).body;
    expect(strangers.plansPerMonth.months.map((m: { total: number; led: number }) => [m.total, m.led])).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(strangers.outcomesPerMonth.total.completed).toBe(0);
    expect(strangers.partnerResponse.agencies).toEqual([]);
  });

  it('counts the outcomes so far of the days of action stood down in the outcome totals, and says how many were stood down', async () => {
    const owner = await s.owner();
    const soFar = { arrests: 1, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 1 };
    let completed = await s.plan(owner, { stage: 'active' });
    await s.windowOpensAt(completed, new Date(Date.now() - HOUR));
    completed = (await s.post(owner.auth, `/operations/${completed.id}/complete`, { version: completed.version, outcomes }).expect(200))
      .body;
    const stoodDown = await s.plan(owner, { stage: 'active' });
    await s
      .post(owner.auth, `/operations/${stoodDown.id}/stand-down`, {
        version: stoodDown.version,
        reason: 'The subjects have gone',
        outcomes: soFar,
      })
      .expect(200);
    // Stood down before anything was recorded: counted as stood down, adding nothing to the outcomes.
    const early = await s.plan(owner, { stage: 'active' });
    await s
      .post(owner.auth, `/operations/${early.id}/stand-down`, { version: early.version, reason: 'Called off at the RV point' })
      .expect(200);
    for (const plan of [completed, stoodDown, early]) await move(plan, lastMonth);

    const body = (await dashboard(owner.auth, '?months=2').expect(200)).body;
    const counted = { completed: 1, stoodDown: 2, arrests: 4, potentialVictimsSafeguarded: 9, nrmReferrals: 6, premisesVisited: 3 };
    expect(body.outcomesPerMonth.months).toEqual([
      { month: lastMonth, ...counted },
      { month: thisMonth, ...noOutcomes },
    ]);
    expect(body.outcomesPerMonth.total).toEqual({ month: `${lastMonth} to ${thisMonth}`, ...counted });
    expect(body.outcomesPerMonth.summary).toBe(
      '1 day of action completed and 2 stood down (with the outcomes so far): 4 arrests, 9 potential victims safeguarded, 6 NRM referrals and 3 premises visited.',
    );
    expect(body.plansPerMonth.months[0].byStatus).toEqual({ ...zeroStatuses, COMPLETED: 1, STOOD_DOWN: 2 });

    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, '/dashboard?months=2')).text;
    const head = /<table[^>]*data-section="outcomes"[^>]*>[\s\S]*?<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
    expect([...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => cell[1].trim())).toEqual([
      'Month',
      'Completed',
      'Stood down',
      'Arrests',
      'Potential victims safeguarded',
      'NRM referrals',
      'Premises visited',
    ]);
    expect(tableOf(html, 'outcomes')[0]).toEqual([monthName(lastMonth), '1', '2', '4', '9', '6', '3']);
    expect(html).toContain('Outcomes of the days of action completed, and the outcomes so far of those stood down');
    const csv = csvRows((await page(session, `/dashboard/outcomes.csv?from=${lastMonth}&to=${thisMonth}`)).text);
    expect(csv.slice(1)).toEqual([`${lastMonth},1,2,4,9,6,3`, `${thisMonth},0,0,0,0,0,0`]);
  });

  it('counts for a manager every plan they may see (R14), for a coordinator only what their agency owns or supports, and nothing of other agencies', async () => {
    const { owner, stranger } = await history();
    const coordinator = (await dashboard(owner.auth, '?months=3').expect(200)).body;
    const manager = (await dashboard(owner.manager, '?months=3').expect(200)).body;
    expect(manager.scope.basis).toBe('VISIBLE');
    // The draft the owner handed to the stranger's lead: its managers still see it (their agency created it); its coordinators do not count it.
    expect(manager.plansPerMonth.months[0]).toEqual({
      month: twoAgo,
      total: 2,
      led: 1,
      supported: 0,
      byStatus: { ...zeroStatuses, DRAFT: 2 },
    });
    expect(coordinator.plansPerMonth.months[0]).toMatchObject({ total: 1, led: 1 });
    expect(manager.plansPerMonth.months[1]).toEqual(coordinator.plansPerMonth.months[1]);
    // The stranger's own plan last month is nowhere in the owner's numbers, and the owner's in none of the stranger's manager's.
    expect(manager.plansPerMonth.total).toBe(4);
    const strangerManager = {
      Authorization: `Bearer ${await login(t.http, await createUser(t.dataSource, stranger.agency, ['MANAGER']))}`,
    };
    const theirs = (await dashboard(strangerManager, '?months=3').expect(200)).body;
    expect(theirs.plansPerMonth.months.map((m: { total: number }) => m.total)).toEqual([1, 1, 0]);
    expect(theirs.cpsLeadTime.plans).toBe(0);
    expect(theirs.outcomesPerMonth.total.arrests).toBe(0);
  });

  it('counts the plans starting in the next 30 days under each check they fail, as GET /operations/:id/readiness reports it, and a ready plan as ready', async () => {
    const owner = await s.owner();
    const partner = await s.partner('HMRC');
    const stranger = await s.owner();
    const window = (days: number) => ({
      startsAt: new Date(Date.now() + days * DAY).toISOString(),
      endsAt: new Date(Date.now() + days * DAY + 10 * HOUR).toISOString(),
    });

    const ready = await s.plan(owner, { stage: 'ready', body: window(10) });
    const bare = await s.draft(owner, { ...window(12), locations: [] });
    const postcode = randomPostcode();
    const troubled = await s.plan(owner, {
      stage: 'ready',
      body: { ...window(14), locations: [{ label: 'Yard', address: '1 Canal Side', postcode }] },
    });
    // A request to a partner still waiting, an essential requirement with no team, and a stranger's plan at the same place and time.
    await s
      .post(owner.auth, `/operations/${troubled.id}/deployments`, {
        teamId: partner.team.id,
        headcount: 1,
        version: await versionOf(owner.auth, troubled.id),
      })
      .expect(201);
    const liaison = await s.liaison();
    await s
      .post(liaison.auth, `/operations/${troubled.id}/evidence-requirements`, {
        offence: 'MSA_S2_HUMAN_TRAFFICKING',
        evidenceType: 'DOCUMENTS',
        description: 'Travel documents',
        priority: 'ESSENTIAL',
        version: await versionOf(owner.auth, troubled.id),
      })
      .expect(201);
    await s.draft(stranger, { ...window(14), locations: [{ label: 'Their yard', address: '1 Canal Side', postcode }] });
    // Starting later than 30 days, already cancelled, or stood down (it starts in two hours): not counted.
    await s.draft(owner, window(40));
    const cancelled = await s.draft(owner, window(5));
    await s
      .post(owner.auth, `/operations/${cancelled.id}/cancel`, { version: cancelled.version, reason: 'Intelligence went stale' })
      .expect(200);
    const stoodDown = await s.plan(owner, { stage: 'active' });
    await s
      .post(owner.auth, `/operations/${stoodDown.id}/stand-down`, { version: stoodDown.version, reason: 'The subjects have gone' })
      .expect(200);

    const failingPerApi = new Map<string, string[]>();
    for (const plan of [ready, bare, troubled]) {
      const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
      failingPerApi.set(
        plan.id,
        readiness.checks.filter((c: { ok: boolean; blocking: boolean }) => !c.ok && c.blocking).map((c: { id: string }) => c.id),
      );
      if (plan === ready) expect(readiness.ready).toBe(true);
    }
    expect(failingPerApi.get(bare.id)).toEqual(
      expect.arrayContaining(['lead-agency', 'locations', 'confirmed-deployment', 'cps-engaged', 'evidence-requirements', 'safeguarding']),
    );
    expect(failingPerApi.get(troubled.id)).toEqual(
      expect.arrayContaining(['no-pending-requests', 'essential-evidence-assigned', 'deconfliction']),
    );

    const body = (await dashboard(owner.auth).expect(200)).body.readiness;
    expect(body).toMatchObject({ windowDays: 30, plans: 3, ready: 1 });
    const counted = Object.fromEntries(body.checks.map((c: { id: string; failing: number }) => [c.id, c.failing]));
    for (const check of DASHBOARD_CHECKS) {
      const perApi = [...failingPerApi.values()].filter((failing) => failing.includes(check.id)).length;
      expect({ check: check.id, failing: counted[check.id] }).toEqual({ check: check.id, failing: perApi });
      expect(perApi).toBeGreaterThan(0);
    }
    expect(body.checks.map((c: { failing: number }) => c.failing)).toEqual(
      [...body.checks.map((c: { failing: number }) => c.failing)].sort((a, b) => b - a),
    );
    expect(body.checks.find((c: { id: string }) => c.id === 'cps-engaged').title).toBe('Engage the CPS early');
  });

  it('refuses a period it cannot show with 400, and anyone but managers and coordinators with 403', async () => {
    const owner = await s.owner();
    const defaults = (await dashboard(owner.auth).expect(200)).body;
    expect(defaults.period).toEqual({ from: addMonths(thisMonth, -11), to: thisMonth, months: 12 });
    expect(defaults.plansPerMonth.months).toHaveLength(12);
    expect((await dashboard(owner.auth, '?from=2026-01&to=2026-03').expect(200)).body.period).toEqual({
      from: '2026-01',
      to: '2026-03',
      months: 3,
    });
    expect((await dashboard(owner.auth, '?to=2026-03').expect(200)).body.period).toEqual({ from: '2025-04', to: '2026-03', months: 12 });
    for (const query of [
      '?months=0',
      '?months=37',
      '?months=two',
      '?from=2026-13',
      '?from=26-01',
      '?from=2026-05&to=2026-01',
      '?from=2023-01&to=2026-01',
      '?months=3&from=2026-01',
      '?limit=3',
    ]) {
      const refused = await dashboard(owner.auth, query).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    }
    expect((await dashboard(owner.auth, '?from=2023-01&to=2026-01').expect(400)).body.message).toContain('at most 36 months');
    const admin = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
    expect((await dashboard(admin.auth).expect(403)).body.code).toBe('FORBIDDEN');
    const liaison = await s.liaison();
    await dashboard(liaison.auth).expect(403);
    await t.http().get('/dashboard').expect(401);
    // In the browser: the navigation offers the dashboard to managers and coordinators only, and the page refuses anyone else.
    const adminSession = await webSignIn(t.http, admin.user.email);
    expect((await page(adminSession, '/')).text).not.toContain('href="/dashboard"');
    expect((await page(adminSession, '/dashboard', 403)).text).toContain('<title>You cannot do this – Day of action planner</title>');
    expect((await page(await webSignIn(t.http, owner.user.email), '/')).text).toContain('href="/dashboard"');
  });

  it('shows the same numbers in the page’s tables as GET /dashboard gives, to a browser at the same address', async () => {
    const { owner } = await history();
    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, '/dashboard?months=3').expect('content-type', /text\/html/)).text;
    const json = (
      await dashboard(owner.auth, '?months=3')
        .expect(200)
        .expect('content-type', /application\/json/)
    ).body;
    expect(html).toContain('<h1 class="govuk-heading-l">Dashboard</h1>');
    expect((html.match(/<svg [^>]*role="img"/g) ?? []).length).toBe(5);

    const plans = tableOf(html, 'plans');
    expect(plans.map((row) => row.slice(1).map(numberIn))).toEqual(
      json.plansPerMonth.months.map((m: { total: number; led: number; supported: number; byStatus: Record<string, number> }) => [
        m.total,
        m.led,
        m.supported,
        ...Object.values(m.byStatus),
      ]),
    );
    const outcomesTable = tableOf(html, 'outcomes');
    expect(outcomesTable.map((row) => row.slice(1).map(numberIn))).toEqual(
      [...json.outcomesPerMonth.months, json.outcomesPerMonth.total].map((m: Record<string, number>) => [
        m.completed,
        m.stoodDown,
        m.arrests,
        m.potentialVictimsSafeguarded,
        m.nrmReferrals,
        m.premisesVisited,
      ]),
    );
    const lead = tableOf(html, 'cps-lead-time');
    expect(lead.slice(0, 5).map((row) => numberIn(row[1]))).toEqual(json.cpsLeadTime.buckets.map((b: { plans: number }) => b.plans));
    const partners = tableOf(html, 'partner-response');
    expect(partners.map((row) => row.slice(1).map(numberIn))).toEqual(
      json.partnerResponse.agencies.map((a: { answered: number; medianHours: number; p90Hours: number }) => [
        a.answered,
        a.medianHours,
        a.p90Hours,
      ]),
    );
    const readiness = tableOf(html, 'readiness');
    expect(readiness.map((row) => [row[0], numberIn(row[1])])).toEqual(
      json.readiness.checks.map((c: { title: string; failing: number }) => [c.title, c.failing]),
    );
    for (const section of ['plansPerMonth', 'cpsLeadTime', 'readiness', 'partnerResponse', 'outcomesPerMonth'])
      expect(html).toContain(json[section].summary);

    // Without a session or a token: a browser is sent to sign in, an API client told to sign in.
    const anonymous = await t.http().get('/dashboard').set('Accept', 'text/html').expect(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fdashboard');
    expect((await t.http().get('/dashboard').expect(401)).body.code).toBe('UNAUTHENTICATED');
    // A client with a bearer token gets JSON whatever it accepts.
    expect(
      (
        await dashboard(owner.auth, '?months=3')
          .set('Accept', 'text/html')
          .expect(200)
          .expect('content-type', /application\/json/)
      ).body.period.months,
    ).toBe(3);
    const period = await page(session, '/dashboard?from-month=13&from-year=2026', 400);
    expect(period.text).toContain('The first month must be a real month');
  });

  it('reads the whole dashboard in three statements: one to identify the caller, one for the period, one for the plans starting soon', async () => {
    const owner = await s.owner();
    await dashboard(owner.auth, '?months=24').expect(200);
    // Counted where statements reach Postgres: the caller's is a named statement, which goes to pg without TypeORM's query.
    const spy = jest.spyOn(Client.prototype, 'query');
    let statements: string[];
    try {
      await dashboard(owner.auth, '?months=24').expect(200);
      statements = spy.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text));
    } finally {
      spy.mockRestore();
    }
    expect(statements).toHaveLength(3);
    expect(statements.filter((text) => text.includes('FROM operations o'))).toHaveLength(2);
  });

  describe('CSV downloads', () => {
    it('downloads the outcomes per month of the period, as the table shows them, with a byte order mark', async () => {
      const { owner } = await history();
      const session = await webSignIn(t.http, owner.user.email);
      const html = (await page(session, '/dashboard?months=3')).text;
      const href = `/dashboard/outcomes.csv?from=${twoAgo}&to=${thisMonth}`;
      expect(html).toContain(`href="${href.replace(/&/g, '&amp;')}"`);
      const csv = await page(session, href);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="outcomes-${twoAgo}-to-${thisMonth}.csv"`);
      expect(csv.text.startsWith(BOM)).toBe(true);
      expect(csvRows(csv.text)).toEqual([
        'Month,Days of action completed,Days of action stood down,Arrests,Potential victims safeguarded,NRM referrals,Premises visited',
        `${twoAgo},0,0,0,0,0,0`,
        `${lastMonth},1,0,3,7,5,2`,
        `${thisMonth},0,0,0,0,0,0`,
      ]);
      await page(session, '/dashboard/outcomes.csv?months=99', 400);
    });

    it('downloads every plan the list’s filters match, not one page, only those the user may see, with formulas neutralised', async () => {
      const owner: Owner = await s.owner();
      const stranger = await s.owner();
      const theirs = await s.draft(stranger, { name: 'Not for them' });
      const formula = await s.draft(owner, { name: '=HYPERLINK("http://example.com/x","Open")' });
      const plans: Plan[] = [formula];
      for (let i = 0; i < 21; i++) plans.push(await s.draft(owner, { name: i % 2 ? `+Plan ${i}` : `Plan ${i}` }));
      const session = await webSignIn(t.http, owner.user.email);

      const list = await page(session, '/plans');
      expect(list.text).toContain('href="/plans/export.csv"');
      expect((await page(session, '/plans?q=HYPERLINK')).text).toContain('href="/plans/export.csv?q=HYPERLINK"');

      const csv = await page(session, '/plans/export.csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="plans-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(csv.text.startsWith(BOM)).toBe(true);
      const rows = csvRows(csv.text);
      expect(rows[0]).toBe('OFFICIAL-SENSITIVE');
      expect(rows[1]).toBe('Reference,Name,Protective marking,Status,Lead agency,Starts (UK time),Ends (UK time),Exploitation types,Scope');
      expect(rows).toHaveLength(2 + plans.length);
      expect(csv.text).not.toContain(theirs.reference);
      const formulaRow = rows.find((row) => row.startsWith(`${formula.reference},`));
      expect(formulaRow).toMatch(
        /^OP-\d{4}-\d+,"'=HYPERLINK\(""http:\/\/example\.com\/x"",""Open""\)",OFFICIAL-SENSITIVE,Draft,,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2},Labour exploitation,Local$/,
      );
      for (const row of rows.slice(2)) expect(row.split(',')[1]).not.toMatch(/^[=+\-@]/);
      expect(rows.filter((row) => row.includes(",'+Plan "))).toHaveLength(10);

      const filtered = csvRows((await page(session, '/plans/export.csv?q=HYPERLINK')).text);
      expect(filtered).toHaveLength(3);
      expect(csvRows((await page(session, '/plans/export.csv?status=SUBMITTED')).text)).toHaveLength(1);
      const refused = await page(session, '/plans/export.csv?from-day=31&from-month=2&from-year=2027', 400);
      expect(refused.text).toContain('There is a problem');

      const strangerCsv = (await page(await webSignIn(t.http, stranger.user.email), '/plans/export.csv')).text;
      expect(strangerCsv).toContain(theirs.reference);
      expect(strangerCsv).not.toContain(formula.reference);
    });
  });
});
