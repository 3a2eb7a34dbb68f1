import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { EmbeddedDatabase } from './database/embedded';
import { migrate } from './database/migrate';
import { schemaSnapshot } from './database/schema-snapshot';

/** The checked-in schema, at the root of the repository (this file runs from dist/ or src/). */
const SCHEMA_FILE = join(__dirname, '..', 'schema.sql');

/**
 * `npm run schema:write`: runs every migration on a throw-away embedded database and writes
 * schema.sql from its catalog, so a change to the schema is reviewed with the migration that made it.
 */
async function write(): Promise<void> {
  Logger.overrideLogger(['error']);
  const dataDir = await mkdtemp(join(tmpdir(), 'planner-schema-'));
  try {
    const embedded = await EmbeddedDatabase.start(dataDir);
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
      const dataSource = await new DataSource(dataSourceOptions(config, embedded.url)).initialize();
      try {
        await migrate(dataSource, new Logger('Database'));
        await writeFile(SCHEMA_FILE, await schemaSnapshot(dataSource.manager));
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await embedded.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`Wrote ${SCHEMA_FILE}: review its difference with your migration and commit them together.\n`);
}

write().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
