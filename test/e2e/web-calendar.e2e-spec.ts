import ical from 'node-ical';
import { Owner } from '../factories/scenario';
import { browserOf, WebSession, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

const LINK = /<code id="calendar-link">([^<]+)<\/code>/;

/** Issue 18, part 2, in the browser without JavaScript: "Your calendar feed". */
describe('Web pages: the calendar feed', () => {
  const { t, s } = useApp();
  let owner: Owner;
  let session: WebSession;

  beforeEach(async () => {
    owner = await s.owner();
    session = await webSignIn(t.http, owner.user.email);
  });

  const { page, post } = browserOf(() => t.http);

  it('is in the navigation, says what the feed holds, and offers to make a link', async () => {
    const tasks = (await page(session, '/')).text;
    expect(tasks).toMatch(/class="govuk-service-navigation__link" href="\/calendar"[^>]*>\s*Calendar/);
    const html = (await page(session, '/calendar')).text;
    expect(html).toContain('<title>Your calendar feed – Day of action planner</title>');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('What the feed holds');
    expect(html).toContain('You have no calendar link.');
    expect(html).toContain('Create a calendar link');
    expect(html).not.toMatch(LINK);
  });

  it('shows a new link once, and it works; later the page tells only that there is one', async () => {
    const plan = await s.draft(owner);
    const created = await post(session, '/calendar', {}).expect(200);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.text).toContain('Copy it now: it is not shown again');
    const url = LINK.exec(created.text)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];

    const feed = await t.http().get(new URL(url).pathname).expect(200);
    expect(ical.sync.parseICS(feed.text)[`${plan.id}@planner`]).toMatchObject({
      type: 'VEVENT',
      summary: `${plan.reference}: ${plan.name}`,
    });

    const later = (await page(session, '/calendar')).text;
    expect(later).not.toContain(token);
    expect(later).not.toMatch(LINK);
    expect(later).toContain('Replace the link');
    expect(later).toContain('Turn off the feed');
    expect(later).toContain('Last read by a calendar app');

    // Replacing it shows a new link; the old one stops working.
    const replaced = LINK.exec((await post(session, '/calendar', {}).expect(200)).text)?.[1] ?? '';
    expect(replaced).not.toBe(url);
    await t.http().get(new URL(url).pathname).expect(404);
    await t.http().get(new URL(replaced).pathname).expect(200);
  });

  it('turns the feed off', async () => {
    const url = LINK.exec((await post(session, '/calendar', {}).expect(200)).text)?.[1] ?? '';
    const off = await post(session, '/calendar/turn-off', {}).expect(303);
    expect(off.headers.location).toBe('/calendar?off');
    const html = (await page(session, '/calendar?off')).text;
    expect(html).toContain('Your calendar feed is turned off');
    expect(html).toContain('You have no calendar link.');
    await t.http().get(new URL(url).pathname).expect(404);
    expect((await s.get(owner.auth, '/calendar/feed').expect(200)).body.exists).toBe(false);
  });

  it('refuses a form without the page’s CSRF token, and makes no link', async () => {
    const refused = await t.http().post('/calendar').set('Cookie', session.cookie).type('form').send({ _csrf: 'forged' }).expect(403);
    expect(refused.text).not.toMatch(LINK);
    expect((await s.get(owner.auth, '/calendar/feed').expect(200)).body.exists).toBe(false);
  });

  it('sends someone not signed in to sign in', async () => {
    const response = await t.http().get('/calendar').expect(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fcalendar');
  });
});
