import type { Page } from 'playwright-core';
import { ukLocalTime } from '../../src/common/uk-time';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('The risk assessment and safeguarding pages in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** Fills the add-a-risk form as a person would. */
  async function addRisk(
    page: Page,
    risk: { hazard: string; likelihood: string; impact: string; controls: string; residual: string; owner: string; acceptedBy?: string },
  ): Promise<void> {
    await page.getByRole('group', { name: 'Hazard' }).getByLabel(risk.hazard, { exact: true }).check();
    await page.getByRole('group', { name: 'Likelihood' }).getByLabel(risk.likelihood, { exact: true }).check();
    await page.getByRole('group', { name: 'Impact' }).getByLabel(risk.impact, { exact: true }).check();
    await page.getByLabel('Control measures').fill(risk.controls);
    await page.getByRole('group', { name: 'Residual rating' }).getByLabel(risk.residual, { exact: true }).check();
    await page.getByLabel('Risk owner').fill(risk.owner);
    if (risk.acceptedBy)
      await page.getByLabel('Senior officer accepting this risk (required when the residual rating is high)').fill(risk.acceptedBy);
    await page.getByRole('button', { name: 'Add risk' }).click();
  }

  /** Fills a GOV.UK date input and the time beside it with an instant in UK time. */
  async function fillWhen(page: Page, which: 'Opening' | 'Closing', instant: Date): Promise<void> {
    const local = ukLocalTime(instant);
    const fields = page.getByRole('group', { name: `${which} date` });
    await fields.getByLabel('Day').fill(String(local.day));
    await fields.getByLabel('Month').fill(String(local.month));
    await fields.getByLabel('Year').fill(String(local.year));
    await page
      .getByLabel(`${which} time (UK time)`)
      .fill(`${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`);
  }

  it('lets a coordinator with JavaScript off record the risks and the safeguarding arrangements, and check them before submitting', async () => {
    const owner = await s.owner();
    const start = new Date(Date.now() + 30 * 24 * 3600_000);
    start.setUTCHours(5, 0, 0, 0);
    const strikeAt = new Date(start.getTime() + 3600_000);
    const plan = await s.draft(owner, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 12 * 3600_000).toISOString(),
      locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: 'B12 8JX', strikeAt: strikeAt.toISOString() }],
    });
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}`);
    await page.getByRole('link', { name: 'Risk assessment' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Risk assessment');
    await checked(page);

    // Other without a description: the error summary, linked to the field, with what was typed kept.
    await page.getByRole('group', { name: 'Hazard' }).getByLabel('Other', { exact: true }).check();
    await page.getByLabel('Control measures').fill('Keep out of the loft');
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Describe the hazard');
    await expect(page.getByLabel('Control measures').inputValue()).resolves.toBe('Keep out of the loft');
    await checked(page);
    await page.goto(`/plans/${plan.reference}/risks`);

    await addRisk(page, {
      hazard: 'Dogs',
      likelihood: '4',
      impact: '3',
      controls: 'Dog handler with the entry team',
      residual: 'Medium',
      owner: 'PS 2231 Jones',
    });
    await expect(page.locator('table').innerText()).resolves.toContain('Dog handler with the entry team');
    await addRisk(page, {
      hazard: 'Weapons',
      likelihood: '2',
      impact: '5',
      controls: 'Armed support on standby',
      residual: 'High',
      owner: 'Insp Patel',
      acceptedBy: 'Supt Ann Clarke',
    });
    const hazards = await page.locator('table tbody th').allInnerTexts();
    expect(hazards).toEqual(['Weapons', 'Dogs']);
    await expect(page.locator('table tbody tr').first().innerText()).resolves.toMatch(/High\s+Insp Patel\s+Supt Ann Clarke/);
    await expect(page.locator('.govuk-warning-text').count()).resolves.toBe(0);
    await checked(page);

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await page.getByRole('link', { name: 'Safeguarding and the NRM' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Safeguarding and the NRM');
    await expect(page.locator('main').innerText()).resolves.toContain('Car wash: strike at');
    await checked(page);
    await page.getByLabel('Expected number of potential victims').fill('5');
    await page.getByLabel('Languages they may speak').fill('Romanian');
    await page.getByLabel('Reception centre (optional)').fill('Sparkhill reception centre');
    await fillWhen(page, 'Opening', start);
    await fillWhen(page, 'Closing', new Date(start.getTime() + 10 * 3600_000));
    await page.getByLabel('Medical cover').fill('West Midlands Ambulance Service HART on standby at RV1');
    await page.getByRole('button', { name: 'Save safeguarding arrangements' }).click();
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /Car wash: strike at \d\d:\d\d (GMT|BST): the reception centre is open/,
    );
    await expect(page.locator('.govuk-warning-text').innerText()).resolves.toContain('No interpreter booked yet for Romanian');

    await page.getByLabel('Name', { exact: true }).fill('DC Priya Shah');
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: `${owner.agency.name} (Police)` });
    await page.getByLabel('Phone (optional)').fill('07700 900456');
    await page.getByRole('button', { name: 'Add first responder' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('DC Priya Shah');
    await page.getByLabel('Language', { exact: true }).fill('Romanian');
    await page.getByLabel('Who interprets').fill('Big Word, 04:00 to 16:00');
    await page.getByRole('button', { name: 'Add interpreter' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('An interpreter is booked for every language expected (Romanian).');
    await checked(page);

    await page.getByRole('link', { name: `${plan.reference}: ${plan.name}` }).click();
    await page.getByRole('link', { name: 'Check and submit' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Check your answers before submitting the plan');
    const valueOf = (key: string) =>
      page.locator('dt.govuk-summary-list__key', { hasText: key }).locator('xpath=following-sibling::dd[1]').innerText();
    await expect(valueOf('Risk register')).resolves.toBe('2 risks; highest residual rating: High (Weapons)');
    await expect(valueOf('NRM first responders')).resolves.toBe(`DC Priya Shah (${owner.agency.code}), 07700 900456`);
    await expect(valueOf('Interpreters')).resolves.toBe('Romanian: Big Word, 04:00 to 16:00');
    await expect(valueOf('Medical cover')).resolves.toBe('West Midlands Ambulance Service HART on standby at RV1');
    await expect(valueOf('Reception centre')).resolves.toMatch(/^Sparkhill reception centre; open .+ to .+$/);
    await expect(valueOf('Expected potential victims')).resolves.toBe('5, who may speak Romanian');
    await expect(page.getByRole('link', { name: 'Change risk register' }).getAttribute('href')).resolves.toBe(
      `/plans/${plan.reference}/risks`,
    );
    await expect(page.getByRole('link', { name: 'Change NRM first responders' }).getAttribute('href')).resolves.toBe(
      `/plans/${plan.reference}/safeguarding`,
    );
    await checked(page);
  }, 120_000);

  it('reveals the hazard’s description only when Other is chosen, with JavaScript on', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/risks`);
    const description = page.getByLabel('Describe the hazard');
    await expect(description.isVisible()).resolves.toBe(false);
    await page.getByRole('group', { name: 'Hazard' }).getByLabel('Other', { exact: true }).check();
    await expect(description.isVisible()).resolves.toBe(true);
    await description.fill('Rotten stairs to the loft');
    await page.getByRole('group', { name: 'Hazard' }).getByLabel('Dogs', { exact: true }).check();
    await expect(description.isVisible()).resolves.toBe(false);
    await checked(page);
  });
});
