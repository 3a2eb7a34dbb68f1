import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ukLocalTime } from '../../src/common/uk-time';
import { randomPostcode, TEST_PASSWORD } from '../factories';
import { Scenario } from '../factories/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { expectNoAxeViolations, launchBrowser, newPage } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

const HOUR = 3600_000;
const at = (plan: { startsAt: string }, hours: number) => new Date(new Date(plan.startsAt).getTime() + hours * HOUR).toISOString();

describe('The operational order in a browser (Chromium, headless)', () => {
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

  /** Every page a test visits is checked with axe-core (WCAG 2.2 AA): zero violations. */
  async function checked(page: Page): Promise<void> {
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').count()).toBe(1);
    await expect(page.title()).resolves.toMatch(/^(Error: )?.+ – Day of action planner$/);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto('/');
    await checked(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(heading(page)).resolves.toBe('Your tasks');
  }

  /** Fills a date input (its group is named `<which> date`) and its time field (`<which> time (UK time)`) with an instant in UK time. */
  async function fillWhen(page: Page, which: string, instant: string): Promise<void> {
    const local = ukLocalTime(instant);
    const group = page.getByRole('group', { name: `${which} date` });
    await group.getByLabel('Day').fill(String(local.day));
    await group.getByLabel('Month').fill(String(local.month));
    await group.getByLabel('Year').fill(String(local.year));
    await page.getByLabel(`${which} time (UK time)`).fill(`${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`);
  }

  const heading = (page: Page) => page.locator('h1').innerText();
  const readiness = (page: Page, title: string) => page.locator('.govuk-task-list__item', { hasText: title }).locator('.govuk-task-list__status').innerText();

  it('lets a coordinator build the order with JavaScript off: timings, an RV point, a warranted location, a tasked team and communications', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { locations: [] });
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}`);
    await checked(page);

    await page.getByRole('link', { name: 'Timings and RV points' }).click();
    await expect(heading(page)).resolves.toBe('Timings and RV points');
    await checked(page);
    await fillWhen(page, 'Briefing', at(plan, 0));
    await page.getByLabel('Briefing place').fill('Lloyd House, Colmore Circus, Birmingham');
    await fillWhen(page, 'Debrief', at(plan, 10));
    await page.getByRole('button', { name: 'Save timings' }).click();
    await expect(page.getByLabel('Briefing place').inputValue()).resolves.toBe('Lloyd House, Colmore Circus, Birmingham');
    await page.getByLabel('Name of the RV point').fill('RV1: Tesco car park');
    await page.getByLabel('Address of the RV point').fill('Stratford Road, Sparkhill, B11 4EA');
    // Outside the window first: the error summary names the meeting time.
    await fillWhen(page, 'Meeting', at(plan, -1));
    await page.getByRole('button', { name: 'Add RV point' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('The RV time of RV1: Tesco car park must be inside the plan’s window');
    await checked(page);
    await fillWhen(page, 'Meeting', at(plan, 0.5));
    await page.getByRole('button', { name: 'Add RV point' }).click();
    await expect(page.locator('table').innerText()).resolves.toContain('RV1: Tesco car park');
    await checked(page);

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await page.getByRole('link', { name: 'Locations, strike times and entry' }).click();
    await expect(heading(page)).resolves.toBe('Locations');
    await checked(page);
    await page.getByLabel('Label', { exact: true }).fill('Car wash, rear unit');
    await page.getByLabel('Address', { exact: true }).fill('12 Ladypool Road, Birmingham');
    await page.getByLabel('Postcode', { exact: true }).fill(randomPostcode());
    await fillWhen(page, 'Strike', at(plan, 1));
    await page.getByLabel('Warrant', { exact: true }).check();
    await page.getByLabel('Type of warrant').fill('Search warrant, section 8 PACE 1984');
    await page.getByLabel('Issuing court').fill('Birmingham Magistrates’ Court');
    await page.getByLabel('Warrant reference').fill('BMC/2027/0142');
    // The expiry is left out: the error summary asks for it, and what was typed stays.
    await page.getByRole('button', { name: 'Add location' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the date and time the warrant expires');
    await expect(page.getByLabel('Warrant reference').inputValue()).resolves.toBe('BMC/2027/0142');
    await checked(page);
    await fillWhen(page, 'Expiry', at(plan, 48));
    await page.getByRole('button', { name: 'Add location' }).click();
    const locations = await page.locator('table').innerText();
    expect(locations).toContain('Car wash, rear unit');
    expect(locations).toContain('Warrant');
    expect(locations).toContain('BMC/2027/0142');
    await checked(page);

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByLabel(`${owner.team.name} (${owner.agency.code})`).check();
    await page.getByLabel('Number of officers').fill('2');
    await page.getByLabel('Tasking (optional)').fill('Entry and search of the rear unit');
    await page.getByLabel('Entry', { exact: true }).check();
    await page.getByLabel('Search', { exact: true }).check();
    await page.getByLabel('RV point').selectOption({ index: 1 });
    await page.getByLabel('Call sign (optional)').fill('Tango 1');
    await page.getByRole('button', { name: 'Request team' }).click();
    const teams = await page.locator('table').innerText();
    expect(teams).toContain('Entry, Search');
    expect(teams).toContain('RV1: Tesco car park');
    expect(teams).toContain('Tango 1');
    await checked(page);
    await page.getByRole('link', { name: `Change tasking of ${owner.team.name}` }).click();
    await expect(heading(page)).resolves.toBe(`Tasking of ${owner.team.name}`);
    await checked(page);
    await page.getByLabel('Call sign (optional)').fill('Tango 2');
    await page.getByRole('button', { name: 'Save tasking' }).click();
    await expect(page.locator('table').innerText()).resolves.toContain('Tango 2');

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await page.getByRole('link', { name: 'Communications', exact: true }).click();
    await expect(heading(page)).resolves.toBe('Communications');
    await page.getByLabel('Radio channel or talkgroup').fill('Airwave talkgroup WM-OPS-3');
    await page.getByLabel('Control room number').fill('0121 626 5000');
    await page.getByRole('button', { name: 'Save communications' }).click();
    await expect(page.getByLabel('Radio channel or talkgroup').inputValue()).resolves.toBe('Airwave talkgroup WM-OPS-3');
    await expect(page.locator('table').innerText()).resolves.toContain('Tango 2');
    await checked(page);

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await expect(heading(page)).resolves.toBe(plan.name);
    for (const check of [
      'Set the briefing, the RV points and the debrief',
      'Set each location’s strike time and entry basis',
      'Have a warrant valid at each strike that relies on one',
      'Record the radio channel and the control room',
    ]) {
      await expect(readiness(page, check)).resolves.toBe('Completed');
    }
    await checked(page);
  });

  it('reveals only the chosen entry basis’s details when JavaScript is on', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/locations`);
    await expect(page.getByLabel('Not decided yet').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Type of warrant').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Which power').isVisible()).resolves.toBe(false);
    await checked(page);
    await page.getByLabel('Warrant', { exact: true }).click();
    await expect(page.getByLabel('Type of warrant').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Expiry time (UK time)').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Which power').isVisible()).resolves.toBe(false);
    await checked(page);
    await page.getByLabel('Another statutory power').click();
    await expect(page.getByLabel('Type of warrant').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Which power').isVisible()).resolves.toBe(true);
  });
});
