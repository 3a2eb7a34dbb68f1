import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source';
import { schemaSnapshot } from '../../src/database/schema-snapshot';
import { adminQuery, isolatedDatabaseUrl, withDatabase } from '../support/databases';
import { TEST_JWT_SECRET, TEST_SUBJECT_MATCH_KEY } from '../support/jwt';

const SCHEMA_FILE = join(__dirname, '../..', 'schema.sql');

/** Where two texts first differ, to name in the failure: the line number and both lines. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const line = want.findIndex((text, index) => text !== got[index]);
  const at = line === -1 ? want.length : line;
  return `line ${at + 1}: schema.sql has ${JSON.stringify(want[at] ?? '(nothing)')}, the migrations make ${JSON.stringify(got[at] ?? '(nothing)')}`;
}

function withoutCheckBodies(schema: string): string {
  return schema.replace(/ CHECK \(.*?(,?)$/gm, ' CHECK (…)$1');
}

async function openDatabase(url: string): Promise<DataSource> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY });
  return new DataSource(dataSourceOptions(config, url)).initialize();
}

/**
 * schema.sql is the schema every migration together builds, so a migration that changes the
 * schema (or drops a constraint it should not) shows in review as a difference in that file.
 */
describe('schema.sql', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // A copy of the migrated template of its own: this test alters its schema.
    dataSource = await openDatabase(await isolatedDatabaseUrl());
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('is the schema of a fully migrated database', async () => {
    const generated = await schemaSnapshot(dataSource.manager);
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    const verdict =
      generated === checkedIn
        ? 'the same'
        : `schema.sql is not the schema the migrations build (${firstDifference(checkedIn, generated)}). Run \`npm run schema:write\` and review the difference before committing it with the migration.`;
    expect(verdict).toBe('the same');
  });

  it('changes when a migration drops a constraint, an index or a trigger', async () => {
    const before = await schemaSnapshot(dataSource.manager);
    await dataSource.query('ALTER TABLE users DROP CONSTRAINT fk_users_agency');
    await dataSource.query('DROP INDEX ix_addition_limit_reports_waiting');
    await dataSource.query('DROP TRIGGER tr_operations_times_in_window ON operations');
    const after = await schemaSnapshot(dataSource.manager);
    for (const name of ['fk_users_agency', 'ix_addition_limit_reports_waiting', 'tr_operations_times_in_window']) {
      expect(before).toContain(name);
      expect(after).not.toContain(name);
    }
  });

  /**
   * Run again, Postgres can word a check's expression differently (casts moved inside an array),
   * so the checks are compared by name; everything else must come back the same.
   */
  it('builds the same schema when run on an empty database', async () => {
    const base = process.env.DATABASE_URL as string;
    const name = `planner_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const empty = await openDatabase(withDatabase(base, name));
    try {
      const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
      await empty.query(checkedIn);
      expect(withoutCheckBodies(await schemaSnapshot(empty.manager))).toBe(withoutCheckBodies(checkedIn));
    } finally {
      await empty.destroy();
    }
  });
});
