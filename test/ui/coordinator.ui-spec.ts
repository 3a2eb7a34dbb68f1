import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ukDate, ukLocalTime } from '../../src/common/uk-time';
import { createAgency, createTeam, createUser, login, randomPostcode, TEST_PASSWORD } from '../factories';
import { Scenario } from '../factories/scenario';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';
import { expectNoAxeViolations, launchBrowser, newPage } from './support/browser';

/** Screenshots for the README, written only when asked: `SCREENSHOTS=1 npm test`. */
// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);
const SCREENSHOTS = process.env.SCREENSHOTS === '1' ? join(__dirname, '..', '..', 'docs', 'screenshots') : undefined;

describe('The web UI in a browser (Chromium, headless)', () => {
  let t: TestApp;
  let s: Scenario;
  let browser: Browser;
  let baseURL: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
    baseURL = await t.app.getUrl();
    browser = await launchBrowser();
    if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function open(javaScriptEnabled: boolean): Promise<Page> {
    const { context, page } = await newPage(browser, { javaScriptEnabled, baseURL });
    contexts.push(context);
    return page;
  }

  /** Every page a test visits is checked with axe-core (WCAG 2.2 AA): zero violations. */
  async function checked(page: Page, screenshot?: string): Promise<void> {
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').count()).toBe(1);
    await expect(page.title()).resolves.toMatch(/^(Error: )?.+ – Day of action planner$/);
    if (SCREENSHOTS && screenshot) await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`), fullPage: true });
  }

  async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
    await page.goto('/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await checked(page, 'sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Presses Tab until the focused element has this id or text: how a keyboard user gets there. */
  async function tabTo(page: Page, accessibleName: string, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      const focused = page.locator(':focus');
      const name = (await focused.count()) ? (await focused.getAttribute('id')) || (await focused.innerText()).trim() : '';
      if (name === accessibleName) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${accessibleName}`);
  }

  const heading = (page: Page) => page.locator('h1').innerText();

  it('takes a coordinator from a new plan to a submitted one with JavaScript off', async () => {
    // Named as people would be, since these pages are the README's screenshots.
    const agency = await createAgency(t.dataSource, { name: 'Metropolitan Police Service', kind: 'POLICE' });
    const coordinator = await createUser(t.dataSource, agency, ['COORDINATOR'], { name: 'Priya Shah' });
    const owner = {
      agency,
      team: await createTeam(t.dataSource, agency, {
        name: 'Modern Slavery Unit, team 2',
        capabilities: ['ENTRY', 'SAFEGUARDING', 'INTERPRETING'],
        capacity: 8,
      }),
    };
    const liaison = await s.liaison();
    const page = await open(false);
    await signIn(page, coordinator.email);
    await expect(heading(page)).resolves.toBe('Your tasks');
    await checked(page, 'your-tasks');

    await page.getByRole('link', { name: 'New plan', exact: true }).click();
    await checked(page, 'new-plan');
    const start = new Date(Date.now() + 30 * 24 * 3600_000);
    const day = ukLocalTime(start);
    await page.getByLabel('Name of the operation').fill('Operation Harbour: car washes');
    await page.getByLabel('Labour exploitation').check();
    await page.getByLabel('Local', { exact: true }).check();
    for (const [group, time] of [
      ['Start date', '05:00'],
      ['End date', '17:00'],
    ] as const) {
      const fields = page.getByRole('group', { name: group });
      await fields.getByLabel('Day').fill(String(day.day));
      await fields.getByLabel('Month').fill(String(day.month));
      await fields.getByLabel('Year').fill(String(day.year));
      await page.getByLabel(`${group.split(' ')[0]} time (UK time)`).fill(time);
    }
    await page.getByLabel('Label').fill('Car wash, rear unit');
    await page.getByLabel('Address').fill('12 Ladypool Road, Birmingham');
    await page.getByLabel('Postcode').fill(randomPostcode());
    await page.getByLabel('Expected number of potential victims').fill('3');
    await page.getByLabel('Languages they may speak').fill('Romanian');
    await page.getByLabel('Reception centre (optional)').fill('Sparkhill reception centre');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(heading(page)).resolves.toBe('Operation Harbour: car washes');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Plan created');
    const reference = (await page.locator('.govuk-caption-l').innerText()).trim();
    await checked(page, 'plan');

    await page.getByRole('link', { name: 'Details and briefing (IIMARCH)' }).click();
    await checked(page);
    for (const section of [
      'Information',
      'Intent',
      'Method',
      'Administration',
      'Risk assessment',
      'Communications',
      'Humanitarian issues',
    ]) {
      await page.getByLabel(section, { exact: true }).fill(`${section} for the day`);
    }
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(heading(page)).resolves.toBe('Operation Harbour: car washes');

    await page.getByRole('link', { name: 'Lead agency', exact: true }).click();
    await checked(page, 'lead-agency');
    await page.getByLabel(`${owner.agency.name} (${owner.agency.code})`).check();
    await page.getByRole('button', { name: 'Save lead agency' }).click();
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toContain(`${owner.agency.name} (${owner.agency.code})`);

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByLabel(`${owner.team.name} (${owner.agency.code})`).check();
    await page.getByLabel('Number of officers').fill('2');
    await page.getByLabel('Tasking (optional)').fill('Entry, safeguarding and interpreting');
    await page.getByRole('button', { name: 'Request team' }).click();
    await expect(page.locator('table').innerText()).resolves.toMatch(/Confirmed/);
    await checked(page, 'teams');

    await page.getByRole('link', { name: reference, exact: false }).first().click();
    await page.getByRole('link', { name: 'Early CPS involvement' }).click();
    await page.getByLabel('What does the operation need advice on?').fill('Charging the controllers under s.1 or s.2');
    const by = ukDate(new Date(Date.now() + 24 * 3600_000)).split('-');
    const adviceBy = page.getByRole('group', { name: 'Advice needed by' });
    await adviceBy.getByLabel('Day').fill(by[2]);
    await adviceBy.getByLabel('Month').fill(by[1]);
    await adviceBy.getByLabel('Year').fill(by[0]);
    await page.getByRole('button', { name: 'Request CPS involvement' }).click();
    await expect(page.locator('.govuk-summary-list').first().innerText()).resolves.toContain('Requested');
    await checked(page);

    // The CPS liaison's part, through the API: accept, then say what evidence a prosecution needs.
    const [plan] = await t.dataSource.query(`SELECT id, version FROM operations WHERE reference = $1`, [reference]);
    const engaged = (await s.post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: plan.version }).expect(200))
      .body;
    await s
      .post(liaison.auth, `/operations/${plan.id}/evidence-requirements`, {
        offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
        evidenceType: 'VICTIM_ACCOUNT',
        description: 'Accounts from the workers',
        priority: 'ESSENTIAL',
        version: engaged.version,
      })
      .expect(201);

    await page.reload();
    await checked(page, 'cps');
    await page.getByRole('link', { name: 'see the evidence matrix' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
    );
    await page.getByLabel('Team that gathers it').selectOption({ label: `${owner.team.name} (${owner.agency.code})` });
    await page.getByRole('button', { name: /^Assign team/ }).click();
    await expect(page.locator('.govuk-summary-card').innerText()).resolves.toMatch(new RegExp(`Gathered by\\s+${owner.team.name}`));
    await checked(page, 'evidence');

    await page.getByRole('link', { name: `${reference}: Operation Harbour: car washes` }).click();
    await page.getByRole('link', { name: 'Check and submit' }).click();
    await checked(page, 'check-and-submit');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Plan submitted for review');
    await expect(page.locator('main .govuk-tag').first().innerText()).resolves.toBe('Submitted for review');

    await page.getByRole('link', { name: 'Briefing pack' }).click();
    await checked(page, 'briefing');
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
    );
    // Printed, the briefing is the page's content alone: no navigation, breadcrumbs or links out.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.govuk-service-navigation').isVisible()).resolves.toBe(false);
    await expect(page.locator('.govuk-breadcrumbs').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Risk assessment' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Submitted the plan for review');
    await checked(page, 'history');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Plans' }).click();
    await page.getByLabel('Reference or name').fill(reference);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('link', { name: reference }).count()).resolves.toBe(1);
    await checked(page, 'plans');
  }, 120_000);

  it('refuses a wrong password with the error summary, focused, and signs out with the Sign out button', async () => {
    const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
    const page = await open(true);
    await signIn(page, user.email, 'not the password');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('There is a problem');
    await expect(page.locator(':focus').getAttribute('class')).resolves.toContain('govuk-error-summary');
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(user.email);
    await checked(page, 'sign-in-error');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(heading(page)).resolves.toBe('Your tasks');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('You have been signed out');
    await page.goto('/plans');
    await expect(heading(page)).resolves.toBe('Sign in');
  });

  it('sends a user whose session has expired back to sign in, then to where they were going', async () => {
    const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
    const page = await open(false);
    await signIn(page, user.email);
    await t.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '31 minutes', last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [user.id],
    );
    await page.goto('/plans');
    await expect(heading(page)).resolves.toBe('Sign in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(heading(page)).resolves.toBe('Plans');
  });

  it('refuses a form whose CSRF token is not the session’s with the 403 page, changing nothing', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Unchanged' });
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/details`);
    await page.getByLabel('Name of the operation').fill('Forged');
    await page
      .locator('form[action$="/details"] input[name="_csrf"]')
      .evaluate((input) => input.setAttribute('value', 'forged-token-forged-token-forged-token-forg'));
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(heading(page)).resolves.toBe('You cannot do this');
    await checked(page);
    const [row] = await t.dataSource.query(`SELECT name FROM operations WHERE id = $1`, [plan.id]);
    expect(row.name).toBe('Unchanged');
  });

  it('lists every agency the policy refuses as lead with its reason, never as a choice, and confirms handing the lead on', async () => {
    const owner = await s.owner();
    const hmrc = await createAgency(t.dataSource, { kind: 'HMRC' });
    const nca = await createAgency(t.dataSource, { kind: 'NCA' });
    const plan = await s.draft(owner, { exploitationTypes: ['SEXUAL'] });
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/lead`);
    await expect(page.getByRole('radio', { name: `${hmrc.name} (${hmrc.code})` }).count()).resolves.toBe(0);
    const reason = page
      .locator('.govuk-summary-list__row', { hasText: `${hmrc.name} (${hmrc.code})` })
      .locator('.govuk-summary-list__value');
    await expect(reason.innerText()).resolves.toMatch(/\w+/);
    await checked(page, 'lead-refused');
    await page.getByRole('radio', { name: `${nca.name} (${nca.code})` }).check();
    await page.getByRole('button', { name: 'Save lead agency' }).click();
    await expect(heading(page)).resolves.toBe(`Hand the lead to ${nca.name}`);
    await checked(page, 'lead-confirm');
    await page.getByRole('button', { name: 'Hand over the lead' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The lead was handed on');
    const [row] = await t.dataSource.query(`SELECT lead_agency_id FROM operations WHERE id = $1`, [plan.id]);
    expect(row.lead_agency_id).toBe(nca.id);
  });

  it('keeps a stale edit’s input, says someone else changed the plan and shows what changed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'First name' });
    const mine = await open(false);
    await signIn(mine, owner.user.email);
    await mine.goto(`/plans/${plan.reference}/details`);
    const colleague = await open(false);
    await signIn(colleague, owner.user.email);
    await colleague.goto(`/plans/${plan.reference}/details`);
    await colleague.getByLabel('Name of the operation').fill('Colleague’s name');
    await colleague.getByRole('button', { name: 'Save details' }).click();

    await mine.getByLabel('Risk assessment').fill('Dogs on site: handler attached');
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(mine.locator('.govuk-error-summary').innerText()).resolves.toContain('Someone else changed this plan');
    await expect(mine.locator('.govuk-inset-text').innerText()).resolves.toContain('Name: First name → Colleague’s name');
    await expect(mine.getByLabel('Risk assessment').inputValue()).resolves.toBe('Dogs on site: handler attached');
    await checked(mine, 'stale-edit');
    const [row] = await t.dataSource.query(`SELECT name, briefing->>'risk' AS risk FROM operations WHERE id = $1`, [plan.id]);
    expect(row).toEqual({ name: 'Colleague’s name', risk: null });
  });

  it('shows another agency the 404 page for a plan and no entry in their list', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const stranger = await s.owner();
    const page = await open(false);
    await signIn(page, stranger.user.email);
    await page.goto(`/plans/${plan.reference}`);
    await expect(heading(page)).resolves.toBe('Page not found');
    await checked(page, 'not-found');
    await page.goto(`/plans?q=${plan.reference}`);
    await expect(page.getByRole('link', { name: plan.reference }).count()).resolves.toBe(0);
  });

  it('lets a partner coordinator confirm a request for their team, and a CPS liaison accept a request, with JavaScript off', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const requested = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: partner.team.id,
          headcount: 2,
          tasking: 'Payroll records',
          version: plan.version,
        })
        .expect(201)
    ).body;
    await s.post(owner.auth, `/operations/${plan.id}/cps-involvement`, s.cpsRequest(requested)).expect(200);

    const page = await open(false);
    await signIn(page, partner.user.email);
    await page.getByRole('link', { name: plan.reference }).click();
    await expect(heading(page)).resolves.toBe('Teams');
    await checked(page, 'partner-request');
    await page.getByRole('button', { name: `Confirm ${partner.team.name}` }).click();
    await expect(page.locator('table').innerText()).resolves.toMatch(/Confirmed/);

    const liaison = await s.liaison();
    const cps = await open(false);
    await signIn(cps, liaison.user.email);
    await cps.getByRole('link', { name: plan.reference }).click();
    await expect(heading(cps)).resolves.toBe('Early CPS involvement');
    await checked(cps, 'cps-request');
    await cps.getByRole('button', { name: 'Accept the request' }).click();
    await expect(cps.locator('.govuk-summary-list').first().innerText()).resolves.toContain(liaison.user.email);
  });

  it('lets a manager review a plan with the keyboard alone', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'submitted' });
    const page = await open(true);
    await signIn(page, owner.managerUser.email);
    await tabTo(page, plan.reference);
    await page.keyboard.press('Enter');
    await expect(heading(page)).resolves.toBe('Review the plan');
    await checked(page, 'review');
    await tabTo(page, 'decision');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Proportionate; go.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/plans/${plan.reference}?reviewed`);
    await expect(page.locator('main .govuk-tag').first().innerText()).resolves.toBe('Approved');
  });

  it('tells a manager who created a plan why they cannot approve it, and refuses the admin pages to them', async () => {
    const owner = await s.owner();
    const both = await createUser(t.dataSource, owner.agency, ['COORDINATOR', 'MANAGER']);
    const auth = { Authorization: `Bearer ${await login(t.http, both)}` };
    const plan = await s.plan({ ...owner, auth, user: { ...owner.user, id: both.id } }, { stage: 'submitted' });
    const page = await open(false);
    await signIn(page, both.email);
    await page.getByRole('link', { name: plan.reference }).click();
    await expect(heading(page)).resolves.toBe('Review the plan');
    await expect(page.locator('.govuk-inset-text').innerText()).resolves.toBe(
      `Four eyes: you created ${plan.reference}, so another manager must review it`,
    );
    await expect(page.getByRole('button', { name: 'Send decision' }).count()).resolves.toBe(0);
    await checked(page, 'review-own-plan');
    await page.goto('/admin/users');
    await expect(heading(page)).resolves.toBe('You cannot do this');
    await checked(page);
  });

  it('passes axe on the pages the journeys above do not open', async () => {
    const owner = await s.owner();
    const hour = 3600_000;
    const soon = { startsAt: new Date(Date.now() + 2 * hour).toISOString(), endsAt: new Date(Date.now() + 10 * hour).toISOString() };
    const approved = await s.plan(owner, { stage: 'approved', body: soon });
    const submitted = await s.plan(owner, { stage: 'submitted' });
    const active = await s.plan(owner, { stage: 'active' });
    // The day has come: a day of action is completed only once its window has opened.
    await s.windowOpensAt(active, new Date(Date.now() - hour));
    const page = await open(false);
    await signIn(page, owner.user.email);
    for (const path of [
      `/plans/${approved.reference}/locations`,
      `/plans/${approved.reference}/conflicts`,
      `/plans/${approved.reference}/start`,
      `/plans/${approved.reference}/cancel`,
      `/plans/${submitted.reference}/withdraw`,
      `/plans/${active.reference}/stand-down`,
      `/plans/${active.reference}/complete`,
    ]) {
      await page.goto(path);
      await checked(page);
    }
    await page.getByRole('button', { name: 'Complete the day of action' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('There is a problem');
    await checked(page);
  });

  it('gives an admin the reference-data pages, each passing axe', async () => {
    // A database of its own: the shared one holds every other test's agencies, teams and users,
    // and the admin lists show them all.
    const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    try {
      const admin = await createUser(
        own.dataSource,
        await createAgency(own.dataSource, { name: 'National Crime Agency', kind: 'NCA' }),
        ['ADMIN'],
        { name: 'Sam Okafor' },
      );
      await createTeam(own.dataSource, await createAgency(own.dataSource, { name: 'Metropolitan Police Service', kind: 'POLICE' }), {
        name: 'Modern Slavery Unit, team 1',
        capabilities: ['ENTRY', 'SAFEGUARDING'],
      });
      const { context, page } = await newPage(browser, { javaScriptEnabled: false, baseURL: await own.app.getUrl() });
      contexts.push(context);
      await signIn(page, admin.email);
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await checked(page, 'admin');
      for (const [link, title] of [
        ['Agencies', 'agencies'],
        ['Teams', 'teams'],
        ['Users', 'users'],
        ['Lead and support policy', 'policy'],
        ['Audit', 'audit'],
      ]) {
        await page.goto('/admin');
        await page.getByRole('link', { name: link, exact: true }).click();
        await expect(heading(page)).resolves.toBe(link);
        await checked(page, `admin-${title}`);
      }
      await page.goto('/admin/users');
      await page.getByLabel('Email address').fill('new.coordinator@test.local');
      await page.getByLabel('Name', { exact: true }).fill('Jo Bloggs');
      await page.getByLabel('Agency', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('Coordinator', { exact: true }).check();
      await page.getByRole('button', { name: 'Add user' }).click();
      await expect(heading(page)).resolves.toBe('User added');
      await checked(page);
    } finally {
      await own.close();
    }
  });

  it('can be used with the keyboard alone: sign in, then move through the navigation', async () => {
    const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
    const page = await open(true);
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').innerText()).resolves.toBe('Skip to main content');
    await tabTo(page, 'email');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/`);
    await expect(heading(page)).resolves.toBe('Your tasks');
    await tabTo(page, 'Plans');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/plans`);
    await expect(heading(page)).resolves.toBe('Plans');
    await tabTo(page, 'New plan');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/plans/new`);
    await expect(heading(page)).resolves.toBe('New plan');
    await checked(page);
  });
});
