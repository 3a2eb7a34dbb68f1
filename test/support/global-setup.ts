import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source';
import { EmbeddedDatabase } from '../../src/database/embedded';
import { migrate } from '../../src/database/migrate';
import { adminQuery, SHARED_DATABASE, TEMPLATE_DATABASE, withDatabase } from './databases';
import { TEST_JWT_SECRET, TEST_SUBJECT_MATCH_KEY } from './jwt';

declare global {
  var embeddedTestDatabase: { database: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * One Postgres for the whole run: the embedded one in a throw-away directory, or the
 * server DATABASE_URL names (its user must be allowed to create databases). The real
 * migrations build a template database once; the shared test database, and any
 * isolated one a test asks for, are copies of it. Test files isolate themselves by
 * creating their own data.
 */
export default async function globalSetup(): Promise<void> {
  Logger.overrideLogger(['error']);
  // Where each worker logs how many messages it checked for plain English (message-collector.ts).
  process.env.PLAIN_ENGLISH_LOG_DIR = await mkdtemp(join(tmpdir(), 'planner-plain-english-'));
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'planner-test-'));
    const database = await EmbeddedDatabase.start(dataDir);
    globalThis.embeddedTestDatabase = { database, dataDir };
    serverUrl = database.url;
  }
  for (const name of [SHARED_DATABASE, TEMPLATE_DATABASE]) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await adminQuery(serverUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY });
  const dataSource = await new DataSource(dataSourceOptions(config, withDatabase(serverUrl, TEMPLATE_DATABASE))).initialize();
  try {
    await migrate(dataSource, new Logger('TestSetup'));
  } finally {
    await dataSource.destroy();
  }
  await adminQuery(serverUrl, `CREATE DATABASE ${SHARED_DATABASE} TEMPLATE ${TEMPLATE_DATABASE}`);
  process.env.DATABASE_URL = withDatabase(serverUrl, SHARED_DATABASE);
}
