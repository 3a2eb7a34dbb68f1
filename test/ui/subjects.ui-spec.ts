import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../factories';
import { Owner, Scenario } from '../factories/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { expectNoAxeViolations, launchBrowser, newPage } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('Subjects of interest in a browser (Chromium, headless)', () => {
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

  it('a coordinator records a phone with JavaScript off; the other agency sees only that a phone number matched, and acknowledges it', async () => {
    const nca = await s.owner('NCA');
    const police = await s.owner('POLICE');
    const number = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const theirs = await s.draft(police);
    await s.post(police.auth, `/operations/${theirs.id}/subjects`, { version: theirs.version, kind: 'PHONE', phone: number.replace(/^0/, '+44 ') }).expect(201);
    const ours = await s.draft(nca);

    const page = await open(false);
    await signIn(page, nca);
    await page.goto(`/plans/${ours.reference}/subjects`);
    await checked(page);
    await page.getByRole('button', { name: 'Add subject' }).click();
    await expect(page.locator('.govuk-error-summary a').allInnerTexts()).resolves.toEqual(['Select what kind of subject this is']);
    await checked(page);
    await page.getByLabel('A phone number').check();
    await page.getByLabel('Phone number', { exact: true }).fill(number);
    await page.getByRole('button', { name: 'Add subject' }).click();
    await expect(page.getByText('Another plan shares 1 subject(s) with this one').count()).resolves.toBe(1);
    await checked(page);

    const other = await open(false);
    await signIn(other, police);
    await other.goto(`/plans/${theirs.reference}/conflicts`);
    await checked(other);
    const card = other.locator('.govuk-summary-card', { hasText: `Subject hit with ${ours.reference}` });
    await expect(card.getByText('A phone number (still shared)').count()).resolves.toBe(1);
    expect(await other.content()).not.toContain(ours.name);
    await card.getByLabel('How is the clash resolved?').fill('Called their SIO: we hold until their arrest is made');
    await card.getByRole('button', { name: `Acknowledge hit with ${ours.reference}` }).click();
    await other.goto(`/plans/${theirs.reference}/conflicts`);
    await expect(other.getByText('Called their SIO: we hold until their arrest is made').count()).resolves.toBe(1);
    await checked(other);
  });

  it('with JavaScript on, choosing a kind reveals only its fields', async () => {
    const nca = await s.owner('NCA');
    const plan = await s.draft(nca);
    const page = await open(true);
    await signIn(page, nca);
    await page.goto(`/plans/${plan.reference}/subjects`);
    await expect(page.getByLabel('Registration').isVisible()).resolves.toBe(false);
    await page.getByLabel('A vehicle').check();
    await expect(page.getByLabel('Registration').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Full name').isVisible()).resolves.toBe(false);
    await checked(page);
  });
});
