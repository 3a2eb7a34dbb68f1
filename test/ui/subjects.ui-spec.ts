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
    await s
      .post(police.auth, `/operations/${theirs.id}/subjects`, {
        version: theirs.version,
        kind: 'PHONE',
        phone: number.replace(/^0/, '+44 '),
      })
      .expect(201);
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
    await expect(
      page.getByText(new RegExp(`^Hit with ${theirs.reference}, raised .+: A phone number\\. To acknowledge\\.$`)).count(),
    ).resolves.toBe(1);
    await checked(page);

    const other = await open(false);
    await signIn(other, police.user.email);
    await other.goto(`/plans/${theirs.reference}/conflicts`);
    await checked(other);
    const card = other.locator('.govuk-summary-card', { hasText: `Hit with ${ours.reference}` });
    await expect(card.getByText('A phone number', { exact: true }).count()).resolves.toBe(1);
    expect(await other.content()).not.toContain(ours.name);
    await card.getByLabel('How is the clash resolved?').fill('Called their SIO: we hold until their arrest is made');
    await card.getByRole('button', { name: `Acknowledge hit with ${ours.reference}` }).click();
    await other.goto(`/plans/${theirs.reference}/conflicts`);
    await expect(other.getByText('Called their SIO: we hold until their arrest is made').count()).resolves.toBe(1);
    await checked(other);
  });

  // Issue 23: the date input's boxes post as dateOfBirth-day, -month and -year, and the page reads those.
  it.each([
    ['off', false],
    ['on', true],
  ])(
    'a coordinator adds a person with a date of birth and an alias with JavaScript %s, after an impossible date is refused',
    async (_, javaScriptEnabled) => {
      const nca = await s.owner('NCA');
      const plan = await s.draft(nca);
      // Subjects are matched across every open plan in the shared database: a name of its own keeps this plan's hits out of other tests.
      const surname = `Kowalska${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
      const fullName = `Anna ${surname}`;
      const page = await open(javaScriptEnabled);
      await signIn(page, nca.user.email);
      await page.goto(`/plans/${plan.reference}/subjects`);
      await checked(page);

      await page.getByLabel('A person').check();
      await page.getByLabel('Full name').fill(fullName);
      await page.getByLabel('Day', { exact: true }).fill('31');
      await page.getByLabel('Month', { exact: true }).fill('2');
      await page.getByLabel('Year', { exact: true }).fill('1979');
      await page.getByLabel('Other names they are known by (optional)').fill('Ania K');
      await page.getByRole('button', { name: 'Add subject' }).click();

      const summaryLink = page.locator('.govuk-error-summary a');
      await expect(summaryLink.allInnerTexts()).resolves.toEqual(['Enter the date of birth as a real date, for example 1 2 1980']);
      await expect(summaryLink.getAttribute('href')).resolves.toBe('#dateOfBirth-day');
      await expect(page.locator('#dateOfBirth-error').innerText()).resolves.toContain(
        'Enter the date of birth as a real date, for example 1 2 1980',
      );
      await expect(page.getByLabel('A person').isChecked()).resolves.toBe(true);
      await expect(page.getByLabel('Full name').inputValue()).resolves.toBe(fullName);
      await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe('31');
      await expect(page.getByLabel('Day', { exact: true }).getAttribute('id')).resolves.toBe('dateOfBirth-day');
      await expect(page.getByLabel('Month', { exact: true }).inputValue()).resolves.toBe('2');
      await expect(page.getByLabel('Year', { exact: true }).inputValue()).resolves.toBe('1979');
      await expect(page.getByLabel('Other names they are known by (optional)').inputValue()).resolves.toBe('Ania K');
      await checked(page);
      if (javaScriptEnabled) {
        await expect(page.locator(':focus').getAttribute('class')).resolves.toContain('govuk-error-summary');
        await summaryLink.click();
        await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('dateOfBirth-day');
      }

      await page.getByLabel('Day', { exact: true }).fill('28');
      await page.getByRole('button', { name: 'Add subject' }).click();
      await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(0);
      await expect(
        page.getByRole('cell', { name: `${fullName}, born 28 February 1979; also known as Ania K`, exact: true }).count(),
      ).resolves.toBe(1);
      await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe('');
      await checked(page);
      const subjects = (await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects;
      expect(subjects).toEqual([expect.objectContaining({ kind: 'PERSON', fullName, dateOfBirth: '1979-02-28', aliases: ['Ania K'] })]);
    },
  );

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

  it('a manager sees on Your tasks that a coordinator went past the daily limit, and marks it as looked into with JavaScript off', async () => {
    const nca = await s.owner('NCA');
    const plan = await s.draft(nca);
    // The refusal itself is tested through the app (tasks.e2e-spec.ts); here, the task it leaves, as a manager reads and clears it.
    await t.dataSource.query(
      `INSERT INTO addition_limit_reports (user_id, agency_id, uk_day, operation_id, daily_limit, additions_refused)
       VALUES ($1, $2, (now() AT TIME ZONE 'Europe/London')::date, $3, 200, 3)`,
      [nca.user.id, nca.agency.id, plan.id],
    );
    const page = await open(false);
    await signIn(page, nca.managerUser.email);
    const task = page.locator('tr', {
      hasText: `${nca.user.name} (${nca.user.email}) went past the daily limit of 200 identifiers and postcodes`,
    });
    await expect(task.count()).resolves.toBe(1);
    await checked(page);
    await task.getByRole('button', { name: new RegExp(`^Mark as looked into\\s*: ${nca.user.name}$`) }).click();
    await expect(page.getByText('Marked as looked into', { exact: false }).count()).resolves.toBe(1);
    await expect(task.count()).resolves.toBe(0);
    await checked(page);
  });
});
