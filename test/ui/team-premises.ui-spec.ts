import { twoPremises } from '../factories';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

/** Issue 28: a team allocated to the plan's premises in a browser, with JavaScript off. */
describe('The Premises of a team on the Teams page in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  it('requests a team at two premises and lists them', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/teams`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Teams');
    await checked(page);

    const premises = page.getByRole('group', { name: 'Premises' });
    const chooseTeam = async () => {
      await page.getByLabel(`${owner.team.name} (${owner.agency.code})`).check();
      await page.getByLabel('Number of officers').fill('2');
      await premises.getByLabel(`Car wash (${carWash.postcode})`).check();
      await premises.getByLabel(`House (${house.postcode})`).check();
    };

    await chooseTeam();
    await page.getByRole('button', { name: 'Request team' }).click();
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(0);
    const row = page.locator('tbody tr', { hasText: owner.team.name });
    await expect(row.innerText()).resolves.toContain(`Car wash (${carWash.postcode}), House (${house.postcode})`);
    await checked(page);
  });
});
