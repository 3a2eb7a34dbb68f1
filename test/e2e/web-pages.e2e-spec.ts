import { createAgency, createUser } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { browserOf, errorSummaryOf, newPlanForm, valueOf, webSignIn } from '../support/browser-session';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('Web pages: what each page shows and how its forms answer', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);

  it('shows a plan of another agency to nobody: the 404 page, and no entry in their list', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const stranger = await s.owner();
    const theirs = await webSignIn(t.http, stranger.user.email);
    for (const path of ['', '/details', '/teams', '/history', '/briefing', '/briefing/pack.md']) {
      const refused = await page(theirs, `/plans/${plan.reference}${path}`, 404);
      expect(refused.text).toContain('<title>Page not found – Day of action planner</title>');
      expect(refused.text).not.toContain(plan.name);
    }
    expect((await page(theirs, `/plans?q=${plan.reference}`)).text).not.toContain(`href="/plans/${plan.reference}"`);
    await post(theirs, `/plans/${plan.reference}/details`, { version: String(plan.version), name: 'Taken over' }).expect(404);
    await page(theirs, '/plans/OP-1999-0001', 404);
    await page(theirs, '/plans/not-a-reference', 404);
    const mine = await webSignIn(t.http, owner.user.email);
    expect((await page(mine, `/plans?q=${plan.reference}`)).text).toContain(`href="/plans/${plan.reference}"`);
  });

  it('answers a browser at an address that does not exist with the 404 page, and an API client with JSON', async () => {
    const page404 = await t.http().get('/plan/typo').set('Accept', 'text/html,application/xhtml+xml').expect(404);
    expect(page404.headers['content-type']).toContain('text/html');
    expect(page404.text).toContain('<title>Page not found – Day of action planner</title>');
    const json = await t.http().get('/plan/typo').expect(404);
    expect(json.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('enters times in UK time across the October clock change, and shows them with GMT or BST named', async () => {
    const owner = await s.owner();
    const session = await webSignIn(t.http, owner.user.email);
    const year = new Date().getUTCFullYear() + 1;
    const lastSundayOfOctober = 31 - new Date(Date.UTC(year, 9, 31)).getUTCDay();
    const day = String(lastSundayOfOctober);
    const created = await post(session, '/plans/new', {
      name: 'Clock change',
      exploitationTypes: ['LABOUR', 'CRIMINAL'],
      scope: 'LOCAL',
      ...{ 'startsAt-day': day, 'startsAt-month': '10', 'startsAt-year': String(year), 'startsAt-time': '00:30' },
      ...{ 'endsAt-day': day, 'endsAt-month': '10', 'endsAt-year': String(year), 'endsAt-time': '03:30' },
      expectedPotentialVictims: '4',
      languages: 'Romanian, Polish',
    }).expect(303);
    const reference = /\/plans\/(OP-[\d-]+)/.exec(created.headers.location)![1];
    const [row] = await t.dataSource.query(`SELECT starts_at, ends_at, exploitation_types FROM operations WHERE reference = $1`, [
      reference,
    ]);
    // 00:30 BST is 23:30 UTC the day before; 03:30 GMT (after the clocks go back at 02:00 BST) is 03:30 UTC: four hours.
    expect(new Date(row.starts_at).toISOString()).toBe(new Date(Date.UTC(year, 9, lastSundayOfOctober - 1, 23, 30)).toISOString());
    expect(new Date(row.ends_at).toISOString()).toBe(new Date(Date.UTC(year, 9, lastSundayOfOctober, 3, 30)).toISOString());
    const shown = (await page(session, created.headers.location)).text;
    expect(shown).toContain(`${day} October ${year} at 00:30 BST to`);
    expect(shown).toContain(`${day} October ${year} at 03:30 GMT`);
    expect(shown).toContain('Labour exploitation, Criminal exploitation');
    const details = (await page(session, `/plans/${reference}/details`)).text;
    expect(valueOf(details, 'startsAt-time')).toBe('00:30');
  });

  it('shows a form’s problems in the error summary linked to each field, keeping what was typed', async () => {
    const owner = await s.owner();
    const session = await webSignIn(t.http, owner.user.email);
    const year = String(new Date().getUTCFullYear() + 1);
    const refused = await post(session, '/plans/new', {
      name: '  ',
      scope: 'LOCAL',
      ...{ 'startsAt-day': '31', 'startsAt-month': '2', 'startsAt-year': year, 'startsAt-time': '05:00' },
      ...{ 'endsAt-day': '1', 'endsAt-month': '3', 'endsAt-year': year, 'endsAt-time': '25:00' },
      'location-label': 'Yard',
      'location-address': '1 Mill Lane',
      'location-postcode': 'not a postcode',
      expectedPotentialVictims: 'lots',
    }).expect(400);
    expect(errorSummaryOf(refused.text)).toEqual([
      'Enter a name for the operation',
      'Select at least one type of exploitation',
      'The start date must be a real date',
      'Enter the end time as hours and minutes, for example 05:30 or 0530',
      expect.stringMatching(/postcode/i),
      'Enter the expected number of potential victims as a whole number from 0 to 10000',
    ]);
    for (const href of ['#name', '#exploitationTypes', '#startsAt-day', '#endsAt-time', '#location-postcode', '#expectedPotentialVictims'])
      expect(refused.text).toContain(`href="${href}"`);
    expect(refused.text).toContain('value="not a postcode"');
    expect(refused.text).toContain('value="Yard"');
    expect(refused.text).toMatch(/<input[^>]*id="scope"[^>]*value="LOCAL" checked/);
    const skipped = await post(session, '/plans/new', {
      name: 'Skipped hour',
      exploitationTypes: 'LABOUR',
      scope: 'LOCAL',
      ...{ 'startsAt-day': '28', 'startsAt-month': '3', 'startsAt-year': '2032', 'startsAt-time': '01:30' },
      ...{ 'endsAt-day': '28', 'endsAt-month': '3', 'endsAt-year': '2032', 'endsAt-time': '09:00' },
    }).expect(400);
    expect(errorSummaryOf(skipped.text)).toEqual([
      'The start time does not exist in the UK that day: the clocks go forward from 01:00 to 02:00',
    ]);
  });

  it('lists every agency the policy refuses as lead with the rule’s reason, not as a choice, and a forged choice as an error summary', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { exploitationTypes: ['SEXUAL'] });
    const session = await webSignIn(t.http, owner.user.email);
    const hmrc = await createAgency(t.dataSource, { kind: 'HMRC' });
    const lead = (await page(session, `/plans/${plan.reference}/lead`)).text;
    expect(lead).not.toContain(`value="${hmrc.id}"`);
    const refused = await post(session, `/plans/${plan.reference}/lead`, {
      version: String(plan.version),
      seen: valueOf(lead, 'seen'),
      agencyId: hmrc.id,
    }).expect(400);
    const [reason] = errorSummaryOf(refused.text);
    expect(reason).toMatch(/HMRC|HM Revenue/);
    const listed = new RegExp(`${hmrc.code}\\)\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*([^<]+?)\\s*</dd>`).exec(lead)?.[1];
    expect(listed).toBe(reason);
    const [own] = await t.dataSource.query(`SELECT lead_agency_id FROM operations WHERE id = $1`, [plan.id]);
    expect(own.lead_agency_id).toBeNull();
    await post(session, `/plans/${plan.reference}/lead`, { version: String(plan.version), agencyId: owner.agency.id }).expect(303);
  });

  it('never overwrites a newer plan: a stale edit keeps what was typed and shows what the other person changed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Before' });
    const first = await webSignIn(t.http, owner.user.email);
    const details = (await page(first, `/plans/${plan.reference}/details`)).text;
    await s
      .patch(owner.auth, `/operations/${plan.id}`, {
        version: plan.version,
        name: 'Changed by a colleague',
        briefing: { risk: 'Dogs on site' },
      })
      .expect(200);
    const form = {
      version: valueOf(details, 'version'),
      seen: valueOf(details, 'seen'),
      drawn: valueOf(details, 'drawn'),
      name: 'My own name',
      exploitationTypes: 'LABOUR',
      scope: 'LOCAL',
      'startsAt-day': valueOf(details, 'startsAt-day'),
      'startsAt-month': valueOf(details, 'startsAt-month'),
      'startsAt-year': valueOf(details, 'startsAt-year'),
      'startsAt-time': valueOf(details, 'startsAt-time'),
      'endsAt-day': valueOf(details, 'endsAt-day'),
      'endsAt-month': valueOf(details, 'endsAt-month'),
      'endsAt-year': valueOf(details, 'endsAt-year'),
      'endsAt-time': valueOf(details, 'endsAt-time'),
      'briefing-method': 'Entry at dawn through the rear gate',
    };
    const stale = await post(first, `/plans/${plan.reference}/details`, form).expect(400);
    expect(errorSummaryOf(stale.text)[0]).toMatch(/^Someone else changed this plan after you opened this page\. Nothing has been saved/);
    expect(stale.text).toContain('value="My own name"');
    expect(stale.text).toContain('Entry at dawn through the rear gate');
    expect(stale.text).toContain('Name: Before → Changed by a colleague');
    expect(stale.text).toContain('Briefing, Risk assessment: none → Dogs on site');
    // Both changed the name: side by side, with a choice; the colleague's risk section, which this user left alone, is taken as it is now.
    expect(stale.text).toContain('Name of the operation: you and someone else both changed this');
    expect(stale.text).toMatch(/value="yours"[^>]*checked[\s\S]*Yours: My own name/);
    expect(stale.text).toContain('Now: Changed by a colleague');
    expect(stale.text).toContain('Dogs on site</textarea>');
    const [row] = await t.dataSource.query(`SELECT name FROM operations WHERE id = $1`, [plan.id]);
    expect(row.name).toBe('Changed by a colleague');
    // Saving again from the redrawn form applies over the newest version, keeping the colleague's risk section.
    const again = {
      ...form,
      version: valueOf(stale.text, 'version'),
      seen: valueOf(stale.text, 'seen'),
      drawn: valueOf(stale.text, 'drawn'),
      'briefing-risk': 'Dogs on site',
      'choice-name': 'yours',
    };
    const saved = await post(first, `/plans/${plan.reference}/details`, again).expect(303);
    expect(saved.headers.location).toBe(`/plans/${plan.reference}?saved`);
    const [after] = await t.dataSource.query(`SELECT name, briefing FROM operations WHERE id = $1`, [plan.id]);
    expect(after.name).toBe('My own name');
    expect(after.briefing).toMatchObject({ risk: 'Dogs on site', method: 'Entry at dawn through the rear gate' });
  });

  it('refuses to submit a plan that is not ready, listing each thing to fix with a link to where it is fixed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const check = (await page(session, `/plans/${plan.reference}/submit`)).text;
    expect(check).toContain('Check your answers before submitting the plan');
    const refused = await post(session, `/plans/${plan.reference}/submit`, {
      version: valueOf(check, 'version'),
      seen: valueOf(check, 'seen'),
    }).expect(400);
    const problems = errorSummaryOf(refused.text);
    expect(problems).toContain('Choose a lead agency the policy permits: Choose a lead agency');
    expect(refused.text).toContain(`href="/plans/${plan.reference}/lead"`);
    expect(refused.text).toContain(`href="/plans/${plan.reference}/teams"`);
    const [row] = await t.dataSource.query(`SELECT status FROM operations WHERE id = $1`, [plan.id]);
    expect(row.status).toBe('DRAFT');
  });

  it('shows the briefing with plain labels for every code, and says who fills an empty section', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'ready', body: { briefing: { risk: '' } } });
    const session = await webSignIn(t.http, owner.user.email);
    const briefing = (await page(session, `/plans/${plan.reference}/briefing`)).text;
    expect(briefing).toContain('Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour');
    expect(briefing).toContain(
      `Not written yet: a coordinator of ${owner.agency.name} writes the risk assessment section on the plan&#39;s details.`,
    );
    expect(briefing).not.toMatch(/MSA_S\d|VICTIM_ACCOUNT|ESSENTIAL/);
    const pack = await page(session, `/plans/${plan.reference}/briefing/pack.md`);
    expect(pack.headers['content-disposition']).toBe(`attachment; filename="${plan.reference}-briefing.md"`);
    expect(pack.text).toContain('Modern Slavery Act 2015 s.1');
  });

  it('shows the history as a timeline: who, their agency, when, and each field before → after', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Old name' });
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'New name' }).expect(200);
    const session = await webSignIn(t.http, owner.user.email);
    const history = (await page(session, `/plans/${plan.reference}/history`)).text;
    expect(history).toContain('Changed the plan');
    expect(history).toContain('Created the plan');
    expect(history).toContain('Name: Old name → New name');
    expect(history).toContain(`${owner.user.name}, ${owner.agency.code}, `);
    expect(history.indexOf('Changed the plan')).toBeLessThan(history.indexOf('Created the plan'));
  });

  /** Whether the list row of the plan carries the "changed since you last looked" tag. */
  const marked = (html: string, reference: string) =>
    new RegExp(`href="/plans/${reference}"[\\s\\S]*?</tr>`).exec(html)![0].includes('Changed since you last looked');

  it('marks the plans others changed since the user last opened them', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: `Watched ${owner.agency.code}` });
    const untouched = await s.draft(owner, { name: `Watched ${owner.agency.code} too` });
    const session = await webSignIn(t.http, owner.user.email);
    const list = () => page(session, `/plans?q=Watched+${owner.agency.code}`).then((response) => response.text);
    // Opened from a link on the site, as the browser says in Sec-Fetch-Site.
    const open = (reference: string) => page(session, `/plans/${reference}`).set('Sec-Fetch-Site', 'same-origin');
    await open(plan.reference);
    await open(untouched.reference);
    expect(marked(await list(), plan.reference)).toBe(false);
    await s
      .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: `Watched ${owner.agency.code} (renamed)` })
      .expect(200);
    const after = await list();
    expect(marked(after, plan.reference)).toBe(true);
    expect(marked(after, untouched.reference)).toBe(false);
    await open(plan.reference);
    expect(marked(await list(), plan.reference)).toBe(false);
  });

  it('leaves the marker in place when the plan is opened from another site’s link, and clears it when the user opens it themselves', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: `Linked ${owner.agency.code}` });
    const session = await webSignIn(t.http, owner.user.email);
    const isMarked = async () => marked((await page(session, `/plans?q=Linked+${owner.agency.code}`)).text, plan.reference);
    const open = (fetchSite?: string) => {
      const request = page(session, `/plans/${plan.reference}`);
      return fetchSite ? request.set('Sec-Fetch-Site', fetchSite) : request;
    };
    let version = plan.version;
    const changeIt = async () => {
      version = (
        await s.patch(owner.auth, `/operations/${plan.id}`, { version, name: `Linked ${owner.agency.code} ${version}` }).expect(200)
      ).body.version;
    };
    await open('same-origin');
    await changeIt();
    expect(await isMarked()).toBe(true);
    // A page on another site, a sibling site, or a client that does not say where it came from: the plan is shown, but not as seen.
    for (const fetchSite of ['cross-site', 'same-site', undefined]) {
      expect((await open(fetchSite)).text).toContain(`Linked ${owner.agency.code} ${version - 1}`);
      expect(await isMarked()).toBe(true);
    }
    await open('same-origin');
    expect(await isMarked()).toBe(false);
    await changeIt();
    expect(await isMarked()).toBe(true);
    // Typed into the address bar or opened from a bookmark.
    await open('none');
    expect(await isMarked()).toBe(false);
  });

  it('answers a coordinator’s tasks with links to where each is done', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const tasks = (await page(session, '/')).text;
    expect(tasks).toContain(`<a class="govuk-link" href="/plans/${plan.reference}">${plan.reference}</a>`);
    expect(tasks).toContain('Finish the plan and submit it for review');
    expect(tasks).toMatch(/class="govuk-service-navigation__link" href="\/"[^>]*>\s*(<strong[^>]*>)?Your tasks \(1\)/);
    // A change the user makes counts at once.
    await post(session, '/plans/new', newPlanForm({ name: 'Second' })).expect(303);
    expect((await page(session, '/plans')).text).toContain('Your tasks (2)');
  });

  it('shows an unexpected failure as the 500 page naming the request id, with no stack', async () => {
    // A database of its own: the schema is broken on purpose, which must not reach tests running beside this one.
    const broken = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    try {
      const user = await createUser(broken.dataSource, await createAgency(broken.dataSource), ['COORDINATOR']);
      const session = await webSignIn(broken.http, user.email);
      await broken.dataSource.query(`ALTER TABLE operation_reference_counters RENAME TO operation_reference_counters_away`);
      const failed = await browserOf(() => broken.http)
        .post(session, '/plans/new', newPlanForm({ name: 'Doomed' }))
        .set('X-Request-Id', 'web-500-test')
        .expect(500);
      expect(failed.text).toContain('Sorry, there is a problem with the service');
      expect(failed.text).toContain('<strong>web-500-test</strong>');
      expect(failed.text).not.toMatch(/relation|operation_reference_counters|at .*\.ts:\d+/);
    } finally {
      await broken.close();
    }
  });
});
