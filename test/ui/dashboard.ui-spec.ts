import type { Page } from 'playwright-core';
import { ukInstant } from '../../src/common/uk-time';
import { addMonths, ukMonth } from '../../src/dashboard/period';
import { Owner, Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

const HOUR = 3600_000;

describe('The dashboard in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** The texts of each body row of the table of a section. */
  const rowsOf = (page: Page, section: string) =>
    page
      .locator(`table[data-section="${section}"] tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
  const numbers = (rows: string[][]) => rows.map((row) => row.slice(1).map((cell) => Number(cell.replace(/,/g, ''))));

  /** A completed day of action last month with a partner's team and outcomes, a draft this month, and a plan starting in 10 days. */
  async function activity(owner: Owner): Promise<void> {
    const partner = await s.partner('HMRC');
    let plan = await s.plan(owner, { stage: 'active', partners: [partner] });
    await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/complete`, {
          version: plan.version,
          outcomes: { arrests: 4, potentialVictimsSafeguarded: 9, nrmReferrals: 6, premisesVisited: 3 },
        })
        .expect(200)
    ).body;
    const [year, month] = addMonths(ukMonth(new Date()), -1).split('-').map(Number);
    await s.windowOpensAt(plan, ukInstant({ year, month, day: 15, hour: 12, minute: 0 }) as Date);
    await s.draft(owner, {
      startsAt: new Date(Date.now() + 10 * 24 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 10 * 24 * HOUR + 8 * HOUR).toISOString(),
    });
  }

  it('a manager opens the dashboard from the navigation: five charts, each with a summary and a table whose numbers are GET /dashboard’s', async () => {
    const owner = await s.owner();
    await activity(owner);
    const json = (await t.http().get('/dashboard?months=3').set(owner.manager).expect(200)).body;

    const page = await open(false);
    await signIn(page, owner.managerUser.email);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Dashboard');
    await checked(page);
    await page.getByRole('link', { name: '3 months', exact: true }).click();
    await expect(page.url()).toContain('/dashboard?months=3');
    await checked(page);

    const charts = page.getByRole('img');
    await expect(charts.count()).resolves.toBe(5);
    for (const [index, name] of [
      'Days of action per month by status',
      'Days from CPS engagement to the start',
      'Plans starting in the next 30 days failing each check',
      'Hours from a team request',
      'Outcomes of days of action completed or stood down, per month',
    ].entries()) {
      await expect(charts.nth(index).getAttribute('aria-labelledby')).resolves.toMatch(/-title$/);
      await expect(page.getByRole('img', { name: new RegExp(`^${name}`) }).count()).resolves.toBe(1);
    }

    expect(numbers(await rowsOf(page, 'plans'))).toEqual(
      json.plansPerMonth.months.map((m: { total: number; led: number; supported: number; byStatus: Record<string, number> }) => [
        m.total,
        m.led,
        m.supported,
        ...Object.values(m.byStatus),
      ]),
    );
    expect(numbers(await rowsOf(page, 'outcomes'))).toEqual(
      [...json.outcomesPerMonth.months, json.outcomesPerMonth.total].map((m: Record<string, number>) => [
        m.completed,
        m.stoodDown,
        m.arrests,
        m.potentialVictimsSafeguarded,
        m.nrmReferrals,
        m.premisesVisited,
      ]),
    );
    expect((await rowsOf(page, 'cps-lead-time')).slice(0, 5).map((row) => Number(row[1]))).toEqual(
      json.cpsLeadTime.buckets.map((b: { plans: number }) => b.plans),
    );
    expect((await rowsOf(page, 'readiness')).map((row) => [row[0], Number(row[1])])).toEqual(
      json.readiness.checks.map((c: { title: string; failing: number }) => [c.title, c.failing]),
    );
    expect(numbers(await rowsOf(page, 'partner-response'))).toEqual(
      json.partnerResponse.agencies.map((a: { answered: number; medianHours: number; p90Hours: number }) => [
        a.answered,
        a.medianHours,
        a.p90Hours,
      ]),
    );
    expect(json.outcomesPerMonth.total).toMatchObject({ completed: 1, arrests: 4 });
    expect(json.readiness.plans).toBe(1);
    await expect(page.locator('section > p.govuk-body:first-of-type').allInnerTexts()).resolves.toEqual(
      ['plansPerMonth', 'cpsLeadTime', 'readiness', 'partnerResponse', 'outcomesPerMonth'].map((section) => json[section].summary),
    );
    await expect(page.getByRole('link', { name: 'Download outcomes (CSV)' }).getAttribute('href')).resolves.toBe(
      `/dashboard/outcomes.csv?from=${json.period.from}&to=${json.period.to}`,
    );
  });

  it('a coordinator chooses another period, JavaScript on: a month that does not exist is an error summary that takes focus, and Enter in the form shows the period', async () => {
    const owner = await s.owner();
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto('/dashboard');
    await checked(page);
    await page.getByRole('group', { name: 'First month' }).getByLabel('Month').fill('13');
    await page.getByRole('button', { name: 'Show this period' }).click();
    await expect(page.locator('.govuk-error-summary a').allInnerTexts()).resolves.toEqual([
      'The first month must be a real month, for example 3 2027',
    ]);
    await expect(page.locator(':focus').getAttribute('class')).resolves.toContain('govuk-error-summary');
    await checked(page);
    const [year, month] = addMonths(ukMonth(new Date()), -5).split('-');
    await page
      .getByRole('group', { name: 'First month' })
      .getByLabel('Month')
      .fill(String(Number(month)));
    await page.getByRole('group', { name: 'First month' }).getByLabel('Year').fill(year);
    await page.getByRole('group', { name: 'First month' }).getByLabel('Year').press('Enter');
    await expect(page.locator('table[data-section="plans"] tbody tr').count()).resolves.toBe(6);
    await checked(page);
  });
});
