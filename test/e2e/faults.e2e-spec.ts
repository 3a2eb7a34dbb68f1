import { request as httpRequest } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationBody } from '../factories';
import { DEMO_PASSWORD, postgresProcessesFor, RunningApp } from '../support/running-app';

/**
 * The built app under load while its database goes away, and while it is told to stop.
 * Each scenario is bounded: it waits for counts of answers, never for fixed durations.
 */
const COORDINATOR = 'coordinator.mps@demo.local';
const REQUEST_TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running postmaster of a data directory. */
async function postmaster(dataDir: string): Promise<{ pid: number }> {
  return { pid: Number((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]) };
}

/** Client-side outcome of one request: its status, or what went wrong on the wire. */
async function outcome(call: PromiseLike<{ status: number; body: { id?: string; code?: string } }>) {
  try {
    const response = await call;
    return { status: response.status, body: response.body };
  } catch (error) {
    return { status: 0, body: { code: (error as Error).message } };
  }
}

/** A POST on its own connection: `sent` once the whole request is on the wire, `answer` is the status or the socket error. */
function postJson(url: string, body: unknown) {
  const payload = JSON.stringify(body);
  const call = httpRequest(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
  });
  const sent = new Promise<void>((done) => call.once('finish', done));
  const answer = new Promise<string>((done) => {
    call.once('response', (response) => {
      response.resume();
      response.once('end', () => done(String(response.statusCode)));
    });
    call.once('error', (error) => done((error as NodeJS.ErrnoException).code ?? error.message));
  });
  call.end(payload);
  return { sent, answer };
}

describe('faults under load', () => {
  let dataDir: string;
  let app: RunningApp | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'planner-faults-'));
  });

  afterEach(async () => {
    if (app?.running) await app.stop('SIGKILL');
    const left = await postmaster(dataDir).catch(() => undefined);
    if (left && isAlive(left.pid)) process.kill(left.pid, 'SIGINT');
    await until(async () => (await postgresProcessesFor(dataDir)).length === 0, 'Postgres to stop', 20_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps running when its Postgres dies under load: 503 during the outage, Postgres restarted by the app itself, no acknowledged write lost', async () => {
    app = await RunningApp.start(dataDir, { DB_CONNECT_TIMEOUT_MS: '2000' });
    const running = app;
    const auth = { Authorization: `Bearer ${await running.signIn(COORDINATOR)}` };

    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    const statuses = { beforeOutage: new Set<number>(), duringOutage: new Set<number>(), afterOutage: new Set<number>() };
    let phase: keyof typeof statuses | 'dying' = 'beforeOutage';
    let loading = true;

    const worker = async (n: number) => {
      for (let i = 0; loading; i++) {
        const started = phase;
        const created = await outcome(
          running
            .http()
            .post('/operations')
            .set(auth)
            .send(operationBody({ name: `Under load ${n}-${i}` }))
            .timeout(REQUEST_TIMEOUT_MS),
        );
        const listed = await outcome(running.http().get('/operations?limit=5').set(auth).timeout(REQUEST_TIMEOUT_MS));
        if (created.status === 201) acknowledged.push(created.body.id as string);
        for (const { status, body } of [created, listed]) {
          if (phase === started && phase in statuses) statuses[phase as keyof typeof statuses].add(status);
          if (status === 503 && body.code !== 'SERVICE_UNAVAILABLE') unexpected.push(`503 with code ${body.code}`);
          if (![200, 201, 503].includes(status)) unexpected.push(`${status}: ${JSON.stringify(body)}`);
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, n) => worker(n));

    await until(() => acknowledged.length >= 20, '20 plans created before the outage');
    const server = await postmaster(dataDir);
    phase = 'dying';
    process.kill(server.pid, 'SIGKILL');
    await until(() => !isAlive(server.pid), 'Postgres to die', 20_000);
    phase = 'duringOutage';

    await until(() => statuses.duringOutage.has(503), 'a 503 during the outage');
    expect(running.running).toBe(true);
    await running.waitUntilHealthy(60_000);
    phase = 'afterOutage';
    expect(running.output).toContain('Postgres exited unexpectedly');
    // The pool can reach the new Postgres a moment before the supervisor's own readiness probe does.
    await until(() => running.output.includes('Postgres restarted'), 'the supervisor to report the restart', 20_000);
    expect((await postmaster(dataDir)).pid).not.toBe(server.pid);
    const acknowledgedAtRecovery = acknowledged.length;
    await until(() => acknowledged.length >= acknowledgedAtRecovery + 20, '20 plans created after the outage');
    loading = false;
    await Promise.all(workers);

    expect(unexpected).toEqual([]);
    expect([...statuses.beforeOutage].sort()).toEqual([200, 201]);
    expect(statuses.afterOutage).toContain(201);
    expect(running.running).toBe(true);

    const recovered = await running.http().get('/health').expect(200);
    expect(recovered.body.db).toBe('up');
    // Every plan the app said it created, before, around and after the outage, is there.
    for (const id of acknowledged) {
      await running.http().get(`/operations/${id}`).set(auth).expect(200);
    }
  }, 120_000);

  it('finishes the requests in flight when told to stop, then exits cleanly with its Postgres stopped', async () => {
    // Each sign-in counts as a failure until its password is verified: 32 at once need room for 32.
    app = await RunningApp.start(dataDir, { LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' });
    const running = app;
    const logins = Array.from({ length: 32 }, () => postJson(`${running.url}/auth/login`, { email: COORDINATOR, password: DEMO_PASSWORD }));
    await Promise.all(logins.map((login) => login.sent));
    // Answered only once the server has read what was sent before it, on this same idle event loop.
    await running.http().get('/health').expect(200);
    let signalled = false;
    const answers = logins.map((login) => login.answer.then((answer) => ({ answer, afterSignal: signalled })));
    const exited = running.stop('SIGTERM');
    signalled = true;

    const answered = await Promise.all(answers);
    expect(answered.map(({ answer }) => answer)).toEqual(Array(32).fill('200'));
    expect(answered.filter(({ afterSignal }) => afterSignal).length).toBeGreaterThan(0);
    // Nest re-raises the signal once it has shut down, the usual way to report it.
    const stopped = await exited;
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(running.output).toContain('Postgres stopped');
    expect(await postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
