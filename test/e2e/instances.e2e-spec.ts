import { DataSource } from 'typeorm';
import { createAgency, createUser, TEST_PASSWORD } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { RunningApp } from '../support/running-app';

/** Two instances of the built app on one database, as behind a load balancer: they count sign-ins together. */
describe('two instances of the app on one database', () => {
  let db: DataSource;
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    const url = await isolatedDatabaseUrl();
    db = await new DataSource({ type: 'postgres', url }).initialize();
    apps = await Promise.all([RunningApp.onDatabase(url), RunningApp.onDatabase(url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.filter((app) => app.running).map((app) => app.stop('SIGTERM')));
    await db?.destroy();
  });

  it('share the failed sign-ins of an account, counted atomically across both, so parallel guesses get five tries in all', async () => {
    const user = await createUser(db, await createAgency(db), ['COORDINATOR']);
    const guesses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => apps[i % 2].http().post('/auth/login').send({ email: user.email, password: `guess number ${i}` })),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
    for (const app of apps) await app.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
  });
});
