import type { Page } from 'playwright-core';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('Standing a day of action down in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  const heading = (page: Page) => page.locator('h1').innerText();

  it('stands a day of action under way down with JavaScript off, after saying what will happen, and shows its record', async () => {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const plan = await s.plan(owner, { stage: 'active', partners: [partner] });
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}`);
    await expect(page.locator('main').innerText()).resolves.toContain('The day of action is under way');
    await expect(page.getByRole('link', { name: 'Cancel the plan' }).count()).resolves.toBe(0);
    await checked(page);

    await page.getByRole('link', { name: 'Stand the day of action down' }).click();
    await expect(heading(page)).resolves.toBe('Stand the day of action down');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Standing down ends the day of action for good');
    expect(main).toContain(`${partner.team.name} (${partner.agency.code}), confirmed`);
    await checked(page);

    await page.getByLabel('Arrests').fill('1');
    await page.getByRole('button', { name: 'Stand the day of action down' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter a reason for standing the day of action down');
    expect(summary).toContain('Enter the number of potential victims safeguarded, a whole number from 0 to 100000');
    await expect(page.getByLabel('Arrests').inputValue()).resolves.toBe('1');
    await checked(page);

    await page.getByLabel('Why is the day of action stood down?').fill('The subjects left the address overnight');
    await page.getByLabel('Potential victims safeguarded').fill('0');
    await page.getByLabel('National Referral Mechanism (NRM) referrals').fill('0');
    await page.getByLabel('Premises visited').fill('1');
    await page.getByRole('button', { name: 'Stand the day of action down' }).click();
    await page.waitForURL(`${await t.app.getUrl()}/plans/${plan.reference}?stood-down`);
    await expect(page.locator('main .govuk-tag').first().innerText()).resolves.toBe('Stood down');
    const record = await page.locator('main').innerText();
    expect(record).toContain('Record of the day of action');
    expect(record).toContain('The subjects left the address overnight');
    expect(record).toContain('Deployed; released when the day of action was stood down');
    expect(record).not.toContain('What you can do now');
    await checked(page);
  });
});
