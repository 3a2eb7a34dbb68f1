import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '../../src/reference-data/demo-data';
import { DEMO_PASSWORD, postgresProcessesFor, RunningApp } from '../support/running-app';

/** The built app with the embedded Postgres in a fresh data directory: start, crash, restart, stop. */
describe('running the app with its embedded Postgres', () => {
  let dataDir: string;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'planner-lifecycle-'));
  });

  afterAll(async () => {
    if (app?.running) await app.stop('SIGKILL');
    for (const pid of await postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts with demo data, keeps committed data across a SIGKILL, and leaves no Postgres behind on SIGTERM', async () => {
    app = await RunningApp.start(dataDir);

    for (const user of DEMO_USERS) await app.signIn(user.email);
    expect(app.output).toContain('Demo logins');
    expect(app.output).not.toContain(DEMO_PASSWORD);
    const docs = await app.http().get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);

    const admin = await app.signIn('admin.nca@demo.local');
    await app
      .http()
      .post('/agencies')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'SURVIVOR', name: 'Committed before the crash', kind: 'DWP' })
      .expect(201);

    const killed = await app.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    app = await RunningApp.start(dataDir);
    expect(app.output).toContain('left running by a previous run');
    const agencies = await app
      .http()
      .get('/agencies')
      .set('Authorization', `Bearer ${await app.signIn('admin.nca@demo.local')}`)
      .expect(200);
    expect(agencies.body.map((agency: { code: string }) => agency.code)).toContain('SURVIVOR');
    expect(agencies.body.filter((agency: { code: string }) => agency.code === 'MPS')).toHaveLength(1);

    const stopped = await app.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(app.output).toContain('Postgres stopped');
    expect(await postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('starts over a stale lock file left by a crash', async () => {
    await writeFile(join(dataDir, 'pg', 'postmaster.pid'), `999999\n${join(dataDir, 'pg')}\n0\n5432\n`);
    app = await RunningApp.start(dataDir);
    expect(app.output).toContain('removing stale lock file');
    await app.signIn('coordinator.mps@demo.local');
    await app.stop('SIGTERM');
    expect(await postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
