import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source';
import { EmbeddedDatabase } from '../../src/database/embedded';
import { migrate } from '../../src/database/migrate';

declare global {
  var embeddedTestDatabase: { database: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * One Postgres for the whole run: the embedded one in a throw-away directory, or
 * the server DATABASE_URL names. Migrated once with the real migrations; test
 * files isolate themselves by creating their own data.
 */
export default async function globalSetup(): Promise<void> {
  Logger.overrideLogger(['error']);
  if (!process.env.DATABASE_URL) {
    const dataDir = await mkdtemp(join(tmpdir(), 'planner-test-'));
    const database = await EmbeddedDatabase.start(dataDir);
    globalThis.embeddedTestDatabase = { database, dataDir };
    process.env.DATABASE_URL = database.url;
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const dataSource = await new DataSource(dataSourceOptions(config, process.env.DATABASE_URL as string)).initialize();
  try {
    await migrate(dataSource, new Logger('TestSetup'));
  } finally {
    await dataSource.destroy();
  }
}
