import type { Page } from 'playwright-core';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

/** Issue 28: the plan's command structure named in a browser, with JavaScript off. */
describe('The command page in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  const role = (page: Page, title: string) => page.getByRole('group', { name: title });

  it('names Gold and a site commander, shows a number that cannot be rung against its field, and keeps what was saved', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}`);
    await page.getByRole('link', { name: 'Command', exact: true }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Command');
    await checked(page);

    const gold = role(page, 'Gold (strategic)');
    await gold.getByLabel('Name').fill('Ann Clarke');
    await gold.getByLabel('Rank or grade').fill('Chief Superintendent');
    await gold.getByLabel('Agency').fill('West Midlands Police');
    await gold.getByLabel('24-hour contact number').fill('12345');
    await page.getByRole('button', { name: 'Save the command structure' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Enter the Gold commander’s 24-hour contact number as a UK or international phone number',
    );
    await checked(page);

    await gold.getByLabel('24-hour contact number').fill('0121 626 5000');
    await page.getByRole('button', { name: 'Save the command structure' }).click();
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(0);
    await expect(gold.getByLabel('24-hour contact number').inputValue()).resolves.toBe('+441216265000');
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toContain('Car wash');
    await checked(page);

    await page.getByRole('link', { name: 'Change site commander of Car wash' }).click();
    const site = role(page, 'Site commander at Car wash');
    await site.getByLabel('Name').fill('Raj Patel');
    await site.getByLabel('Rank or grade').fill('Inspector');
    await site.getByLabel('Agency').fill('West Midlands Police');
    await site.getByLabel('24-hour contact number').fill('0121 626 5001');
    await checked(page);
    await page.getByRole('button', { name: 'Save the site commander' }).click();
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toContain(
      'Raj Patel, Inspector, West Midlands Police: +44 121 626 5001',
    );
    await checked(page);
  });
});
