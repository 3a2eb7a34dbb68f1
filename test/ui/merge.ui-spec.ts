import type { Page } from 'playwright-core';
import { createUser } from '../factories';
import { Owner, Plan, Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

/** Issue 24, part 1: two coordinators edit one plan's details at the same time, in two browsers (JavaScript off). */
describe('Two people editing one plan in a browser (Chromium, headless): nothing is reverted, a clash is a choice', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** A plan, and two coordinators of its agency, each signed in in a browser of their own on its details page. */
  async function twoEditors(): Promise<{ owner: Owner; plan: Plan; a: Page; b: Page }> {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Operation Harbour' });
    const colleague = await createUser(t.dataSource, owner.agency, ['COORDINATOR'], { name: 'Bea Colleague' });
    const a = await open(false);
    const b = await open(false);
    await signIn(a, owner.user.email);
    await signIn(b, colleague.email);
    for (const page of [a, b]) await page.goto(`/plans/${plan.reference}/details`);
    return { owner, plan, a, b };
  }

  const nameNow = async (owner: Owner, plan: Plan) => (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.name;

  it('keeps a colleague’s new name when the other saves the briefing twice from a page drawn before it', async () => {
    const { owner, plan, a, b } = await twoEditors();
    await b.getByLabel('Name of the operation').fill('Operation Harbour (Sparkhill)');
    await b.getByRole('button', { name: 'Save details' }).click();
    await expect(b.locator('.govuk-notification-banner').innerText()).resolves.toContain('Details saved');

    await a.getByLabel('Method').fill('Entry at dawn through the rear gate');
    await a.getByRole('button', { name: 'Save details' }).click();
    await expect(a.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Someone else changed this plan after you opened this page',
    );
    await expect(a.getByLabel('Name of the operation').inputValue()).resolves.toBe('Operation Harbour (Sparkhill)');
    await expect(a.getByLabel('Method').inputValue()).resolves.toBe('Entry at dawn through the rear gate');
    await checked(a);
    await a.getByRole('button', { name: 'Save details' }).click();
    await expect(a.locator('.govuk-notification-banner').innerText()).resolves.toContain('Details saved');

    // Saved again from the page as it now is: still the colleague's name.
    await a.goto(`/plans/${plan.reference}/details`);
    await a.getByRole('button', { name: 'Save details' }).click();
    expect(await nameNow(owner, plan)).toBe('Operation Harbour (Sparkhill)');
    const current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(current.briefing.method).toBe('Entry at dawn through the rear gate');
  });

  it('shows a name both changed side by side, and saves the one chosen', async () => {
    const { owner, plan, a, b } = await twoEditors();
    await b.getByLabel('Name of the operation').fill('Theirs');
    await b.getByRole('button', { name: 'Save details' }).click();
    await a.getByLabel('Name of the operation').fill('Mine');
    await a.getByRole('button', { name: 'Save details' }).click();
    const choice = a.getByRole('group', { name: 'Name of the operation: you and someone else both changed this' });
    await expect(choice.getByLabel('Yours: Mine').isChecked()).resolves.toBe(true);
    await expect(choice.getByLabel('Now: Theirs').isChecked()).resolves.toBe(false);
    await checked(a);
    await choice.getByLabel('Now: Theirs').check();
    await a.getByRole('button', { name: 'Save details' }).click();
    await expect(a.locator('.govuk-notification-banner').innerText()).resolves.toContain('Details saved');
    expect(await nameNow(owner, plan)).toBe('Theirs');
  });
});
