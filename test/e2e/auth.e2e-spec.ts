import { AUDIENCE, ISSUER, TEST_JWT_SECRET, forgeToken } from '../support/jwt';
import { startTestApp, TestApp } from '../support/test-app';
import { createAgency, createUser, login, TEST_PASSWORD, unique } from '../factories';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' });
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);

  async function someUser(roles: ('COORDINATOR' | 'MANAGER' | 'ADMIN')[] = ['COORDINATOR']) {
    const agency = await createAgency(t.dataSource);
    return createUser(t.dataSource, agency, roles);
  }

  it('signs a user in with email (any case) and password and returns a bearer token and the user', async () => {
    const user = await someUser();
    const response = await t.http().post('/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.id, email: user.email } });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const me = await t.http().get('/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, roles: ['COORDINATOR'], agency: { id: user.agencyId } });
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const user = await someUser();
    const wrong = await t.http().post('/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    const unknown = await t
      .http()
      .post('/auth/login')
      .send({ email: `${unique('nobody.')}@test.local`, password: 'whatever' })
      .expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'The email or password is incorrect' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a disabled account like a wrong password', async () => {
    const agency = await createAgency(t.dataSource);
    const user = await createUser(t.dataSource, agency, ['COORDINATOR'], { active: false });
    const response = await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('logs failures and successes without the password', async () => {
    const user = await someUser();
    const secret = `s3cret-${unique()}`;
    await t.http().post('/auth/login').send({ email: user.email, password: secret }).expect(401);
    await login(t.http, user);
    const logs = t.logger.text();
    expect(logs).toContain('login failed');
    expect(logs).toContain('login succeeded');
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(TEST_PASSWORD);
  });

  it('throttles an account after repeated failures with 429 RATE_LIMITED, even for the right password', async () => {
    const user = await someUser();
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.http().post('/auth/login').send({ email: user.email, password: 'wrong' }).expect(401);
    }
    const limited = await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('throttles a client address after repeated failures across accounts, taking the address from X-Forwarded-For behind a trusted proxy', async () => {
    const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '100', LOGIN_MAX_FAILURES_PER_IP: '4', TRUST_PROXY: 'true' });
    try {
      const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const from = (ip: string) => ({ 'X-Forwarded-For': ip });
      for (let attempt = 0; attempt < 4; attempt++) {
        await strict
          .http()
          .post('/auth/login')
          .set(from(address))
          .send({ email: `${unique('x.')}@test.local`, password: 'wrong' })
          .expect(401);
      }
      const user = await someUser();
      const limited = await strict
        .http()
        .post('/auth/login')
        .set(from(address))
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      await strict.http().post('/auth/login').set(from('203.0.113.7')).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    } finally {
      await strict.close();
    }
  });

  it('counts failures in parallel before verifying: 24 concurrent wrong passwords get 3 tries, and the right one is then refused', async () => {
    const user = await someUser();
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => t.http().post('/auth/login').send({ email: user.email, password: 'a wrong guess' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(21);
    await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
  });

  it('keeps the counts in Postgres: they survive a restart of the app', async () => {
    const user = await someUser();
    for (let attempt = 0; attempt < 3; attempt++)
      await t.http().post('/auth/login').send({ email: user.email, password: 'wrong' }).expect(401);
    const restarted = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    try {
      await restarted.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    } finally {
      await restarted.close();
    }
  });

  describe('a protected route', () => {
    let userId: string;
    beforeAll(async () => {
      userId = (await someUser()).id;
    });

    const expectUnauthenticated = async (authorization?: string) => {
      const call = t.http().get('/auth/me');
      if (authorization !== undefined) call.set('Authorization', authorization);
      const response = await call.expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(typeof response.body.message).toBe('string');
    };
    const claims = (overrides: Record<string, unknown> = {}) => ({
      sub: userId,
      gen: 1,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now(),
      exp: now() + 600,
      ...overrides,
    });

    it('accepts a well-formed token signed with the secret (the forging helper is sound)', async () => {
      const token = forgeToken(claims(), { secret: TEST_JWT_SECRET });
      await t.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    });

    it('refuses a missing token', () => expectUnauthenticated());
    it('refuses a header that is not a bearer token', () => expectUnauthenticated('Basic YWRtaW46YWRtaW4='));
    it('refuses garbage', () => expectUnauthenticated('Bearer not.a.token'));
    it('refuses an expired token', () =>
      expectUnauthenticated(`Bearer ${forgeToken(claims({ iat: now() - 7200, exp: now() - 3600 }), { secret: TEST_JWT_SECRET })}`));
    it('refuses a token signed with another secret', () => expectUnauthenticated(`Bearer ${forgeToken(claims())}`));
    it('refuses a token whose payload was tampered with', async () => {
      const token = forgeToken(claims(), { secret: TEST_JWT_SECRET });
      const [head, , signature] = token.split('.');
      const payload = Buffer.from(JSON.stringify(claims({ sub: '00000000-0000-4000-8000-000000000000' }))).toString('base64url');
      await expectUnauthenticated(`Bearer ${head}.${payload}.${signature}`);
    });
    it('refuses an unsigned alg:none token', () => expectUnauthenticated(`Bearer ${forgeToken(claims(), { alg: 'none' })}`));
    it('refuses a token for another audience', () =>
      expectUnauthenticated(`Bearer ${forgeToken(claims({ aud: 'someone-else' }), { secret: TEST_JWT_SECRET })}`));
    it('refuses a token from another issuer', () =>
      expectUnauthenticated(`Bearer ${forgeToken(claims({ iss: 'someone-else' }), { secret: TEST_JWT_SECRET })}`));
    it.each(['exp', 'iat', 'gen'])('refuses a token without %s', (claim) =>
      expectUnauthenticated(`Bearer ${forgeToken(claims({ [claim]: undefined }), { secret: TEST_JWT_SECRET })}`),
    );
    it('refuses a token of an earlier token generation', () =>
      expectUnauthenticated(`Bearer ${forgeToken(claims({ gen: 0 }), { secret: TEST_JWT_SECRET })}`));
    it('refuses a token of a user who has since been disabled', async () => {
      const user = await someUser();
      const token = await login(t.http, user);
      await t.dataSource.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
      await expectUnauthenticated(`Bearer ${token}`);
    });
  });

  it('ends every token a user holds when an admin changes their password or roles, not when only their name changes', async () => {
    const agency = await createAgency(t.dataSource);
    const admin = { Authorization: `Bearer ${await login(t.http, await createUser(t.dataSource, agency, ['ADMIN']))}` };
    const user = await createUser(t.dataSource, agency, ['COORDINATOR']);
    const me = (token: string) => t.http().get('/auth/me').set('Authorization', `Bearer ${token}`);

    let token = await login(t.http, user);
    await t.http().patch(`/users/${user.id}`).set(admin).send({ name: 'Renamed' }).expect(200);
    await me(token).expect(200);
    await t.http().patch(`/users/${user.id}`).set(admin).send({ password: 'a fresh pass phrase for jo' }).expect(200);
    await me(token).expect(401);

    token = await login(t.http, user, 'a fresh pass phrase for jo');
    await me(token).expect(200);
    await t
      .http()
      .patch(`/users/${user.id}`)
      .set(admin)
      .send({ roles: ['MANAGER'] })
      .expect(200);
    await me(token).expect(401);
    await me(await login(t.http, user, 'a fresh pass phrase for jo')).expect(200);
  });
});
