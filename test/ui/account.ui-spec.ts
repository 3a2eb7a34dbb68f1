import type { Page } from 'playwright-core';
import { createAgency, createUser, signedIn, TEST_PASSWORD, unique } from '../factories';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

/** Issue 25: your account, and the first sign-in with a password an admin issued. */
describe('Your account in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked } = ui;
  let t: TestApp;
  beforeAll(() => {
    t = ui.app();
  });

  const heading = (page: Page) => page.locator('h1').innerText();

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** A user an admin adds with a one-time password (through the API, as the admin page does). */
  async function issued(): Promise<{ email: string; password: string }> {
    const admin = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
    const email = `${unique('first.').toLowerCase()}@test.local`;
    const password = `copper ${unique().toLowerCase()} kettle`;
    const agency = await createAgency(t.dataSource);
    await t
      .http()
      .post('/users')
      .set(admin.auth)
      .send({ email, name: 'Robin First', agencyId: agency.id, roles: ['COORDINATOR'], password })
      .expect(201);
    return { email, password };
  }

  it.each([false, true])(
    'makes a user signing in with an issued password choose their own first (JavaScript on: %s)',
    async (javaScriptEnabled) => {
      const user = await issued();
      const page = await open(javaScriptEnabled);
      await signIn(page, user.email, user.password);
      await page.waitForURL(/\/account$/);
      await expect(heading(page)).resolves.toBe('Your account');
      await expect(page.getByText('Choose your own password before you continue').count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Plans', exact: true }).count()).resolves.toBe(0);
      await checked(page);

      await page.goto('/plans');
      await page.waitForURL(/\/account$/);
      await expect(heading(page)).resolves.toBe('Your account');

      await page.getByLabel('Current password').fill('not the password');
      await page.getByLabel('New password').fill('password1234');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Your current password is not right');
      await expect(page.title()).resolves.toBe('Error: Your account – Day of action planner');
      await checked(page);

      await page.getByLabel('Current password').fill(user.password);
      await page.getByLabel('New password').fill('willow compass harbour');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.waitForURL(/\/account\?changed$/);
      await expect(page.getByText('Your password has been changed').count()).resolves.toBe(1);
      await checked(page);

      await page.getByRole('link', { name: 'Plans', exact: true }).click();
      await expect(heading(page)).resolves.toBe('Plans');
    },
  );

  it('refuses an issued password 72 hours after it was issued, saying to ask an admin for a new one', async () => {
    const user = await issued();
    await t.dataSource.query(`UPDATE users SET password_issued_at = now() - interval '73 hours' WHERE email = $1`, [user.email]);
    const page = await open(false);
    await signIn(page, user.email, user.password);
    // On the sign-in form: in the error summary, and beside the password.
    await expect(page.locator('.govuk-error-summary').getByText('Ask an admin for a new one', { exact: false }).count()).resolves.toBe(1);
    await expect(page.locator('#password-error').getByText('Ask an admin for a new one', { exact: false }).count()).resolves.toBe(1);
    await checked(page);
  });

  it('is linked from the header for every signed-in user, who changes their password there', async () => {
    const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['MANAGER']);
    const page = await open(true);
    await ui.signIn(page, user.email);
    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await expect(heading(page)).resolves.toBe('Your account');
    await expect(page.getByText('signs you out everywhere else').count()).resolves.toBe(1);
    await checked(page);
    await page.getByLabel('New password').fill('willow compass harbour');
    await page.getByRole('button', { name: 'Show password' }).nth(1).click();
    await expect(page.getByLabel('New password').getAttribute('type')).resolves.toBe('text');
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/account\?changed$/);
    await expect(page.getByText('Your password has been changed').count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await expect(heading(page)).resolves.toBe('Plans');
  });
});
