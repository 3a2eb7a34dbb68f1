import { Plan } from '../factories/scenario';
import { browserOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** Issue 24: readiness that says what it is for and what does not apply yet; the record of a plan that has ended in its place. */
describe('Web pages: honest readiness, and the record of a plan', () => {
  const { t, s } = useApp();

  const { page } = browserOf(() => t.http);
  const HOUR = 3600_000;

  /** Each item of the plan page's readiness task list: its title and its status, as the page shows them. */
  function taskList(html: string): Record<string, string> {
    const items = [...html.matchAll(/<li class="govuk-task-list__item[^"]*">([\s\S]*?)<\/li>/g)].map((match) => match[1]);
    const text = (fragment: string) =>
      fragment
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return Object.fromEntries(
      items.map((item) => [
        text(/<div class="govuk-task-list__name-and-hint">[\s\S]*?(?:<a[^>]*>|<div>)([\s\S]*?)<\/(?:a|div)>/.exec(item)?.[1] ?? ''),
        text(/<div class="govuk-task-list__status[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(item)?.[1] ?? ''),
      ]),
    );
  }

  it('says a check with nothing to check yet is not needed yet, in the API and on the task list, and links only the checks to do', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { safeguarding: { expectedPotentialVictims: 0, languages: [] } });
    const checks = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body.checks as {
      id: string;
      ok: boolean;
      applies: boolean;
      message: string;
    }[];
    expect(checks.find((check) => check.id === 'cps-lead-time')).toEqual({
      id: 'cps-lead-time',
      ok: true,
      applies: false,
      blocking: false,
      message: 'The CPS is not engaged yet',
    });
    expect(
      checks
        .filter((check) => !check.applies)
        .map((check) => check.id)
        .sort(),
    ).toEqual(
      [
        'no-pending-requests',
        'supporting-agencies-permitted',
        'essential-evidence-assigned',
        'safeguarding',
        'deconfliction',
        'warrants-valid',
        'high-risks-accepted',
        'partner-sign-off',
        'first-responders',
        'interpreters',
        'medical-cover',
        'reception-hours',
        'cps-lead-time',
        'interpreting',
        'evidence-capability',
      ].sort(),
    );

    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, `/plans/${plan.reference}`)).text;
    expect(html).toContain('<h2 class="govuk-heading-m">Readiness to submit</h2>');
    const tasks = taskList(html);
    expect(tasks['Give the CPS enough notice']).toBe('Not needed yet');
    expect(tasks['Prepare to safeguard potential victims']).toBe('Not needed yet');
    expect(tasks['Engage the CPS early']).toBe('Incomplete');
    expect(Object.keys(tasks).filter((title) => tasks[title] === 'Completed')).toEqual([
      'Set a window in the future',
      'Add the places of the day of action',
    ]);
    const item = (title: string) =>
      [...html.matchAll(/<li class="govuk-task-list__item[^"]*">([\s\S]*?)<\/li>/g)]
        .map((match) => match[1])
        .find((each) => each.includes(title)) ?? '';
    expect(item('Give the CPS enough notice')).toContain('The CPS is not engaged yet');
    expect(item('Give the CPS enough notice')).not.toContain('<a ');
    expect(item('Engage the CPS early')).toContain(`href="/plans/${plan.reference}/cps"`);
  });

  it('heads the checks with what they are for: submitting, approval, or the start', async () => {
    const owner = await s.owner();
    const session = await webSignIn(t.http, owner.user.email);
    const submitted = await s.plan(owner, { stage: 'submitted' });
    const approved = await s.plan(owner, { stage: 'approved' });
    const submittedPage = (await page(session, `/plans/${submitted.reference}`)).text;
    expect(submittedPage).toContain('<h2 class="govuk-heading-m">Readiness to be approved</h2>');
    expect(submittedPage).toContain('Every check that stops approval passes.');
    const approvedPage = (await page(session, `/plans/${approved.reference}`)).text;
    expect(approvedPage).toContain('<h2 class="govuk-heading-m">Readiness to start</h2>');
    expect(taskList(approvedPage)['Start within the start window']).toBe('Incomplete');
    for (const html of [submittedPage, approvedPage]) {
      expect(html).not.toContain('Readiness to submit');
      expect(html).not.toContain('before the plan can be submitted');
      expect(html).not.toContain('stops submission');
    }
  });

  it('shows a completed plan’s record in place of readiness: who was deployed and the outcomes', async () => {
    const owner = await s.owner();
    let plan: Plan = await s.plan(owner, { stage: 'active' });
    await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    const outcomes = {
      arrests: 3,
      potentialVictimsSafeguarded: 7,
      nrmReferrals: 5,
      premisesVisited: 2,
      notes: 'All workers taken to the reception centre',
    };
    plan = (await s.post(owner.auth, `/operations/${plan.id}/complete`, { version: plan.version, outcomes }).expect(200)).body;
    const html = (await page(await webSignIn(t.http, owner.user.email), `/plans/${plan.reference}`)).text;
    expect(html).not.toContain('Readiness to');
    expect(html).not.toContain('govuk-task-list');
    expect(html).toContain('Record of the day of action');
    expect(html).toMatch(/<h3 class="govuk-heading-s">Outcomes<\/h3>/);
    expect(html).toContain('All workers taken to the reception centre');
    expect(html).toContain(`${plan.deployments[0].team.name}</td>`);
    expect(html).toContain('Deployed; released when the day of action was completed');
    expect(html).toContain('govuk-tag--teal');
  });

  it('shows a cancelled plan’s reason, and the teams it released', async () => {
    const owner = await s.owner();
    let plan: Plan = await s.plan(owner, { stage: 'ready' });
    plan = (await s.post(owner.auth, `/operations/${plan.id}/cancel`, { version: plan.version, reason: 'The site has closed' }).expect(200))
      .body;
    const html = (await page(await webSignIn(t.http, owner.user.email), `/plans/${plan.reference}`)).text;
    expect(html).not.toContain('Readiness to');
    expect(html).toContain('Why it was cancelled');
    expect(html).toContain('The site has closed');
    expect(html).toContain('Released when the plan was cancelled');
    expect(html).not.toContain('id="plan-actions"');
  });

  it('says on the dashboard how many plans fail each check, in words', async () => {
    const owner = await s.owner();
    await s.plan(owner, { stage: 'ready' });
    const html = (await page(await webSignIn(t.http, owner.managerUser.email), '/dashboard')).text;
    expect(html).toMatch(/Engage the CPS early[\s\S]*?0 plans failing/);
    expect(html).not.toMatch(/\d+ of \d+<\/text>/);
  });
});
