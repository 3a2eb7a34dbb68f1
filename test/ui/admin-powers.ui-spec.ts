import type { Page } from 'playwright-core';
import { createAgency, createUser, TEST_PASSWORD } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

/** Issue 16: an admin changes which powers a kind of agency holds, in a browser with JavaScript off. */
describe('Powers by kind of agency in a browser (Chromium, headless)', () => {
  // A database of its own: the powers decide for every plan, and tests beside this one rely on the defaults.
  const ui = browserSuite(async () => startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() }));
  const { open, checked } = ui;
  let t: TestApp;
  beforeAll(() => {
    t = ui.app();
  });

  const heading = (page: Page) => page.locator('h1').innerText();
  const row = (page: Page, kind: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) });

  it('lets an admin change the powers of a kind of agency with JavaScript off, giving a reason', async () => {
    const admin = await createUser(
      t.dataSource,
      await createAgency(t.dataSource, { name: 'National Crime Agency', kind: 'NCA' }),
      ['ADMIN'],
      { name: 'Sam Okafor' },
    );
    const page = await open(false);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: 'Powers', exact: true }).click();
    await expect(heading(page)).resolves.toBe('Powers');
    await expect(row(page, 'Border Force').innerText()).resolves.toContain('Entry, Search, Arrest, Immigration checks');
    await checked(page);

    await row(page, 'Border Force').getByRole('link', { name: 'Change the powers of Border Force' }).click();
    await expect(heading(page)).resolves.toBe('Powers of Border Force');
    await expect(page.getByLabel('Immigration checks').isChecked()).resolves.toBe(true);
    await checked(page);

    await page.getByLabel('Search', { exact: true }).uncheck();
    await page.getByLabel('Arrest').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the reason for the change');
    await expect(page.getByLabel('Arrest').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Entry').isChecked()).resolves.toBe(true);
    await checked(page);

    await page.getByRole('link', { name: 'Enter the reason for the change' }).click();
    await page.getByLabel('Reason for the change').fill('Inland teams carry out immigration checks only');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(heading(page)).resolves.toBe('Powers');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Powers of Border Force changed');
    await expect(row(page, 'Border Force').innerText()).resolves.toContain('Entry, Immigration checks');
    await checked(page);

    await page.goto('/admin/audit');
    await expect(page.locator('.app-timeline__item').first().innerText()).resolves.toContain('Changed the powers of Border Force');
    await checked(page);
  });
});
