import type { Page } from 'playwright-core';
import { createUser, randomPostcode } from '../factories';
import { Owner, Plan, Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('A partner’s sign-off in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** A submitted plan with an HMRC-kind partner's team confirmed on it, and a manager of that partner. */
  async function submittedWithPartner(): Promise<{ owner: Owner; code: string; teamName: string; managerEmail: string; plan: Plan }> {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const ready = await s.plan(owner, { stage: 'ready', partners: [partner] });
    const plan = (await s.post(owner.auth, `/operations/${ready.id}/submit`, { version: ready.version }).expect(200)).body;
    const manager = await createUser(t.dataSource, partner.agency, ['MANAGER'], { name: 'Owen Price' });
    return { owner, code: partner.agency.code, teamName: partner.team.name, managerEmail: manager.email, plan };
  }

  const heading = (page: Page) => page.locator('h1').innerText();

  it('lets a partner’s manager open the task and sign off their part with JavaScript off, after a decline without a reason is refused', async () => {
    const { owner, code, teamName, managerEmail, plan } = await submittedWithPartner();
    const page = await open(false);
    await signIn(page, managerEmail);
    await checked(page);
    await expect(page.locator('main table').innerText()).resolves.toContain(`Sign off ${code}’s part of ${plan.reference}`);
    await page.getByRole('link', { name: plan.reference }).click();
    await expect(heading(page)).resolves.toBe('Partner sign-off');
    await expect(page.locator('main').innerText()).resolves.toContain(teamName);
    await checked(page);

    // JavaScript off: the reason box shows under "Decline" all along.
    await expect(page.getByLabel('Why do you decline?').isVisible()).resolves.toBe(true);
    await page.getByLabel('Decline', { exact: true }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter a reason for declining');
    await checked(page);

    await page.getByLabel('Sign off our part', { exact: true }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Your agency’s part is signed off');
    await expect(page.locator('main table').innerText()).resolves.toContain('Signed off');
    await checked(page);
    await page.goto('/');
    await expect(page.locator('main').innerText()).resolves.not.toContain(plan.reference);

    // The lead's manager now approves it.
    const lead = await open(false);
    await signIn(lead, owner.managerUser.email);
    await lead.goto(`/plans/${plan.reference}/review`);
    await expect(lead.locator('#sign-off-waiting').innerText()).resolves.toBe('Every supporting agency has signed off its part.');
    await checked(lead);
    await lead.getByLabel('Approve', { exact: true }).check();
    await lead.getByRole('button', { name: 'Send decision' }).click();
    await lead.waitForURL(`${await t.app.getUrl()}/plans/${plan.reference}?reviewed`);
    await expect(lead.locator('main .govuk-tag').first().innerText()).resolves.toBe('Approved');
  });

  it('shows the lead’s manager why approval is refused while a partner has not signed off, and lets the partner decline with JavaScript on', async () => {
    const { owner, code, managerEmail, plan } = await submittedWithPartner();
    const lead = await open(true);
    await signIn(lead, owner.managerUser.email);
    await lead.goto(`/plans/${plan.reference}/review`);
    await expect(lead.locator('#sign-off-waiting').innerText()).resolves.toContain(
      `Waiting for a manager of ${code} to sign off their part`,
    );
    await lead.getByLabel('Approve', { exact: true }).check();
    await lead.getByRole('button', { name: 'Send decision' }).click();
    await expect(lead.locator('.govuk-error-summary').innerText()).resolves.toContain(
      `Waiting for a manager of ${code} to sign off their part`,
    );
    await checked(lead);

    const page = await open(true);
    await signIn(page, managerEmail);
    await page.goto(`/plans/${plan.reference}/sign-off`);
    await expect(page.getByLabel('Why do you decline?').isVisible()).resolves.toBe(false);
    await page.getByLabel('Decline', { exact: true }).check();
    await page.getByLabel('Why do you decline?').fill('Our team cannot be at the RV point before 06:00');
    await checked(page);
    await page.getByRole('button', { name: 'Send decision' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('You declined to sign off');
    await expect(page.locator('main table').innerText()).resolves.toContain('Our team cannot be at the RV point before 06:00');
    await checked(page);
  });

  it('tells a partner what changed in its part and lets its manager sign off again in one click from the task, with JavaScript off', async () => {
    const owner = await s.owner();
    const partner = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    // 14 January is in GMT, whichever year the tests run in.
    const day = (clock: string) => `${new Date().getUTCFullYear() + 1}-01-14T${clock}:00.000Z`;
    const place = { label: 'Glam Nails', address: '101 High Street North', postcode: randomPostcode() };
    const approved = await s.plan(owner, {
      stage: 'approved',
      partners: [partner],
      body: { startsAt: day('05:00'), endsAt: day('17:00'), locations: [{ ...place, strikeAt: day('06:00') }] },
    });
    let plan: Plan = (
      await s
        .patch(owner.auth, `/operations/${approved.id}`, { version: approved.version, locations: [{ ...place, strikeAt: day('06:30') }] })
        .expect(200)
    ).body;
    plan = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    const manager = await createUser(t.dataSource, partner.agency, ['MANAGER'], { name: 'Nia Patel' });

    const page = await open(false);
    await signIn(page, manager.email);
    const change = 'Glam Nails: strike time 06:00 → 06:30 GMT';
    await expect(page.locator('main table').innerText()).resolves.toContain(`${plan.reference}: ${change} — check and sign off again`);
    await checked(page);
    await page.getByRole('link', { name: plan.reference }).click();
    await expect(heading(page)).resolves.toBe('Partner sign-off');
    await expect(page.locator('main ul.govuk-list--bullet').innerText()).resolves.toBe(change);
    await page.getByText('Decline instead').click();
    await expect(page.getByLabel('Why do you decline?').isVisible()).resolves.toBe(true);
    await checked(page);

    await page.getByRole('button', { name: 'Sign off our part again' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Your agency’s part is signed off');
    await expect(page.locator('main').innerText()).resolves.not.toContain('What changed since you signed off');
    await checked(page);
    await page.goto('/');
    await expect(page.locator('main').innerText()).resolves.not.toContain(plan.reference);
  });
});
