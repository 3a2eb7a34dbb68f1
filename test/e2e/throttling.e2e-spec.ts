import { createHash } from 'node:crypto';
import { Response } from 'supertest';
import { createAgency, createUser, TEST_PASSWORD, unique, UserRow } from '../factories';
import { csrfOf, errorSummaryOf } from '../support/browser-session';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Sign-in throttling with the real limits (5 failures per account, 30 per address, in 15
 * minutes), each test from addresses of its own (taken from X-Forwarded-For, as behind a proxy).
 */
describe('Sign-in throttling stops guessing, not colleagues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_IP: '30', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  let addresses = 0;
  const newAddress = () => `10.25.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
  const colleague = async (): Promise<UserRow> => createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);

  const apiSignIn = (email: string, password: string, address: string) =>
    t.http().post('/auth/login').set('X-Forwarded-For', address).send({ email, password });

  const setCookie = (response: Response, name: string) =>
    ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((value) => value.startsWith(`${name}=`));

  /** A browser at an address, which keeps the device cookie it is given (or forgets it, as a kiosk does). */
  function browserAt(address: string, keepsCookies = true) {
    const browser = {
      device: undefined as string | undefined,
      /** Loads the sign-in form, ready to post: its token, and the cookies the browser sends with it. */
      async form() {
        const page = await t.http().get('/sign-in').set('X-Forwarded-For', address).expect(200);
        const formCookie = (setCookie(page, 'doap_sign_in') as string).split(';')[0];
        const cookies = [formCookie, ...(browser.device ? [`doap_device=${browser.device}`] : [])].join('; ');
        return (email: string, password: string) =>
          t
            .http()
            .post('/sign-in')
            .set('X-Forwarded-For', address)
            .set('Cookie', cookies)
            .type('form')
            .send({ _csrf: csrfOf(page.text), email, password });
      },
      async signIn(email: string, password: string, status: number): Promise<Response> {
        const response = await (await browser.form())(email, password).expect(status);
        const device = setCookie(response, 'doap_device');
        if (device && keepsCookies) browser.device = device.split(';')[0].slice('doap_device='.length);
        return response;
      },
    };
    return browser;
  }

  const expectRefusedOnPage = (response: Response) =>
    expect(errorSummaryOf(response.text)).toEqual([expect.stringMatching(/^Too many sign-in attempts; try again in \d+ minutes?$/)]);

  const expectRefusedByApi = (response: Response) => {
    expect(response.status).toBe(429);
    expect(response.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many sign-in attempts; try again in \d+ minutes?$/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(response.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(response.body.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  };

  it('never refuses successful sign-ins, however many: 25 in a row through the API and 25 through the page of a shared PC that keeps no cookie', async () => {
    const user = await colleague();
    const office = newAddress();
    for (let n = 0; n < 25; n++) await apiSignIn(user.email, TEST_PASSWORD, office).expect(200);
    const kiosk = browserAt(office, false);
    for (let n = 0; n < 25; n++) await kiosk.signIn(user.email, TEST_PASSWORD, 303);
  });

  it('gives a browser that signs in a long-lived device cookie for the account: a random token, only its SHA-256 stored, never logged', async () => {
    const user = await colleague();
    const browser = browserAt(newAddress());
    const response = await browser.signIn(user.email, TEST_PASSWORD, 303);
    expect(setCookie(response, 'doap_device')).toMatch(
      /^doap_device=[A-Za-z0-9_-]{43}; Max-Age=15552000; Path=\/sign-in; HttpOnly; SameSite=Strict$/,
    );
    const token = browser.device as string;
    const rows = await t.dataSource.query(`SELECT * FROM trusted_devices WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_sha256).toEqual(createHash('sha256').update(token).digest());
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(t.logger.text()).not.toContain(token);
    expect(t.logger.text()).not.toContain(TEST_PASSWORD);
  });

  it('lets a device-cookie holder sign in after 40 failures from its address against other accounts; the cookie of one account does not help another', async () => {
    const alice = await colleague();
    const bob = await colleague();
    const office = newAddress();
    const alicesPc = browserAt(office);
    await alicesPc.signIn(alice.email, TEST_PASSWORD, 303);

    const stuffer = browserAt(office);
    const answers: number[] = [];
    for (let n = 0; n < 40; n++) {
      const email = `${unique('stuffed.').toLowerCase()}@test.local`;
      answers.push(
        n % 2 ? (await apiSignIn(email, 'Password1', office)).status : (await (await stuffer.form())(email, 'Password1')).status,
      );
    }
    expect(answers.filter((status) => status === 401)).toHaveLength(30);
    expect(answers.filter((status) => status === 429)).toHaveLength(10);

    await alicesPc.signIn(alice.email, TEST_PASSWORD, 303);
    expectRefusedOnPage(await alicesPc.signIn(bob.email, TEST_PASSWORD, 429));
    expectRefusedByApi(await apiSignIn(alice.email, TEST_PASSWORD, office));
    await apiSignIn(bob.email, TEST_PASSWORD, newAddress()).expect(200);
  });

  it('still refuses an attacker without the cookie at the sixth failure on one account, through the API and the page, while the owner’s browser signs in', async () => {
    const victim = await colleague();
    const ownPc = browserAt(newAddress());
    await ownPc.signIn(victim.email, TEST_PASSWORD, 303);

    const attacker = browserAt(newAddress());
    for (let n = 0; n < 3; n++) await apiSignIn(victim.email, `guess ${n}`, newAddress()).expect(401);
    for (let n = 0; n < 2; n++) await attacker.signIn(victim.email, `guess ${n + 3}`, 401);
    expectRefusedByApi(await apiSignIn(victim.email, 'guess 6', newAddress()));
    expectRefusedByApi(await apiSignIn(victim.email, TEST_PASSWORD, newAddress()));
    expectRefusedOnPage(await attacker.signIn(victim.email, TEST_PASSWORD, 429));
    expectRefusedOnPage(await browserAt(newAddress()).signIn(victim.email, TEST_PASSWORD, 429));

    await ownPc.signIn(victim.email, TEST_PASSWORD, 303);
  });

  it('locks out only the device-cookie holder that fails, not the account elsewhere nor its other trusted browsers', async () => {
    const user = await colleague();
    const office = newAddress();
    const mistyping = browserAt(office);
    const other = browserAt(newAddress());
    await mistyping.signIn(user.email, TEST_PASSWORD, 303);
    await other.signIn(user.email, TEST_PASSWORD, 303);

    for (let n = 0; n < 5; n++) await mistyping.signIn(user.email, `typo ${n}`, 401);
    expectRefusedOnPage(await mistyping.signIn(user.email, TEST_PASSWORD, 429));

    await other.signIn(user.email, TEST_PASSWORD, 303);
    await browserAt(office).signIn(user.email, TEST_PASSWORD, 303);
    await apiSignIn(user.email, TEST_PASSWORD, office).expect(200);
  });

  it('counts parallel wrong guesses in advance: 24 at once get 5 tries, from an untrusted client and from a trusted browser alike', async () => {
    const user = await colleague();
    const untrusted = await Promise.all(Array.from({ length: 24 }, () => apiSignIn(user.email, 'a wrong guess', newAddress())));
    expect(untrusted.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(untrusted.filter((answer) => answer.status === 429)).toHaveLength(19);
    expectRefusedByApi(await apiSignIn(user.email, TEST_PASSWORD, newAddress()));

    const other = await colleague();
    const trusted = browserAt(newAddress());
    await trusted.signIn(other.email, TEST_PASSWORD, 303);
    const forms = await Promise.all(Array.from({ length: 24 }, () => trusted.form()));
    const guesses = await Promise.all(forms.map((post) => post(other.email, 'a wrong guess')));
    expect(guesses.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(guesses.filter((answer) => answer.status === 429)).toHaveLength(19);
    await trusted.signIn(other.email, TEST_PASSWORD, 429);
  });

  it('keeps one browser trusted for each account signed in on it, as on a shared briefing-room PC', async () => {
    const [first, second] = [await colleague(), await colleague()];
    const shared = browserAt(newAddress());
    await shared.signIn(first.email, TEST_PASSWORD, 303);
    await shared.signIn(second.email, TEST_PASSWORD, 303);
    expect((shared.device as string).split('.')).toHaveLength(2);
    for (const user of [first, second]) {
      for (let n = 0; n < 5; n++) await apiSignIn(user.email, 'a guess', newAddress()).expect(401);
    }
    await shared.signIn(first.email, TEST_PASSWORD, 303);
    await shared.signIn(second.email, TEST_PASSWORD, 303);
  });

  it('trusts a device cookie no longer once it is replaced at the next sign-in, once the user’s password or roles change, or when it is made up', async () => {
    const user = await colleague();
    const browser = browserAt(newAddress());
    await browser.signIn(user.email, TEST_PASSWORD, 303);
    const copied = browserAt(newAddress());
    copied.device = browser.device;
    await browser.signIn(user.email, TEST_PASSWORD, 303);
    const madeUp = browserAt(newAddress());
    madeUp.device = 'x'.repeat(43);

    for (let n = 0; n < 5; n++) await apiSignIn(user.email, 'a guess', newAddress()).expect(401);
    await copied.signIn(user.email, TEST_PASSWORD, 429);
    await madeUp.signIn(user.email, TEST_PASSWORD, 429);
    await browser.signIn(user.email, TEST_PASSWORD, 303);

    await t.dataSource.query(`UPDATE users SET token_generation = token_generation + 1 WHERE id = $1`, [user.id]);
    await browser.signIn(user.email, TEST_PASSWORD, 429);
  });
});
