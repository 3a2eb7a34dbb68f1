import { createAgency, createUser, login, signedIn, TEST_PASSWORD, unique, UserRow } from '../factories';
import { browserOf, cookieOf, errorSummaryOf, postSignIn, WebSession, webSignIn } from '../support/browser-session';
import { startTestApp, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'marble kettle orchard';

/** Issue 25, parts 1 and 2: your own password, one-time passwords an admin issues, and everything a user holds ending together. */
describe('Your account', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let adminId: string;
  const browser = browserOf(() => t.http);

  beforeAll(async () => {
    t = await startTestApp();
    const signed = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
    admin = signed.auth;
    adminId = signed.user.id;
  });
  afterAll(() => t.close());

  const coordinator = async () => createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => t.http().get('/auth/me').set(bearer(token));
  const change = (token: string, body: Record<string, string>) => t.http().post('/auth/password').set(bearer(token)).send(body);

  /** A calendar feed of the token's user: the path of its secret address. */
  async function feedOf(token: string): Promise<string> {
    const created = await t.http().post('/calendar/feed').set(bearer(token)).send({}).expect(201);
    return new URL(created.body.url).pathname;
  }

  /** The reference audit's events about one user, newest first, read through GET /audit/reference as an admin. */
  async function auditOf(
    userId: string,
  ): Promise<{ action: string; actor: { id: string }; before: unknown; after: Record<string, unknown> }[]> {
    const found = [];
    let cursor: number | null | undefined;
    do {
      const page = (
        await t
          .http()
          .get(`/audit/reference?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
          .set(admin)
          .expect(200)
      ).body;
      found.push(...page.items.filter((event: { entityId: string }) => event.entityId === userId));
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  /** A user an admin adds through the API, with a one-time password. */
  async function issued(): Promise<{ id: string; email: string; password: string }> {
    const agency = await createAgency(t.dataSource);
    const email = `${unique('issued.').toLowerCase()}@test.local`;
    const password = `harbour ${unique().toLowerCase()} lantern`;
    const created = await t
      .http()
      .post('/users')
      .set(admin)
      .send({ email, name: 'Issued Person', agencyId: agency.id, roles: ['COORDINATOR'], password })
      .expect(201);
    expect(created.body.passwordChangeRequired).toBe(true);
    return { id: created.body.id, email, password };
  }

  describe('changing your own password (POST /auth/password)', () => {
    it('refuses a wrong current password with the problem against that field, and changes nothing', async () => {
      const user = await coordinator();
      const token = await login(t.http, user);
      const refused = await change(token, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }).expect(400);
      expect(refused.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is invalid: Your current password is not right: enter the password you signed in with',
        details: {
          fields: [{ field: 'currentPassword', problems: ['Your current password is not right: enter the password you signed in with'] }],
        },
      });
      await me(token).expect(200);
      await login(t.http, user);
    });

    it('refuses a common password, one holding the email address, and the current one again, keeping the old one', async () => {
      const user = await coordinator();
      const token = await login(t.http, user);
      for (const [newPassword, problem] of [
        ['password1234', 'too common'],
        [`${user.email.split('@')[0]} 2027`, 'must not contain the email address'],
        ['short', 'at least 12 characters'],
        [TEST_PASSWORD, 'different from your current one'],
      ]) {
        const refused = await change(token, { currentPassword: TEST_PASSWORD, newPassword }).expect(400);
        expect(refused.body.details.fields).toEqual([{ field: 'newPassword', problems: [expect.stringContaining(problem)] }]);
      }
      await me(token).expect(200);
      await login(t.http, user);
    });

    it('counts wrong current passwords against the account, in parallel too: 5 tries in 15 minutes, then 429 even for the right one', async () => {
      const user = await coordinator();
      const token = await login(t.http, user);
      const guesses = await Promise.all(
        Array.from({ length: 12 }, (_, index) => change(token, { currentPassword: `guess number ${index}`, newPassword: NEW_PASSWORD })),
      );
      expect(guesses.filter((response) => response.status === 400)).toHaveLength(5);
      expect(guesses.filter((response) => response.status === 429)).toHaveLength(7);
      const limited = await change(token, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(429);
      expect(limited.body).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/try again in 1[45] minutes$/),
        details: { retryAfterSeconds: expect.any(Number) },
      });
      await login(t.http, user);
      const other = await coordinator();
      await change(await login(t.http, other), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    });

    it('ends every other session, token and the calendar feed, gives the caller a new token, and is audited without the password', async () => {
      const user = await coordinator();
      const [token, otherToken] = [await login(t.http, user), await login(t.http, user)];
      const feed = await feedOf(token);
      const session = await webSignIn(t.http, user.email);
      await t.http().get(feed).expect(200);

      const changed = await change(token, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
      expect(changed.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: expect.any(Number),
        user: { id: user.id, passwordChangeRequired: false },
      });
      await me(token).expect(401);
      await me(otherToken).expect(401);
      await browser.page(session, '/', 303);
      await t.http().get(feed).expect(404);
      await me(changed.body.accessToken).expect(200);
      expect((await t.http().get('/calendar/feed').set(bearer(changed.body.accessToken)).expect(200)).body.exists).toBe(false);
      await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      await login(t.http, user, NEW_PASSWORD);

      const [event] = await auditOf(user.id);
      expect(event).toMatchObject({ action: 'user.password_changed', actor: { id: user.id }, after: { email: user.email } });
      expect(JSON.stringify(await auditOf(user.id))).not.toMatch(/kettle|argon/);
      expect(t.logger.text()).not.toContain(NEW_PASSWORD);
    });

    it('lets one of two changes made at the same moment win, and only its password signs in', async () => {
      const user = await coordinator();
      const token = await login(t.http, user);
      const [first, second] = await Promise.all([
        change(token, { currentPassword: TEST_PASSWORD, newPassword: 'first racing password' }),
        change(token, { currentPassword: TEST_PASSWORD, newPassword: 'second racing password' }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses[0]).toBe(200);
      expect(statuses[1]).toBeGreaterThanOrEqual(400);
      const winner = first.status === 200 ? 'first racing password' : 'second racing password';
      const loser = first.status === 200 ? 'second racing password' : 'first racing password';
      await login(t.http, user, winner);
      await t.http().post('/auth/login').send({ email: user.email, password: loser }).expect(401);
    });
  });

  describe('the account page', () => {
    const signedInAgain = (session: WebSession, cookie: string) => ({ ...session, cookie });

    it('changes the password, keeps this browser signed in under a new session, and signs out every other', async () => {
      const user = await coordinator();
      const here = await webSignIn(t.http, user.email);
      const elsewhere = await webSignIn(t.http, user.email);
      const page = (await browser.page(here, '/account')).text;
      expect(page).toContain('<h1 class="govuk-heading-l">Your account</h1>');
      expect(page).toContain('href="/account"');
      expect(page).toContain('signs you out everywhere else');
      expect(page).toContain('turns off your calendar feed');
      expect(page).toMatch(/autocomplete="current-password"/);
      expect(page).toMatch(/autocomplete="new-password"/);

      const wrong = await browser.post(here, '/account', { currentPassword: 'not my password', newPassword: 'common' }).expect(400);
      expect(errorSummaryOf(wrong.text)).toEqual([
        'Your current password is not right: enter the password you signed in with',
        'Enter a password of at least 12 characters',
      ]);
      expect(wrong.text).toContain('href="#currentPassword"');
      expect(wrong.text).not.toContain('not my password');

      const done = await browser.post(here, '/account', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(303);
      expect(done.headers.location).toBe('/account?changed');
      const renewed = signedInAgain(here, cookieOf(done.headers['set-cookie']));
      expect(renewed.cookie).not.toBe(here.cookie);
      expect((await browser.page(renewed, '/account?changed')).text).toContain('Your password has been changed');
      await browser.page(renewed, '/', 200);
      await browser.page(here, '/', 303);
      await browser.page(elsewhere, '/', 303);
      expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [user.id])).toHaveLength(1);
    });
  });

  describe('a password an admin issues', () => {
    it('signs in once, and then only changing it and saying who you are work (403 PASSWORD_CHANGE_REQUIRED), until it is changed', async () => {
      const user = await issued();
      const signed = await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
      expect(signed.body.user.passwordChangeRequired).toBe(true);
      const token: string = signed.body.accessToken;
      const refused = await t.http().get('/operations').set(bearer(token)).expect(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: expect.stringContaining('Choose a password of your own before you do anything else'),
      });
      await t.http().post('/calendar/feed').set(bearer(token)).send({}).expect(403);
      await t.http().get('/tasks').set(bearer(token)).expect(403);
      expect((await me(token).expect(200)).body).toMatchObject({ id: user.id, passwordChangeRequired: true });

      const changed = await change(token, { currentPassword: user.password, newPassword: NEW_PASSWORD }).expect(200);
      expect(changed.body.user.passwordChangeRequired).toBe(false);
      await t.http().get('/operations').set(bearer(changed.body.accessToken)).expect(200);
      await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
    });

    it('sends the browser to the account page, which says why, and nowhere else opens until it is changed', async () => {
      const user = await issued();
      const signedIn = await postSignIn(t.http, { email: user.email, password: user.password }, 303, '/sign-in?next=%2Fplans');
      expect(signedIn.headers.location).toBe('/account');
      const cookie = cookieOf(signedIn.headers['set-cookie']);
      for (const path of ['/', '/plans', '/calendar', '/plans/new']) {
        expect((await t.http().get(path).set('Cookie', cookie).expect(303)).headers.location).toBe('/account');
      }
      const page = await t.http().get('/account').set('Cookie', cookie).expect(200);
      expect(page.text).toContain('You signed in with a one-time password an admin gave you');
      expect(page.text).not.toContain('href="/plans"');
      const session: WebSession = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1] };
      const posted = await browser.post(session, '/calendar', {}).expect(303);
      expect(posted.headers.location).toBe('/account');
      expect(await t.dataSource.query(`SELECT 1 FROM calendar_feeds WHERE user_id = $1`, [user.id])).toHaveLength(0);

      const done = await browser.post(session, '/account', { currentPassword: user.password, newPassword: NEW_PASSWORD }).expect(303);
      const renewed = cookieOf(done.headers['set-cookie']);
      await t.http().get('/plans').set('Cookie', renewed).expect(200);
      const [{ password_change_required: required }] = await t.dataSource.query(
        `SELECT password_change_required FROM users WHERE id = $1`,
        [user.id],
      );
      expect(required).toBe(false);
    });

    it('lets the user sign out before changing it', async () => {
      const user = await issued();
      const signedIn = await postSignIn(t.http, { email: user.email, password: user.password }, 303);
      const cookie = cookieOf(signedIn.headers['set-cookie']);
      const page = await t.http().get('/account').set('Cookie', cookie).expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      expect((await t.http().post('/sign-out').set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(303)).headers.location).toBe(
        '/sign-in?ended',
      );
      expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [user.id])).toHaveLength(0);
    });

    it('is refused 72 hours after it was issued, once known to be right, with a message to ask an admin for a new one', async () => {
      const user = await issued();
      await t.dataSource.query(`UPDATE users SET password_issued_at = now() - interval '72 hours 1 minute' WHERE id = $1`, [user.id]);
      const expired = await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(403);
      expect(expired.body).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: expect.stringContaining('Ask an admin for a new one'),
        details: { issuedPasswordExpired: true },
      });
      const wrong = await t.http().post('/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
      expect(wrong.body.message).toBe('The email or password is incorrect');
      const page = await postSignIn(t.http, { email: user.email, password: user.password }, 403);
      // The sign-in form again, with the reason in its error summary linked to the password field.
      expect(page.text).toContain('There is a problem');
      expect(page.text).toMatch(/<a href="#password">[^<]*Ask an admin for a new one/);

      await t.http().patch(`/users/${user.id}`).set(admin).send({ password: 'a second harbour lantern' }).expect(200);
      const again = await t.http().post('/auth/login').send({ email: user.email, password: 'a second harbour lantern' }).expect(200);
      expect(again.body.user.passwordChangeRequired).toBe(true);
    });

    it('is audited when issued, with who issued it, for whom and when, never the password', async () => {
      const user = await issued();
      await t.http().patch(`/users/${user.id}`).set(admin).send({ password: 'a second harbour lantern' }).expect(200);
      const events = await auditOf(user.id);
      expect(events.map((event) => event.action)).toEqual(['user.password_issued', 'user.password_issued', 'user.created']);
      expect(events[0]).toMatchObject({
        actor: { id: adminId },
        before: null,
        after: { email: user.email, expiresAt: expect.any(String) },
      });
      expect(new Date(events[0].after.expiresAt as string).getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
      expect(JSON.stringify(events)).not.toMatch(/harbour|argon/);
    });

    it('is not asked of users put in the database directly (demo and test users)', async () => {
      const user = await coordinator();
      await t
        .http()
        .get('/operations')
        .set(bearer(await login(t.http, user)))
        .expect(200);
    });
  });

  describe('everything a user holds ends together', () => {
    /** A user signed in with a token, a browser session and a calendar feed. */
    async function holding(): Promise<{ user: UserRow; token: string; session: WebSession; feed: string }> {
      const user = await coordinator();
      const token = await login(t.http, user);
      return { user, token, session: await webSignIn(t.http, user.email), feed: await feedOf(token) };
    }

    it.each([
      ['an admin issues a new password', { password: 'a third harbour lantern' }],
      ['their roles change', { roles: ['MANAGER'] }],
      ['their agency changes', 'agency'],
      ['they are disabled', { active: false }],
    ])('when %s: sessions, tokens and the calendar feed (404)', async (_when, changes) => {
      const held = await holding();
      const body = changes === 'agency' ? { agencyId: (await createAgency(t.dataSource)).id } : changes;
      await t.http().patch(`/users/${held.user.id}`).set(admin).send(body).expect(200);
      await me(held.token).expect(401);
      await browser.page(held.session, '/', 303);
      const gone = await t.http().get(held.feed).expect(404);
      expect(gone.body).toMatchObject({ code: 'NOT_FOUND', message: 'Calendar feed was not found' });
    });

    it('not when only their name changes', async () => {
      const held = await holding();
      await t.http().patch(`/users/${held.user.id}`).set(admin).send({ name: 'Renamed' }).expect(200);
      await me(held.token).expect(200);
      await browser.page(held.session, '/', 200);
      await t.http().get(held.feed).expect(200);
    });

    it('a new feed made after a change works again', async () => {
      const held = await holding();
      await t
        .http()
        .patch(`/users/${held.user.id}`)
        .set(admin)
        .send({ roles: ['MANAGER'] })
        .expect(200);
      const token = await login(t.http, held.user);
      expect((await t.http().get('/calendar/feed').set(bearer(token)).expect(200)).body.exists).toBe(false);
      await t
        .http()
        .get(await feedOf(token))
        .expect(200);
    });
  });
});
