import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('Subjects of interest in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  it('a coordinator records a phone with JavaScript off; the other agency sees only that a phone number matched, and acknowledges it', async () => {
    const nca = await s.owner('NCA');
    const police = await s.owner('POLICE');
    const number = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const theirs = await s.draft(police);
    await s.post(police.auth, `/operations/${theirs.id}/subjects`, { version: theirs.version, kind: 'PHONE', phone: number.replace(/^0/, '+44 ') }).expect(201);
    const ours = await s.draft(nca);

    const page = await open(false);
    await signIn(page, nca.user.email);
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
    await signIn(other, police.user.email);
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
    await signIn(page, nca.user.email);
    await page.goto(`/plans/${plan.reference}/subjects`);
    await expect(page.getByLabel('Registration').isVisible()).resolves.toBe(false);
    await page.getByLabel('A vehicle').check();
    await expect(page.getByLabel('Registration').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Full name').isVisible()).resolves.toBe(false);
    await checked(page);
  });
});
