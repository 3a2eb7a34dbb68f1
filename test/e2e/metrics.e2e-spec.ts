import { createAgency, createUser, randomPostcode } from '../factories';
import { Scenario } from '../factories/scenario';
import { webSignIn } from '../support/browser-session';
import { isolatedDatabaseUrl } from '../support/databases';
import { sample, TOKEN } from '../support/metrics';
import { startTestApp, TestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('GET /metrics', () => {
  describe('without METRICS_TOKEN', () => {
    const { t } = useApp();

    it('is not there', async () => {
      const response = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    let s: Scenario;
    const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

    beforeAll(async () => {
      // A database of its own: the sessions gauge counts every live session in it, and other test files sign in too.
      t = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl(), METRICS_TOKEN: TOKEN, LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' });
      s = new Scenario(t);
    });
    afterAll(() => t.close());

    it('refuses a request without the token, or with another, in the error shape', async () => {
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN]) {
        const call = t.http().get('/metrics');
        const response = await (authorization ? call.set('Authorization', authorization) : call).expect(401);
        expect(response.body).toEqual({
          statusCode: 401,
          code: 'UNAUTHENTICATED',
          message: 'Send the metrics token as a bearer token to read the metrics',
        });
        expect(response.text).not.toContain('http_requests_total');
      }
    });

    it('counts requests by the route they matched, never by the path with its ids', async () => {
      const owner = await s.owner('NCA');
      const plan = await s.draft(owner);
      await s.get(owner.auth, `/operations/${plan.id}`).expect(200);
      const response = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(sample(response.text, 'http_requests_total{method="GET",route="/operations/:id",status="200"}')).toBeGreaterThanOrEqual(1);
      expect(response.text).toMatch(
        /http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/operations\/:id",status="200"\} \d+/,
      );
      expect(response.text).not.toContain(plan.id);
    });

    it('shows the database pool, and the embedded Postgres restarts (none with a server of its own)', async () => {
      const text = await scrape();
      expect(sample(text, 'planner_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'planner_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'planner_db_pool_waiting_queries')).toBe(0);
      expect(sample(text, 'planner_embedded_postgres_restarts_total')).toBe(0);
    });

    it('counts the browser sessions signed in, and not those signed out', async () => {
      const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
      const before = sample(await scrape(), 'planner_sessions') as number;
      const session = await webSignIn(t.http, user.email);
      expect(sample(await scrape(), 'planner_sessions')).toBe(before + 1);
      await t.http().post('/sign-out').set('Cookie', session.cookie).type('form').send({ _csrf: session.csrf }).expect(303);
      expect(sample(await scrape(), 'planner_sessions')).toBe(before);
    });

    it('counts the sign-ins refused as too many', async () => {
      const user = await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR']);
      const before = sample(await scrape(), 'planner_login_throttled_total') as number;
      for (let attempt = 0; attempt < 2; attempt++)
        await t.http().post('/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
      await t.http().post('/auth/login').send({ email: user.email, password: 'not the password' }).expect(429);
      expect(sample(await scrape(), 'planner_login_throttled_total')).toBe(before + 1);
    });

    it('counts the deconfliction hits raised', async () => {
      const postcode = randomPostcode();
      const place = { locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode }] };
      const before = sample(await scrape(), 'planner_deconfliction_hits_raised_total') as number;
      await s.draft(await s.owner('NCA'), place);
      expect(sample(await scrape(), 'planner_deconfliction_hits_raised_total')).toBe(before);
      await s.draft(await s.owner('POLICE'), place);
      expect(sample(await scrape(), 'planner_deconfliction_hits_raised_total')).toBe(before + 1);
    });
  });
});
