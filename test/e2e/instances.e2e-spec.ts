import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createAgency, createUser, operationBody, signedIn, TEST_PASSWORD } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { TEST_SUBJECT_MATCH_KEY } from '../support/jwt';
import { postgresProcessesFor, RunningApp } from '../support/running-app';

const FORGET_JWT_SECRET = resolve(__dirname, '../../dist/forget-jwt-secret.js');

/** A key of 32 random bytes, as an operator makes one. */
const newKey = () => randomBytes(32).toString('hex');

/** An instance on `url` whose start is meant to be refused: how it ended and what it said. */
async function refusedStart(url: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return (await RunningApp.launch('./unused-data-dir', { DATABASE_URL: url, SEED_DEMO: 'false', ...env })).exited();
}

/** Two instances of the built app on one database, as behind a load balancer. */
describe('two instances of the app on one database', () => {
  let url: string;
  let db: DataSource;
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    url = await isolatedDatabaseUrl();
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
      Array.from({ length: 16 }, (_, i) =>
        apps[i % 2]
          .http()
          .post('/auth/login')
          .send({ email: user.email, password: `guess number ${i}` }),
      ),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
    for (const app of apps) await app.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
  });

  it('match subjects under one key: a phone added through each instance raises the hit on both, and a token from either works on the other', async () => {
    const phone = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const sides = await Promise.all(
      (['NCA', 'POLICE'] as const).map(async (kind, index) => {
        const owner = await signedIn(db, () => apps[index].http(), ['COORDINATOR'], kind);
        const plan = (await apps[index].http().post('/operations').set(owner.auth).send(operationBody()).expect(201)).body;
        return { owner, plan, app: apps[index] };
      }),
    );
    for (const { owner, plan, app } of sides) {
      await app
        .http()
        .post(`/operations/${plan.id}/subjects`)
        .set(owner.auth)
        .send({ version: plan.version, kind: 'PHONE', phone })
        .expect(201);
    }
    const [nca, police] = sides;
    for (const [mine, theirs] of [
      [nca, police],
      [police, nca],
    ]) {
      // Read on the instance that did not sign this user in.
      const conflicts = (await theirs.app.http().get(`/operations/${mine.plan.id}/conflicts`).set(mine.owner.auth).expect(200)).body;
      expect(conflicts).toEqual(
        expect.arrayContaining([expect.objectContaining({ reference: theirs.plan.reference, hitId: expect.any(String) })]),
      );
    }
  });

  it('refuses to start an instance whose SUBJECT_MATCH_KEY is not the others’, naming it and saying what to do', async () => {
    const refused = await refusedStart(url, { SUBJECT_MATCH_KEY: newKey() });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('SUBJECT_MATCH_KEY is not the one the other instances on this database use');
    expect(refused.output).toContain('Give this instance the SUBJECT_MATCH_KEY the others use');
    expect(refused.output).toContain('changing it means keying every subject again');
    expect(refused.output).not.toContain('JWT_SECRET:');
  }, 60_000);

  it('refuses to start an instance whose JWT_SECRET is not the others’, saying how to change it on purpose', async () => {
    const refused = await refusedStart(url, { JWT_SECRET: newKey() });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('JWT_SECRET is not the one the other instances on this database use');
    expect(refused.output).toContain('npm run keys:forget-jwt-secret');
    expect(refused.output).not.toContain('SUBJECT_MATCH_KEY:');
  }, 60_000);

  it.each(['SUBJECT_MATCH_KEY', 'JWT_SECRET'])(
    'refuses to start on DATABASE_URL without %s, naming it',
    async (variable) => {
      const refused = await refusedStart(url, { [variable]: '' });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`- ${variable}: ${variable} is required with DATABASE_URL`);
    },
    60_000,
  );
});

describe('changing the token secret on purpose', () => {
  let url: string;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    url = await isolatedDatabaseUrl();
  });

  afterAll(async () => {
    if (app?.running) await app.stop('SIGTERM');
  });

  const forgetJwtSecret = async (env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [FORGET_JWT_SECRET], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const [code] = await once(child, 'close');
    return { code, output };
  };

  it('is refused until the database forgets the old one, then the new one is recorded; the subject key stays', async () => {
    app = await RunningApp.onDatabase(url);
    await app.stop('SIGTERM');
    const secret = newKey();
    expect((await refusedStart(url, { JWT_SECRET: secret })).code).toBe(1);

    const forgotten = await forgetJwtSecret({ DATABASE_URL: url, JWT_SECRET: secret, SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY });
    expect(forgotten).toEqual({ code: 0, output: expect.stringContaining('The database has forgotten its token secret') });
    app = await RunningApp.onDatabase(url, { JWT_SECRET: secret });
    await app.stop('SIGTERM');
    // The secret now recorded is the new one; the old one is refused in its turn, and the subject key was never forgotten.
    expect((await refusedStart(url, {})).output).toContain('JWT_SECRET is not the one the other instances on this database use');
    expect((await refusedStart(url, { JWT_SECRET: secret, SUBJECT_MATCH_KEY: newKey() })).output).toContain(
      'SUBJECT_MATCH_KEY is not the one',
    );
  }, 120_000);
});

describe('an instance beside its embedded database', () => {
  let dataDir: string;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'planner-keys-'));
  });

  afterAll(async () => {
    if (app?.running) await app.stop('SIGKILL');
    for (const pid of await postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates its keys once and keeps them in DATA_DIR, readable by it alone, so a token survives a restart', async () => {
    const noKeys = { JWT_SECRET: '', SUBJECT_MATCH_KEY: '' };
    app = await RunningApp.start(dataDir, noKeys);
    const token = await app.signIn('coordinator.mps@demo.local');
    await app.stop('SIGTERM');
    for (const file of ['jwt-secret.key', 'subject-match.key']) expect((await stat(join(dataDir, file))).mode & 0o777).toBe(0o600);

    app = await RunningApp.start(dataDir, noKeys);
    await app.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await app.stop('SIGTERM');
  }, 120_000);
});
