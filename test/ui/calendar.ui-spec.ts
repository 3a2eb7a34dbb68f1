import ical from 'node-ical';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../factories';
import { Owner, Scenario } from '../factories/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { expectNoAxeViolations, launchBrowser, newPage } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('The calendar feed in a browser (Chromium, headless)', () => {
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

  /** Every page a test visits is checked with axe-core (WCAG 2.2 AA): zero violations, one h1, a title of its own. */
  async function checked(page: Page): Promise<void> {
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').count()).toBe(1);
    await expect(page.title()).resolves.toMatch(/^(Error: )?.+ – Day of action planner$/);
  }

  async function signIn(page: Page, who: Owner): Promise<void> {
    await page.goto('/');
    await page.getByLabel('Email address').fill(who.user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your tasks');
  }

  it('a coordinator makes a calendar link with JavaScript off, sees it once, and turns the feed off', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const page = await open(false);
    await signIn(page, owner);

    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your calendar feed');
    await checked(page);

    await page.getByRole('button', { name: 'Create a calendar link' }).click();
    await expect(page.getByText('Copy it now: it is not shown again').count()).resolves.toBeGreaterThan(0);
    await checked(page);
    const url = await page.locator('#calendar-link').innerText();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.http().get(new URL(url).pathname).expect(200);
    expect(ical.sync.parseICS(feed.text)[`${plan.id}@planner`]).toMatchObject({ summary: `${plan.reference}: ${plan.name}` });

    await page.goto('/calendar');
    await expect(page.locator('#calendar-link').count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(new URL(url).pathname);
    await checked(page);

    await page.getByRole('button', { name: 'Turn off the feed' }).click();
    await expect(page.getByText('Your calendar feed is turned off').count()).resolves.toBe(1);
    await checked(page);
    await t.http().get(new URL(url).pathname).expect(404);
  });
});
