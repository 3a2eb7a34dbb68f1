import { adminQuery, isolatedDatabaseUrl } from '../support/databases';
import { sample, TOKEN } from '../support/metrics';
import { startTestApp, TestApp } from '../support/test-app';

/** Liveness and readiness for the people who operate the app, each app on a database of its own (the tests change it). */
describe('/health/live and /health/ready', () => {
  let t: TestApp;
  let database: string;

  beforeEach(async () => {
    const url = await isolatedDatabaseUrl();
    database = new URL(url).pathname.slice(1);
    t = await startTestApp({ DATABASE_URL: url, METRICS_TOKEN: TOKEN });
  });
  afterEach(async () => {
    await adminQuery(process.env.DATABASE_URL as string, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await t.close();
  });

  it('answers live and ready, without a token', async () => {
    expect((await t.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/health/ready').expect(200)).body).toEqual({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('is not ready while a migration is pending, and names it', async () => {
    const [[{ name }]] = await t.dataSource.query(
      `DELETE FROM migrations WHERE timestamp = (SELECT max(timestamp) FROM migrations) RETURNING name`,
    );
    const response = await t.http().get('/health/ready').expect(503);
    const migrations = {
      status: 'down',
      message: 'The database schema is behind this version of the app: 1 migration not yet applied; restarting the app applies it',
      pending: [name],
    };
    expect(response.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: migrations.message,
      status: 'error',
      info: { database: { status: 'up' } },
      error: { migrations },
      details: { database: { status: 'up' }, migrations },
    });
    await t.http().get('/health/live').expect(200);
  });

  it('is not ready while the database is unreachable, and still live, its metrics still read', async () => {
    await adminQuery(process.env.DATABASE_URL as string, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await adminQuery(
      process.env.DATABASE_URL as string,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`,
    );
    const response = await t.http().get('/health/ready').expect(503);
    const down = { status: 'down', message: 'The database is unavailable' };
    expect(response.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable',
      status: 'error',
      info: {},
      error: { database: down },
      details: { database: down },
    });
    expect((await t.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const metrics = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(sample(metrics.text, 'planner_sessions')).toBeNaN();
    expect(sample(metrics.text, 'planner_db_pool_waiting_queries')).toBe(0);
  });
});
