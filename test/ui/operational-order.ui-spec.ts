import type { Page } from 'playwright-core';
import { ukLocalTime } from '../../src/common/uk-time';
import { randomPostcode } from '../factories';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

const HOUR = 3600_000;
const at = (plan: { startsAt: string }, hours: number) => new Date(new Date(plan.startsAt).getTime() + hours * HOUR).toISOString();

describe('The operational order in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** Fills a date input (its group is named `<which> date`) and its time field (`<which> time (UK time)`) with an instant in UK time. */
  async function fillWhen(page: Page, which: string, instant: string): Promise<void> {
    const local = ukLocalTime(instant);
    const group = page.getByRole('group', { name: `${which} date` });
    await group.getByLabel('Day').fill(String(local.day));
    await group.getByLabel('Month').fill(String(local.month));
    await group.getByLabel('Year').fill(String(local.year));
    await page
      .getByLabel(`${which} time (UK time)`)
      .fill(`${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`);
  }

  const heading = (page: Page) => page.locator('h1').innerText();
  const readiness = (page: Page, title: string) =>
    page.locator('.govuk-task-list__item', { hasText: title }).locator('.govuk-task-list__status').innerText();

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
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'The RV time of RV1: Tesco car park must be inside the plan’s window',
    );
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

  it('refuses, with JavaScript off, a power the team’s agency lacks, and submission while a warrant has expired or a high risk is unaccepted', async () => {
    const owner = await s.owner();
    const dwp = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
    const ready = await s.plan(owner, { stage: 'ready' });
    const warrant = {
      type: 'Search warrant, s.8 PACE 1984',
      court: 'Birmingham Magistrates’ Court',
      reference: 'BMC/2027/0099',
      expiresAt: at(ready, 1),
    };
    const plan = (
      await s
        .patch(owner.auth, `/operations/${ready.id}`, {
          version: ready.version,
          locations: [{ ...ready.locations![0], strikeAt: at(ready, 2), entry: { basis: 'WARRANT', warrant } }],
          risks: [
            { hazard: 'WEAPONS', likelihood: 4, impact: 5, controls: 'Armed response on standby', residual: 'HIGH', owner: 'Insp Khan' },
          ],
        })
        .expect(200)
    ).body;

    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/submit`);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toMatch(/The warrant for Car wash expires .+, before the strike: get a new warrant or strike earlier/);
    expect(summary).toContain('A named senior officer must accept each high residual risk: Weapons');
    await checked(page);

    await page.goto(`/plans/${plan.reference}/teams`);
    await page.getByLabel(`${dwp.team.name} (${dwp.agency.code})`).check();
    await page.getByLabel('Number of officers').fill('1');
    await page.getByLabel('Arrest', { exact: true }).check();
    await page.getByRole('button', { name: 'Request team' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      `${dwp.team.name} (${dwp.agency.code}) cannot be tasked with arrest`,
    );
    await checked(page);
    const stored = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'DRAFT', version: plan.version });
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
