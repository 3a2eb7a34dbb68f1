import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sample, TOKEN } from '../support/metrics';
import { postgresProcessesFor, RunningApp } from '../support/running-app';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The built app on its embedded Postgres, which is killed under it (npm run build first). */
describe('embedded Postgres restarts in /metrics', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'planner-restarts-'));
    app = await RunningApp.start(dataDir, { METRICS_TOKEN: TOKEN, SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    if (app.running) await app.stop('SIGTERM');
    for (let tries = 0; tries < 200 && (await postgresProcessesFor(dataDir)).length > 0; tries++) await sleep(100);
    await rm(dataDir, { recursive: true, force: true });
  });

  const restarts = async () =>
    sample(
      (await app.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text,
      'planner_embedded_postgres_restarts_total',
    );

  it('counts each time Postgres died under the app and was started again', async () => {
    expect(await restarts()).toBe(0);
    process.kill(Number((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]), 'SIGKILL');
    for (let tries = 0; tries < 300 && (await restarts()) === 0; tries++) await sleep(100);
    expect(await restarts()).toBe(1);
    await app.http().get('/health/ready').expect(200);
  });
});
