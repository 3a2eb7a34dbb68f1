import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { loadConfig } from '../../src/config/app-config';
import { backupDatabase } from '../../src/database/backup/backup';
import { BackupHeader, Progress } from '../../src/database/backup/backup-file';
import { dataSourceOptions, MIGRATIONS } from '../../src/database/data-source';
import { migrate } from '../../src/database/migrate';
import { restoreDatabase } from '../../src/database/backup/restore';
import { createAgency, operationBody, signedIn } from '../factories';
import { webSignIn, WebSession } from '../support/browser-session';
import { adminQuery, isolatedDatabaseUrl, withDatabase } from '../support/databases';
import { TEST_JWT_SECRET, TEST_SUBJECT_MATCH_KEY } from '../support/jwt';
import { postgresProcessesFor, RunningApp } from '../support/running-app';
import { startTestApp, TestApp } from '../support/test-app';

/** Runs a built command (npm run backup / restore) as an operator would, on DATABASE_URL. */
async function command(
  script: string,
  url: string,
  file?: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [resolve(__dirname, '../../dist', script), ...(file ? [file] : [])], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      JWT_SECRET: TEST_JWT_SECRET,
      SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY,
      LOG_LEVEL: 'error',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

const quiet: Progress = { table: () => undefined, rows: () => undefined };

const configFor = (url: string, env: Record<string, string> = {}) =>
  loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url,
    JWT_SECRET: TEST_JWT_SECRET,
    SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY,
    ...env,
  });

/** A database with no schema at all, as a new DATA_DIR or a new server gives. */
async function blankDatabaseUrl(): Promise<string> {
  const name = `planner_blank_${randomBytes(6).toString('hex')}`;
  await adminQuery(process.env.DATABASE_URL as string, `CREATE DATABASE ${name} TEMPLATE template0`);
  return withDatabase(process.env.DATABASE_URL as string, name);
}

/** Every row of every table (and the migrations applied), in a stable order: two databases with the same rows give the same snapshot. */
async function snapshot(url: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const rows: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const column = name === 'migrations' ? 'name' : 't';
      const { rows: found } = await client.query(
        `SELECT to_jsonb(t) AS row FROM ${client.escapeIdentifier(name)} t ORDER BY ${column}::text`,
      );
      rows[name] = found.map((row) => row.row);
    }
    return rows;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  let dir: string;
  let sourceUrl: string;
  let source: TestApp;
  let file: string;
  let header: BackupHeader;
  let before: Record<string, unknown[]>;
  const phone = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  let nca: Awaited<ReturnType<typeof signedIn>>;
  let ncaPlan: { id: string; reference: string };
  let web: WebSession;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planner-backup-'));
    sourceUrl = await isolatedDatabaseUrl();
    source = await startTestApp({ DATABASE_URL: sourceUrl });
    const sides = [];
    for (const kind of ['NCA', 'POLICE'] as const) {
      const owner = await signedIn(source.dataSource, source.http, ['COORDINATOR'], kind);
      const plan = (await source.http().post('/operations').set(owner.auth).send(operationBody()).expect(201)).body;
      // A team added through the app writes the reference-data audit chain.
      await source
        .http()
        .post('/teams')
        .set(owner.auth)
        .send({ agencyId: owner.agency.id, name: 'Entry team', capabilities: ['ENTRY'], capacity: 8 })
        .expect(201);
      await source
        .http()
        .post(`/operations/${plan.id}/subjects`)
        .set(owner.auth)
        .send({ version: plan.version, kind: 'PHONE', phone })
        .expect(201);
      sides.push({ owner, plan });
    }
    [nca] = sides.map((side) => side.owner);
    ncaPlan = sides[0].plan;
    web = await webSignIn(source.http, nca.user.email);
    const conflicts = (await source.http().get(`/operations/${ncaPlan.id}/conflicts`).set(nca.auth).expect(200)).body;
    expect(conflicts).toEqual([expect.objectContaining({ reference: sides[1].plan.reference })]);
    file = join(dir, 'planner.backup.gz');
    header = await backupDatabase(sourceUrl, file, quiet);
    before = await snapshot(sourceUrl);
  }, 60_000);

  afterAll(async () => {
    await source?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the schema version, the key fingerprint (never the key) and every table with its rows', async () => {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    expect(header.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].name);
    expect(header.subjectMatchKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain(TEST_SUBJECT_MATCH_KEY);
    expect(text).not.toContain(TEST_JWT_SECRET);
    const counts = Object.fromEntries(header.tables.map((table) => [table.name, table.rows]));
    expect(Object.keys(counts).sort()).toEqual(Object.keys(before).filter((name) => name !== 'migrations'));
    for (const [name, rows] of Object.entries(counts)) expect(rows).toBe(before[name].length);
    const filled = [
      'operations',
      'plan_subjects',
      'deconfliction_hits',
      'audit_events',
      'reference_audit_events',
      'sessions',
      'instance_keys',
    ];
    expect(filled.filter((name) => !(counts[name] > 0))).toEqual([]);
    const order = header.tables.map((table) => table.name);
    expect(order.indexOf('agencies')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('operations')).toBeLessThan(order.indexOf('audit_events'));
  });

  it('restores into a new database the same rows in every table; the audit chains verify, sessions go on and subjects still match', async () => {
    const targetUrl = await blankDatabaseUrl();
    await restoreDatabase(configFor(targetUrl), targetUrl, file, quiet);
    expect(await snapshot(targetUrl)).toEqual(before);

    const restored = await startTestApp({ DATABASE_URL: targetUrl });
    try {
      const verified = await restored.app.get(AuditService).verify();
      expect(verified).toEqual({
        ok: true,
        eventsChecked: before.audit_events.length + before.reference_audit_events.length,
        firstBroken: null,
      });
      // Signed in before the backup, the browser session and the token still work on the restored database.
      expect((await restored.http().get('/').set('Cookie', web.cookie).expect(200)).text).toContain(nca.user.name);
      await restored.http().get(`/operations/${ncaPlan.id}`).set(nca.auth).expect(200);
      const police = await signedIn(restored.dataSource, restored.http, ['COORDINATOR'], 'POLICE');
      const plan = (await restored.http().post('/operations').set(police.auth).send(operationBody()).expect(201)).body;
      await restored
        .http()
        .post(`/operations/${plan.id}/subjects`)
        .set(police.auth)
        .send({ version: plan.version, kind: 'PHONE', phone })
        .expect(201);
      const conflicts = (await restored.http().get(`/operations/${plan.id}/conflicts`).set(police.auth).expect(200)).body;
      expect(conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ reference: ncaPlan.reference })]));
    } finally {
      await restored.close();
    }
  }, 60_000);

  it('runs as npm run backup and npm run restore, showing progress, and exits with the reason when refused', async () => {
    const targetUrl = await blankDatabaseUrl();
    const copy = join(dir, 'by-command.backup.gz');
    const backedUp = await command('backup.js', sourceUrl, copy);
    expect(backedUp).toMatchObject({ code: 0 });
    expect(backedUp.stdout).toContain(`Backing up operations: ${before.operations.length} rows`);
    expect(backedUp.stdout).toContain(`to ${copy}`);
    const restored = await command('restore.js', targetUrl, copy);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain(`Restoring audit_events: ${before.audit_events.length} rows`);
    expect(await snapshot(targetUrl)).toEqual(before);
    const again = await command('restore.js', targetUrl, copy);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('This database is not empty');
    expect(await command('restore.js', targetUrl)).toMatchObject({
      code: 1,
      stderr: 'Say which backup to restore: npm run restore -- <file>\n',
    });
  }, 60_000);

  it('restores a backup from an older schema, then applies the newer migrations to its rows', async () => {
    const olderUrl = await blankDatabaseUrl();
    const older = await new DataSource({
      ...dataSourceOptions(configFor(olderUrl), olderUrl),
      migrations: MIGRATIONS.slice(0, -1),
    }).initialize();
    try {
      await migrate(older, new Logger('Test'));
      await createAgency(older, { code: 'OLDER', kind: 'NCA' });
    } finally {
      await older.destroy();
    }
    const olderFile = join(dir, 'older.backup.gz');
    const olderHeader = await backupDatabase(olderUrl, olderFile, quiet);
    expect(olderHeader).toMatchObject({ schemaVersion: MIGRATIONS[MIGRATIONS.length - 2].name, subjectMatchKeyFingerprint: null });
    const targetUrl = await blankDatabaseUrl();
    await restoreDatabase(configFor(targetUrl), targetUrl, olderFile, quiet);
    const restored = await snapshot(targetUrl);
    expect(restored.migrations.map((row) => (row as { name: string }).name).sort()).toEqual(
      MIGRATIONS.map((migration) => migration.name).sort(),
    );
    expect(restored.agencies).toEqual([expect.objectContaining({ code: 'OLDER' })]);
    expect(restored.instance_keys).toEqual([]);
  }, 60_000);

  it('restores into a database already migrated and still empty', async () => {
    const targetUrl = await isolatedDatabaseUrl();
    await restoreDatabase(configFor(targetUrl), targetUrl, file, quiet);
    expect(await snapshot(targetUrl)).toEqual(before);
  }, 60_000);

  /** A restore that must be refused: what it said, and that the database was left exactly as it was. */
  async function refused(
    bytes: Buffer | undefined,
    env: Record<string, string> = {},
    url?: string,
    started: string[] = [],
  ): Promise<string> {
    const targetUrl = url ?? (await isolatedDatabaseUrl());
    const target = join(dir, `${randomBytes(4).toString('hex')}.gz`);
    if (bytes) await writeFile(target, bytes);
    const untouched = await snapshot(targetUrl);
    const progress = { ...quiet, table: (table: { name: string }) => started.push(table.name) };
    const error = await restoreDatabase(configFor(targetUrl, env), targetUrl, bytes ? target : file, progress).then(
      () => undefined,
      (refusal: Error) => refusal,
    );
    expect(error).toBeInstanceOf(Error);
    expect(await snapshot(targetUrl)).toEqual(untouched);
    return (error as Error).message;
  }

  const withHeader = async (change: (header: Record<string, unknown>) => void) => {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const end = text.indexOf('\n');
    const changed = JSON.parse(text.slice(0, end));
    change(changed);
    return gzipSync(`${JSON.stringify(changed)}${text.slice(end)}`);
  };

  it('refuses a database that is not empty, saying to restore into a new one', async () => {
    const message = await refused(undefined, {}, sourceUrl);
    expect(message).toContain('This database is not empty');
    expect(message).toContain('create a new, empty database');
  }, 60_000);

  it('refuses a file cut short, rolling back the rows it had loaded', async () => {
    const whole = await readFile(file);
    const started: string[] = [];
    const message = await refused(whole.subarray(0, Math.floor(whole.length * 0.8)), {}, undefined, started);
    expect(started).toEqual(expect.arrayContaining(['agencies', 'users', 'operations']));
    expect(message).toContain('is cut short or damaged');
    expect(message).toContain('use another copy of the backup');
  }, 60_000);

  it('refuses a file that is not a backup: not gzip, or gzip without the header', async () => {
    expect(await refused(Buffer.from('name,phone\nAlice,07700 900000\n'))).toContain('is not a backup made by npm run backup');
    expect(await refused(gzipSync('{"hello": "world"}\nsome rows\n'))).toContain('is not a backup made by npm run backup');
  }, 60_000);

  it('refuses a file in a backup format this version does not read', async () => {
    const message = await refused(await withHeader((changed) => (changed.formatVersion = 2)));
    expect(message).toContain('restore it with the version of the app that made it');
  }, 60_000);

  it('refuses a file from a newer schema, saying to upgrade the app', async () => {
    const message = await refused(await withHeader((changed) => (changed.schemaVersion = 'Later1999999999999')));
    expect(message).toContain('made by a newer version of the app');
    expect(message).toContain('upgrade the app, then restore');
  }, 60_000);

  it('refuses a database whose schema is newer than the backup’s, saying to restore into a new one', async () => {
    const message = await refused(await withHeader((changed) => (changed.schemaVersion = MIGRATIONS[MIGRATIONS.length - 2].name)));
    expect(message).toContain('schema is newer than the backup');
    expect(message).toContain('restore into a new, empty database');
  }, 60_000);

  it('refuses a file whose tables are not those of the schema it names, leaving a new database without even the schema', async () => {
    const message = await refused(
      await withHeader((changed) => (changed.schemaVersion = MIGRATIONS[MIGRATIONS.length - 2].name)),
      {},
      await blankDatabaseUrl(),
    );
    expect(message).toContain('does not hold the tables of the schema it names');
  }, 60_000);

  it('backs up the embedded database of a running app through its own Postgres, leaving it running', async () => {
    const dataDir = await mkdtemp(join(dir, 'embedded-'));
    const app = await RunningApp.start(dataDir);
    try {
      const serving = await postgresProcessesFor(dataDir);
      const copy = join(dir, 'embedded.backup.gz');
      const backedUp = await command('backup.js', '', copy, { DATA_DIR: dataDir });
      expect(backedUp).toMatchObject({ code: 0, stderr: '' });
      expect(backedUp.stdout).toMatch(/Backing up users: [1-9]\d* rows/);
      expect(backedUp.stdout).toContain(`to ${copy}`);
      expect(await postgresProcessesFor(dataDir)).toEqual(serving);
      await app.waitUntilHealthy();
    } finally {
      await app.stop('SIGTERM');
    }
  }, 120_000);

  describe('beside the embedded database, with the key kept in DATA_DIR', () => {
    /** The settings of an instance on the embedded database: no keys in the environment, only what DATA_DIR holds. */
    const embeddedConfig = (dataDir: string) =>
      loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: '', JWT_SECRET: '', SUBJECT_MATCH_KEY: '', DATA_DIR: dataDir });

    it('refuses when DATA_DIR holds no subject-match.key, naming where to put it, and makes none', async () => {
      const dataDir = await mkdtemp(join(dir, 'data-'));
      const targetUrl = await isolatedDatabaseUrl();
      const untouched = await snapshot(targetUrl);
      const refusal = restoreDatabase(embeddedConfig(dataDir), targetUrl, file, quiet);
      await expect(refusal).rejects.toThrow(`This instance has no SUBJECT_MATCH_KEY, and the backup's subjects were matched under one.`);
      await expect(refusal).rejects.toThrow(`put the subject-match.key kept with it at ${join(dataDir, 'subject-match.key')}`);
      expect(await readdir(dataDir)).toEqual([]);
      expect(await snapshot(targetUrl)).toEqual(untouched);
    }, 60_000);

    it('restores with the kept subject-match.key put back in DATA_DIR', async () => {
      const dataDir = await mkdtemp(join(dir, 'data-'));
      await writeFile(join(dataDir, 'subject-match.key'), `${Buffer.from(TEST_SUBJECT_MATCH_KEY, 'utf8').toString('hex')}\n`);
      const targetUrl = await isolatedDatabaseUrl();
      await restoreDatabase(embeddedConfig(dataDir), targetUrl, file, quiet);
      expect(await snapshot(targetUrl)).toEqual(before);
    }, 60_000);
  });

  it('refuses an instance holding another SUBJECT_MATCH_KEY, saying to give it the key kept with the backup', async () => {
    const message = await refused(undefined, { SUBJECT_MATCH_KEY: randomBytes(32).toString('hex') });
    expect(message).toContain('matched under another SUBJECT_MATCH_KEY than this instance holds');
    expect(message).toContain('Set SUBJECT_MATCH_KEY to the key kept with the backup');
  }, 60_000);
});
