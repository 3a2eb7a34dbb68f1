import { ukLocalTime } from '../../src/common/uk-time';
import { randomPostcode } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

describe('Web pages: the forms of a plan’s sections', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const locationsOf = async (id: string) =>
    (await t.dataSource.query(`SELECT label, postcode FROM operation_locations WHERE operation_id = $1 ORDER BY position`, [id])) as {
      label: string;
      postcode: string;
    }[];

  it('adds, changes and removes locations, one form at a time', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { locations: [{ label: 'Car wash', address: '1 High Street', postcode: 'B11 1AA' }] });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/locations`;
    let html = (await page(session, path)).text;
    await post(session, path, {
      ...drawnAt(html),
      'location-label': 'Flat above',
      'location-address': '1a High Street',
      'location-postcode': 'b11 1ab',
    }).expect(303);
    expect(await locationsOf(plan.id)).toEqual([
      { label: 'Car wash', postcode: 'B11 1AA' },
      { label: 'Flat above', postcode: 'B11 1AB' },
    ]);

    html = (await page(session, `${path}?change=0`)).text;
    expect(valueOf(html, 'location-label')).toBe('Car wash');
    await post(session, path, {
      ...drawnAt(html),
      index: '0',
      'location-label': 'Car wash, rear unit',
      'location-address': '1 High Street',
      'location-postcode': 'B11 1AA',
    }).expect(303);
    html = (await page(session, path)).text;
    const bad = await post(session, path, {
      ...drawnAt(html),
      'location-label': 'Yard',
      'location-address': 'Mill Lane',
      'location-postcode': 'nowhere',
    }).expect(400);
    expect(errorSummaryOf(bad.text)).toEqual([expect.stringMatching(/postcode/i)]);
    expect(bad.text).toContain('href="#location-postcode"');
    expect(bad.text).toContain('value="nowhere"');
    await post(session, path, { ...drawnAt(html), remove: '1' }).expect(303);
    expect(await locationsOf(plan.id)).toEqual([{ label: 'Car wash, rear unit', postcode: 'B11 1AA' }]);
  });

  it('requests a team, showing whether each is free in the window, and releases it', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const busy = await s.draft(await s.owner());
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    // The partner's team is confirmed on another plan in the same window.
    await t.dataSource.query(
      `INSERT INTO deployments (operation_id, team_id, team_agency_id, headcount, tasking, starts_at, ends_at, follows_operation_window, status, requested_by, responded_by, responded_at)
       SELECT $1, $2, $3, 1, '', $4, $5, false, 'CONFIRMED', created_by, created_by, now() FROM operations WHERE id = $1`,
      [busy.id, partner.team.id, partner.agency.id, plan.startsAt, plan.endsAt],
    );
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/teams`;
    let html = (await page(session, path)).text;
    expect(html).toMatch(
      new RegExp(
        `${partner.team.name} \\(${partner.agency.code}\\)\\s*</label>\\s*<div[^>]*>\\s*Tax compliance\\. 10 officers\\. Confirmed for another plan at this time`,
      ),
    );
    expect(html).toMatch(
      new RegExp(
        `${owner.team.name} \\(${owner.agency.code}\\)\\s*</label>\\s*<div[^>]*>\\s*Entry, Safeguarding, Interpreting\\. 10 officers\\. Free in this plan’s window`,
      ),
    );
    const tooMany = await post(session, path, { ...drawnAt(html), teamId: owner.team.id, headcount: '11' }).expect(400);
    expect(errorSummaryOf(tooMany.text)[0]).toMatch(/has 10 officers/);
    await post(session, path, { ...drawnAt(html), teamId: owner.team.id, headcount: '2', tasking: 'Entry' }).expect(303);
    html = (await page(session, path)).text;
    const [deployment] = await t.dataSource.query(`SELECT id, status FROM deployments WHERE operation_id = $1`, [plan.id]);
    expect(deployment.status).toBe('CONFIRMED');
    await post(session, `${path}/release`, { ...drawnAt(html), deploymentId: deployment.id }).expect(303);
    const [released] = await t.dataSource.query(`SELECT status FROM deployments WHERE id = $1`, [deployment.id]);
    expect(released.status).toBe('RELEASED');
  });

  it('requests a team for only part of the plan’s window, in UK time', async () => {
    const owner = await s.owner();
    const start = new Date(Date.now() + 40 * 24 * 3600_000);
    start.setUTCHours(5, 0, 0, 0);
    const plan = await s.draft(owner, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 12 * 3600_000).toISOString() });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/teams`;
    const html = (await page(session, path)).text;
    const local = ukLocalTime(start);
    const day = { day: String(local.day), month: String(local.month), year: String(local.year) };
    const part = {
      ...{ 'startsAt-day': day.day, 'startsAt-month': day.month, 'startsAt-year': day.year },
      ...{ 'endsAt-day': day.day, 'endsAt-month': day.month, 'endsAt-year': day.year },
    };
    const badTime = await post(session, path, {
      ...drawnAt(html),
      teamId: owner.team.id,
      headcount: '2',
      ...part,
      'startsAt-time': '9',
      'endsAt-time': '11:00',
    }).expect(400);
    expect(errorSummaryOf(badTime.text)).toEqual(['Enter the start time as hours and minutes, for example 05:30 or 0530']);
    const startTime = `${String(local.hour + 2).padStart(2, '0')}:00`;
    const endTime = `${String(local.hour + 4).padStart(2, '0')}:00`;
    await post(session, path, {
      ...drawnAt(html),
      teamId: owner.team.id,
      headcount: '2',
      ...part,
      'startsAt-time': startTime,
      'endsAt-time': endTime,
    }).expect(303);
    const [deployment] = await t.dataSource.query(
      `SELECT starts_at, ends_at, follows_operation_window FROM deployments WHERE operation_id = $1`,
      [plan.id],
    );
    expect(new Date(deployment.starts_at).getTime() - start.getTime()).toBe(2 * 3600_000);
    expect(new Date(deployment.ends_at).getTime() - start.getTime()).toBe(4 * 3600_000);
    expect(deployment.follows_operation_window).toBe(false);
  });

  it('requests early CPS involvement with the date advice is needed by, and withdraws it', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/cps`;
    let html = (await page(session, path)).text;
    const missing = await post(session, path, {
      ...drawnAt(html),
      note: '',
      'adviceNeededBy-day': '',
      'adviceNeededBy-month': '',
      'adviceNeededBy-year': '',
    }).expect(400);
    expect(errorSummaryOf(missing.text)).toEqual([
      'Enter a note telling the CPS what the operation needs advice on',
      'Enter the date advice is needed by, a real date from today up to the day of action',
    ]);
    const by = new Date(Date.now() + 2 * 24 * 3600_000);
    await post(session, path, {
      ...drawnAt(html),
      note: 'Charging advice',
      'adviceNeededBy-day': String(by.getUTCDate()),
      'adviceNeededBy-month': String(by.getUTCMonth() + 1),
      'adviceNeededBy-year': String(by.getUTCFullYear()),
    }).expect(303);
    html = (await page(session, path)).text;
    expect(html).toContain('Charging advice');
    await post(session, `${path}/withdraw`, drawnAt(html)).expect(303);
    const [cps] = await t.dataSource.query(`SELECT status FROM cps_involvements WHERE operation_id = $1`, [plan.id]);
    expect(cps.status).toBe('WITHDRAWN');
  });

  it('acknowledges a deconfliction hit with a note, which is required', async () => {
    const postcode = randomPostcode();
    const place = [{ label: 'Yard', address: '1 Mill Lane', postcode }];
    const theirs = await s.owner('NCA');
    await s.draft(theirs, { locations: place });
    const owner = await s.owner();
    const plan = await s.draft(owner, { locations: place });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/conflicts`;
    let html = (await page(session, path)).text;
    expect(html).toContain('To acknowledge');
    const hitId = valueOf(html, 'hitId');
    const empty = await post(session, path, { ...drawnAt(html), hitId, note: ' ' }).expect(400);
    expect(errorSummaryOf(empty.text)).toEqual(['Enter a note saying how the clash is resolved']);
    expect(empty.text).toContain(`href="#note-${hitId}"`);
    await post(session, path, { ...drawnAt(html), hitId, note: 'Spoke to the NCA lead: we go in two hours later' }).expect(303);
    html = (await page(session, path)).text;
    expect(html).toContain('Acknowledged');
    expect(html).toContain('Spoke to the NCA lead: we go in two hours later');
  });

  it('lists the plans a user may see, filtered by status and dates, twenty a page', async () => {
    const owner = await s.owner();
    const plans = [];
    for (let i = 0; i < 21; i++) plans.push(await s.draft(owner, { name: `Paged ${owner.agency.code} ${i}` }));
    const newestFirst = plans.map((plan) => plan.reference).reverse();
    const session = await webSignIn(t.http, owner.user.email);
    const listed = (html: string) => [...html.matchAll(/href="\/plans\/(OP-[\d-]+)"/g)].map((match) => match[1]);
    const first = (await page(session, `/plans?q=Paged+${owner.agency.code}`)).text;
    expect(listed(first)).toEqual(newestFirst.slice(0, 20));
    const next = /href="(\/plans\?[^"]*cursor=[^"]+)"/.exec(first)![1].replace(/&amp;/g, '&');
    const second = (await page(session, next)).text;
    expect(listed(second)).toEqual(newestFirst.slice(20));
    expect(second).toContain(`href="/plans?q=Paged+${owner.agency.code}"`);
    const start = new Date(plans[0].startsAt);
    const [from, to] = [new Date(start.getTime() + 2 * 24 * 3600_000), new Date(start.getTime() - 2 * 24 * 3600_000)];
    const day = (prefix: string, date: Date) =>
      `${prefix}-day=${date.getUTCDate()}&${prefix}-month=${date.getUTCMonth() + 1}&${prefix}-year=${date.getUTCFullYear()}`;
    expect(listed((await page(session, `/plans?q=Paged+${owner.agency.code}&${day('from', from)}`)).text)).toEqual([]);
    expect(listed((await page(session, `/plans?q=Paged+${owner.agency.code}&${day('to', to)}`)).text)).toEqual([]);
    expect(
      listed((await page(session, `/plans?q=Paged+${owner.agency.code}&${day('from', start)}&${day('to', start)}&status=DRAFT`)).text),
    ).toHaveLength(20);
    expect(listed((await page(session, `/plans?q=Paged+${owner.agency.code}&status=APPROVED`)).text)).toEqual([]);
    const wrong = await page(session, `/plans?from-day=31&from-month=2&from-year=2027&status=NOPE`, 400);
    expect(errorSummaryOf(wrong.text)).toEqual([
      'The first date must be a real date, for example 1 3 2027',
      'Select a status from the list',
    ]);
  });
});
