import { twoPremises } from '../factories';
import { Plan, Scenario, Signed } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

describe('The day’s board in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** A started plan at two premises, HMRC's confirmed team allocated to the first only. */
  async function dayUnderWay(): Promise<{ owner: Signed; hmrc: Signed; plan: Plan }> {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const ready = await s.plan(owner, { stage: 'ready', partners: [hmrc], body: { locations: twoPremises() } });
    const theirs = ready.deployments.find((d) => d.agency.id === hmrc.agency.id)!;
    const allocation = { version: ready.version, locationIds: [ready.locations![0].id] };
    await s.patch(owner.auth, `/operations/${ready.id}/deployments/${theirs.id}`, allocation).expect(200);
    return { owner, hmrc, plan: await s.dayStarted(ready) };
  }

  it('the owner records an entry made and an arrest with JavaScript on, the offence revealed by its choice; a partner sees only its premises', async () => {
    const { owner, hmrc, plan } = await dayUnderWay();
    const [carWash] = plan.locations!;

    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/day`);
    await checked(page);
    await page.getByLabel('Premises', { exact: true }).selectOption({ label: carWash.label });
    await page.getByLabel('Entry made').check();
    await page.getByRole('button', { name: 'Record the status' }).click();
    await expect(page.locator('.govuk-error-summary a').allInnerTexts()).resolves.toEqual([
      'Say why the premises’ status moves out of its order: a note is needed for a step skipped or back',
    ]);
    await checked(page);
    await page.locator('#statusNote').fill('The team went straight in');
    await page.getByRole('button', { name: 'Record the status' }).click();
    await expect(page.getByText('Premises status recorded').count()).resolves.toBe(1);

    await expect(page.getByLabel('Offence', { exact: true }).isVisible()).resolves.toBe(false);
    await page.getByLabel('Arrests').check();
    await page.getByLabel('Offence', { exact: true }).selectOption('MSA_S2_HUMAN_TRAFFICKING');
    await page.getByLabel('How many').fill('2');
    await page.getByLabel('Premises (optional)').selectOption({ label: carWash.label });
    await page.getByRole('button', { name: 'Record the count' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`${carWash.label}.*Entry made.*Arrests: 2`) }).count()).resolves.toBe(1);
    await checked(page);

    const theirs = await open(false);
    await signIn(theirs, hmrc.user.email);
    await theirs.goto(`/plans/${plan.reference}/day`);
    await checked(theirs);
    const options = await theirs.getByLabel('Premises', { exact: true }).locator('option').allInnerTexts();
    expect(options).toEqual(['Choose the premises', carWash.label]);
    await expect(theirs.getByRole('button', { name: 'Record the decision' }).count()).resolves.toBe(0);
  });

  it('shows an entry recorded in another session without a reload, while a form being typed keeps its text', async () => {
    const { owner, hmrc, plan } = await dayUnderWay();
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/day`);
    await checked(page);
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    await page.getByLabel('Decision', { exact: true }).fill('Half written');
    const report = `Workers found in the loft ${Date.now()}`;

    const sent = {
      kind: 'MESSAGE',
      exactLocation: report,
      incidentType: 'Welfare',
      hazards: 'None',
      access: 'Front',
      casualties: 'Six adults',
      services: 'Ambulance',
    };
    await s.post(hmrc.auth, `/operations/${plan.id}/log`, sent).expect(201);

    await page.locator('#day-board', { hasText: report }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true);
    await expect(page.getByLabel('Decision', { exact: true }).inputValue()).resolves.toBe('Half written');
    await checked(page);
  });
});
