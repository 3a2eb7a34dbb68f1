import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { DEMO_USERS } from '../../src/database/seed/demo-data';

/**
 * The app as a newcomer runs it (`node dist/main.js`, built by `npm test`'s pretest),
 * with the embedded Postgres in a fresh data directory: start, crash, restart, stop.
 */
const MAIN = resolve(__dirname, '../../dist/main.js');
const DEMO_PASSWORD = 'lifecycle-demo-password-42';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Processes whose command line names this data directory: Postgres servers we started. */
async function postgresProcessesFor(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('postgres') && cmdline.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

class RunningApp {
  output = '';
  constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  static async start(dataDir: string): Promise<RunningApp> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      JWT_SECRET: 'lifecycle-test-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    delete env.SEED_DEMO;
    const app = new RunningApp(spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] }), `http://127.0.0.1:${port}`);
    await app.waitUntilHealthy();
    return app;
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the app exited during start:\n${this.output}`);
      const healthy = await fetch(`${this.url}/health`).then((response) => response.ok, () => false);
      if (healthy) return;
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`the app did not become healthy:\n${this.output}`);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  http() {
    return request(this.url);
  }

  async signIn(email: string): Promise<string> {
    const response = await this.http().post('/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return response.body.accessToken;
  }

  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const exited = once(this.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    this.child.kill(signal);
    const [code, by] = await exited;
    return { code, signal: by };
  }
}

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
    await app.http().post('/agencies').set('Authorization', `Bearer ${admin}`).send({ code: 'SURVIVOR', name: 'Committed before the crash', kind: 'DWP' }).expect(201);

    const killed = await app.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    app = await RunningApp.start(dataDir);
    expect(app.output).toContain('left running by a previous run');
    const agencies = await app.http().get('/agencies').set('Authorization', `Bearer ${await app.signIn('admin.nca@demo.local')}`).expect(200);
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

  it('answers 503 while the database is down, without crashing', async () => {
    app = await RunningApp.start(dataDir);
    const token = await app.signIn('coordinator.mps@demo.local');
    const [postmaster] = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
    process.kill(Number(postmaster), 'SIGINT');
    await new Promise((done) => setTimeout(done, 1000));

    const health = await app.http().get('/health').expect(503);
    expect(health.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', status: 'unavailable', db: 'down' });
    const agencies = await app.http().get('/agencies').set('Authorization', `Bearer ${token}`).expect(503);
    expect(agencies.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(app.running).toBe(true);
    await app.stop('SIGTERM');
  }, 120_000);
});
