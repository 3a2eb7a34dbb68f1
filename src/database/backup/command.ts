import { Logger } from '@nestjs/common';
import { JsonLogger } from '../../common/logging/json-logger';
import { AppConfig, ConfigValidationError, loadConfig } from '../../config/app-config';
import { readEnvFile } from '../../config/env-file';
import { DatabaseServer } from '../database-server';
import { EmbeddedDatabase } from '../embedded';
import { BackupRefused, BackupTable, Progress } from './backup-file';

/** Tables this big get a line every so often while they are copied, so a long backup is seen to move. */
const REPORT_EVERY_MS = 2000;

const count = (rows: number) => rows.toLocaleString('en-GB');

/** Progress on the screen: a line per table, and for a big one the rows so far every couple of seconds. */
export function screenProgress(verb: string): Progress & { total(): number } {
  let total = 0;
  let lastReport = 0;
  return {
    table(table: BackupTable) {
      total += table.rows;
      lastReport = Date.now();
      process.stdout.write(`${verb} ${table.name}: ${count(table.rows)} rows\n`);
    },
    rows(table: BackupTable, copied: number) {
      if (Date.now() - lastReport < REPORT_EVERY_MS || copied === table.rows) return;
      lastReport = Date.now();
      process.stdout.write(`  ${table.name}: ${count(copied)} of ${count(table.rows)} rows\n`);
    },
    total: () => total,
  };
}

/**
 * Runs a backup or restore command with the app's own settings: the database is DATABASE_URL,
 * or the embedded one under DATA_DIR: the running app's, or else started for the command and
 * stopped after it.
 */
export function runCommand(usage: string, command: (config: AppConfig, url: string, file: string) => Promise<string>): void {
  const run = async () => {
    const file = process.argv[2];
    if (!file || process.argv.length > 3) throw new BackupRefused(usage);
    // Read as npm start reads it: .env in the working directory, the environment winning.
    readEnvFile();
    const config = loadConfig();
    Logger.overrideLogger(new JsonLogger(config.LOG_LEVEL));
    // Beside a running app, its embedded Postgres is used as it is: starting another would stop it.
    const running = config.DATABASE_URL ? undefined : await EmbeddedDatabase.runningUrl(config.DATA_DIR);
    const server = running ? undefined : await DatabaseServer.open(config);
    try {
      process.stdout.write(`${await command(config, running ?? (server as DatabaseServer).url, file)}\n`);
    } finally {
      await server?.stop();
    }
  };
  run().catch((error: unknown) => {
    const known = error instanceof ConfigValidationError || error instanceof BackupRefused;
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
