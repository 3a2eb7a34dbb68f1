import ical from 'node-ical';
import { Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(90_000);

describe('The calendar feed in a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  it('a coordinator makes a calendar link with JavaScript off, sees it once, and turns the feed off', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const page = await open(false);
    await signIn(page, owner.user.email);

    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your calendar feed');
    await checked(page);

    await page.getByRole('button', { name: 'Create a calendar link' }).click();
    await expect(page.getByText('Copy it now: it is not shown again').count()).resolves.toBeGreaterThan(0);
    await checked(page);
    const url = await page.locator('#calendar-link').innerText();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.http().get(new URL(url).pathname).expect(200);
    expect(ical.sync.parseICS(feed.text)[`${plan.id}@planner`]).toMatchObject({ summary: `${plan.reference}: ${plan.name}` });

    await page.goto('/calendar');
    await expect(page.locator('#calendar-link').count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(new URL(url).pathname);
    await checked(page);

    await page.getByRole('button', { name: 'Turn off the feed' }).click();
    await expect(page.getByText('Your calendar feed is turned off').count()).resolves.toBe(1);
    await checked(page);
    await t.http().get(new URL(url).pathname).expect(404);
  });
});
