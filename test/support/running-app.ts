import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import request from 'supertest';
import { UNLIMITED_SIGN_IN } from './sign-in-limits';
import { TEST_JWT_SECRET, TEST_SUBJECT_MATCH_KEY } from './jwt';

/**
 * The app as a newcomer runs it (`node dist/main.js`, built by `npm test`'s pretest),
 * as a child process with the embedded Postgres in the given data directory.
 */
const MAIN = resolve(__dirname, '../../dist/main.js');
export const DEMO_PASSWORD = 'lifecycle-demo-password-42';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Processes whose command line names this data directory: Postgres servers started on it. */
export async function postgresProcessesFor(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('postgres') && cmdline.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

export class RunningApp {
  output = '';
  private readonly closed: Promise<unknown>;
  constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.closed = once(child, 'close');
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  /**
   * The built app on the server `databaseUrl` names (already migrated, so it starts in a moment), without
   * demo data, holding the test keys (the same as the in-process test app's) unless `extraEnv` says otherwise.
   */
  static onDatabase(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}, cwd?: string): Promise<RunningApp> {
    return RunningApp.start('./unused-data-dir', { DATABASE_URL: databaseUrl, SEED_DEMO: 'false', ...extraEnv }, cwd);
  }

  static async start(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}, cwd?: string): Promise<RunningApp> {
    const app = await RunningApp.launch(dataDir, extraEnv, cwd);
    await app.waitUntilHealthy();
    return app;
  }

  /**
   * The app's process, started and not waited for: for a start that is meant to be refused. It runs in
   * `cwd` and reads the .env there; by default the temp directory, so a developer's .env beside the
   * code never reaches a test. A variable given `undefined` in `extraEnv` is left out.
   */
  static async launch(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}, cwd = tmpdir()): Promise<RunningApp> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      JWT_SECRET: TEST_JWT_SECRET,
      SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY,
      LOG_LEVEL: 'info',
      ...UNLIMITED_SIGN_IN,
    };
    delete env.DATABASE_URL;
    delete env.SEED_DEMO;
    return new RunningApp(
      spawn(process.execPath, [MAIN], { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] }),
      `http://127.0.0.1:${port}`,
    );
  }

  /** How the process ended, once it has and its output is all read. */
  async exited(): Promise<{ code: number | null; output: string }> {
    await this.closed;
    return { code: this.child.exitCode, output: this.output };
  }

  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the app exited:\n${this.output}`);
      const healthy = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false,
      );
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
