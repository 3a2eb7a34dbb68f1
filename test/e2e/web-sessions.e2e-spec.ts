import { createHash } from 'node:crypto';
import { createAgency, createUser, login, TEST_PASSWORD } from '../factories';
import { cookieOf, csrfOf, errorSummaryOf, newPlanForm, postSignIn, webSignIn } from '../support/browser-session';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('Web sessions: sign in, sign out, expiry and CSRF', () => {
  const { t } = useApp();

  const coordinator = async () => createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
  const sessionRows = (userId: string) =>
    t.dataSource.query(`SELECT encode(id_hash, 'hex') AS hash, last_seen_at FROM sessions WHERE user_id = $1`, [userId]);

  it('sends a visitor without a session to the sign-in page, and back where they were going after signing in', async () => {
    const user = await coordinator();
    const away = await t.http().get('/plans?status=DRAFT').expect(303);
    expect(away.headers.location).toBe('/sign-in?next=%2Fplans%3Fstatus%3DDRAFT');
    const page = await t.http().get(away.headers.location).expect(200);
    expect(page.text).toMatch(/<label class="govuk-label" for="email">\s*Email address\s*<\/label>/);
    expect(page.text).toMatch(/<label class="govuk-label" for="password">\s*Password\s*<\/label>/);
    expect(page.text).toMatch(/<button[^>]*>\s*Sign in\s*<\/button>/);
    const signedIn = await postSignIn(
      t.http,
      { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      303,
      '/sign-in?next=%2Fplans%3Fstatus%3DDRAFT',
    );
    expect(signedIn.headers.location).toBe('/plans?status=DRAFT');
  });

  it('never sends anyone to another site after signing in', async () => {
    const user = await coordinator();
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example']) {
      const response = await postSignIn(
        t.http,
        { email: user.email, password: TEST_PASSWORD },
        303,
        `/sign-in?next=${encodeURIComponent(next)}`,
      );
      expect(response.headers.location).toBe('/');
    }
  });

  it('keeps only the SHA-256 of a random 256-bit session id, in an HttpOnly, SameSite=Lax cookie for the whole site', async () => {
    const user = await coordinator();
    const response = await postSignIn(t.http, { email: user.email, password: TEST_PASSWORD }, 303);
    const header = (response.headers['set-cookie'] as unknown as string[])[0];
    expect(header).toMatch(/^doap_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const id = cookieOf(response.headers['set-cookie']).split('=')[1];
    const [row] = await sessionRows(user.id);
    expect(row.hash).toBe(createHash('sha256').update(id).digest('hex'));
    expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM sessions WHERE user_id = $1`, [user.id]))).not.toContain(id);
  });

  it('refuses a wrong password with the error summary, keeping the email and never echoing the password', async () => {
    const user = await coordinator();
    const response = await postSignIn(t.http, { email: user.email, password: 'not-the-password' }, 401);
    expect(response.headers['set-cookie']).toEqual([
      expect.stringMatching(/^doap_sign_in=[A-Za-z0-9_-]{43}; Path=\/sign-in; HttpOnly; SameSite=Strict$/),
    ]);
    expect(errorSummaryOf(response.text)).toEqual(['Enter a correct email address and password']);
    expect(response.text).toContain('<title>Error: Sign in – Day of action planner</title>');
    expect(response.text).toContain('href="#email"');
    expect(response.text).toContain(`value="${user.email}"`);
    expect(response.text).not.toContain('not-the-password');
    const empty = await postSignIn(t.http, {}, 400);
    expect(errorSummaryOf(empty.text)).toEqual(['Enter your email address', 'Enter your password']);
  });

  it('throttles sign-in through the page of a browser without a device cookie as POST /auth/login does, counting both together', async () => {
    const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' });
    try {
      const user = await createUser(strict.dataSource, await createAgency(strict.dataSource), ['COORDINATOR']);
      await strict.http().post('/auth/login').send({ email: user.email, password: 'wrong' }).expect(401);
      await postSignIn(strict.http, { email: user.email, password: 'wrong' }, 401);
      const refused = await postSignIn(strict.http, { email: user.email, password: TEST_PASSWORD }, 429);
      expect(errorSummaryOf(refused.text)[0]).toMatch(/^Too many sign-in attempts; try again in \d+ minute/);
    } finally {
      await strict.close();
    }
  });

  it('refuses a sign-in form another site posts: without this browser’s form token, nobody is signed in', async () => {
    const user = await coordinator();
    const form = await t.http().get('/sign-in').expect(200);
    const token = csrfOf(form.text);
    const forged = [
      t.http().post('/sign-in').type('form').send({ email: user.email, password: TEST_PASSWORD }),
      t.http().post('/sign-in').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD }),
      t
        .http()
        .post('/sign-in')
        .set('Cookie', `doap_sign_in=${'x'.repeat(43)}`)
        .type('form')
        .send({ _csrf: token, email: user.email, password: TEST_PASSWORD }),
    ];
    for (const attempt of forged) {
      const refused = await attempt.expect(403);
      expect(errorSummaryOf(refused.text)).toEqual(['The sign-in form had expired: sign in again']);
      expect(JSON.stringify(refused.headers['set-cookie'])).not.toContain('doap_session=');
    }
    expect(await sessionRows(user.id)).toHaveLength(0);
  });

  it('signs out with a POST that deletes the session row and clears the cookie', async () => {
    const user = await coordinator();
    const session = await webSignIn(t.http, user.email);
    expect(await sessionRows(user.id)).toHaveLength(1);
    const out = await t.http().post('/sign-out').set('Cookie', session.cookie).type('form').send({ _csrf: session.csrf }).expect(303);
    expect(out.headers.location).toBe('/sign-in?ended');
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^doap_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await sessionRows(user.id)).toHaveLength(0);
    await t.http().get('/').set('Cookie', session.cookie).expect(303);
  });

  it('ends a session 30 minutes after it was last used, and 12 hours after sign-in however busy', async () => {
    const user = await coordinator();
    const idle = await webSignIn(t.http, user.email);
    await t.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '29 minutes', last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`,
      [user.id],
    );
    await t.http().get('/').set('Cookie', idle.cookie).expect(200);
    await t.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '31 minutes', last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [user.id],
    );
    expect((await t.http().get('/plans').set('Cookie', idle.cookie).expect(303)).headers.location).toBe('/sign-in?next=%2Fplans');

    const other = await coordinator();
    const old = await webSignIn(t.http, other.email);
    await t.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '12 hours 1 minute', last_seen_at = now() WHERE user_id = $1`,
      [other.id],
    );
    await t.http().get('/').set('Cookie', old.cookie).expect(303);
  });

  it('moves the idle clock on when the session is used', async () => {
    const user = await coordinator();
    const session = await webSignIn(t.http, user.email);
    await t.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '20 minutes', last_seen_at = now() - interval '20 minutes' WHERE user_id = $1`,
      [user.id],
    );
    await t.http().get('/').set('Cookie', session.cookie).expect(200);
    const [row] = await sessionRows(user.id);
    expect(Date.now() - new Date(row.last_seen_at).getTime()).toBeLessThan(60_000);
  });

  it('ends the sessions of a user an admin disables, or whose roles change', async () => {
    const agency = await createAgency(t.dataSource);
    const admin = await createUser(t.dataSource, agency, ['ADMIN']);
    const adminAuth = { Authorization: `Bearer ${await login(t.http, admin)}` };
    for (const change of [{ active: false }, { roles: ['MANAGER'] }]) {
      const user = await createUser(t.dataSource, agency, ['COORDINATOR']);
      const session = await webSignIn(t.http, user.email);
      await t.http().patch(`/users/${user.id}`).set(adminAuth).send(change).expect(200);
      await t.http().get('/').set('Cookie', session.cookie).expect(303);
    }
  });

  it('refuses a form posted without this session’s CSRF token with the 403 page, and changes nothing', async () => {
    const user = await coordinator();
    const session = await webSignIn(t.http, user.email);
    const name = `Forged ${Date.now()}`;
    const form = newPlanForm({ name });
    const other = await webSignIn(t.http, (await coordinator()).email);
    for (const token of [undefined, 'x'.repeat(43), other.csrf]) {
      const refused = await t
        .http()
        .post('/plans/new')
        .set('Cookie', session.cookie)
        .type('form')
        .send(token ? { ...form, _csrf: token } : form)
        .expect(403);
      expect(refused.text).toContain('<h1 class="govuk-heading-l">You cannot do this</h1>');
      expect(refused.text).toContain('nothing was changed');
    }
    expect(await t.dataSource.query(`SELECT 1 FROM operations WHERE name = $1`, [name])).toHaveLength(0);
    await t.http().post('/sign-out').set('Cookie', session.cookie).type('form').send({}).expect(403);
    expect(await sessionRows(user.id)).toHaveLength(1);
    const made = await t
      .http()
      .post('/plans/new')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ ...form, _csrf: session.csrf })
      .expect(303);
    expect(made.headers.location).toMatch(/^\/plans\/OP-\d{4}-\d{4,}\?created$/);
  });

  it('keeps the API on bearer tokens alone: a session cookie signs nobody in to it', async () => {
    const user = await coordinator();
    const session = await webSignIn(t.http, user.email);
    await t.http().get('/auth/me').set('Cookie', session.cookie).expect(401);
    await t
      .http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${await login(t.http, user)}`)
      .expect(200);
  });

  it('serves pages with a CSP that allows no inline script, and none in the page', async () => {
    const user = await coordinator();
    const session = await webSignIn(t.http, user.email);
    const page = await t.http().get('/plans/new').set('Cookie', session.cookie).expect(200);
    const scriptSrc = (page.headers['content-security-policy'] as string)
      .split(';')
      .find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(page.text.match(/<script[^>]*>/g)).toEqual([
      '<script src="/public/js-enabled.js">',
      '<script type="module" src="/public/app.mjs">',
    ]);
    expect(page.headers['cache-control']).toBe('no-store');
    for (const asset of ['/public/app.css', '/public/app.mjs', '/public/govuk-frontend.min.js', '/public/js-enabled.js'])
      await t.http().get(asset).expect(200);
    expect(csrfOf(page.text)).toBe(session.csrf);
  });
});
