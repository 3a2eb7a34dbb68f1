import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/common/password-hashing';
import { AppConfig } from '../../src/config/app-config';
import { DEMO_USERS } from '../../src/reference-data/demo-data';
import { createAgency, createUser, TEST_PASSWORD } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { RunningApp } from '../support/running-app';

const DEFAULT_DEMO_PASSWORD = new AppConfig().DEMO_PASSWORD;

/** The message of the app's JSON log line that contains `text` (empty if none does). */
function lineContaining(output: string, text: string): string {
  const messages = output.split('\n').flatMap((line) => {
    try {
      return [String(JSON.parse(line).msg)];
    } catch {
      return [];
    }
  });
  return messages.find((message) => message.includes(text)) ?? '';
}

/** The built app started as `npm start` starts it: in a working directory that may hold a .env. */
describe('the .env in the working directory', () => {
  let url: string;
  let db: DataSource;
  let cwd: string;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    url = await isolatedDatabaseUrl();
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'planner-env-'));
  });

  afterEach(async () => {
    await Promise.all(
      apps
        .splice(0)
        .filter((app) => app.running)
        .map((app) => app.stop('SIGTERM')),
    );
    await rm(cwd, { recursive: true, force: true });
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('is read at start, and a variable set in the environment wins over it', async () => {
    await writeFile(join(cwd, '.env'), '# as copied from .env.example\nJWT_TTL_SECONDS=120\nLOG_LEVEL=error\n');
    const app = await RunningApp.onDatabase(url, { JWT_TTL_SECONDS: undefined, LOG_LEVEL: 'info' }, cwd);
    apps.push(app);

    const user = await createUser(db, await createAgency(db), ['COORDINATOR']);
    const login = await app.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(login.body.expiresIn).toBe(120);
    expect(app.output).toContain('listening on http://localhost');
  }, 60_000);

  it('stops the start when a line is not NAME=value, naming the line and not what it holds', async () => {
    const secret = randomBytes(32).toString('hex');
    await writeFile(join(cwd, '.env'), `PORT=3000\nJWT_SECRET ${secret}\n`);
    const { code, output } = await (await RunningApp.launch('./unused-data-dir', { DATABASE_URL: url }, cwd)).exited();
    expect(code).toBe(1);
    expect(output).toContain('Invalid .env:\n  - line 2 is not NAME=value');
    expect(output).not.toContain(secret);
  }, 60_000);

  it('stops the start when it cannot be read, saying what to do', async () => {
    await mkdir(join(cwd, '.env'));
    const { code, output } = await (await RunningApp.launch('./unused-data-dir', { DATABASE_URL: url }, cwd)).exited();
    expect(code).toBe(1);
    expect(output).toContain('Could not read .env: EISDIR');
    expect(output).toContain('Fix or remove it');
  }, 60_000);
});

describe('the demo logins printed at start', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await isolatedDatabaseUrl();
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  async function startedWith(demoPassword: string | undefined): Promise<string> {
    const app = await RunningApp.onDatabase(url, { SEED_DEMO: 'true', DEMO_PASSWORD: demoPassword });
    await app.stop('SIGTERM');
    return app.output;
  }

  it('give the password the demo users really hold: a changed DEMO_PASSWORD is never printed, nor claimed for users created before it', async () => {
    const first = await startedWith(undefined);
    expect(lineContaining(first, 'Demo logins')).toContain(`password "${DEFAULT_DEMO_PASSWORD}" (the default;`);
    for (const user of DEMO_USERS) expect(lineContaining(first, 'Demo logins')).toContain(user.email);

    const [changedUser, ...keptDefault] = DEMO_USERS.map((user) => user.email).sort();
    await db.query(`UPDATE users SET password_hash = $2 WHERE email = $1`, [changedUser, await hashPassword(TEST_PASSWORD)]);
    const changed = randomBytes(12).toString('base64url');
    const second = await startedWith(changed);

    expect(second).not.toContain(changed);
    expect(second).not.toContain('the value of DEMO_PASSWORD');
    const defaultLine = lineContaining(second, 'the default they were created with');
    expect(defaultLine).toContain(`password "${DEFAULT_DEMO_PASSWORD}"`);
    for (const email of keptDefault) expect(defaultLine).toContain(email);
    expect(defaultLine).not.toContain(changedUser);
    expect(lineContaining(second, 'not DEMO_PASSWORD but the one each was created with or changed to')).toContain(changedUser);
  }, 120_000);
});
