import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JsonLogger } from './common/logging/json-logger';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { readEnvFile } from './config/env-file';
import { forgetKeptKey } from './config/instance-keys';
import { dataSourceOptions } from './database/data-source';
import { DatabaseServer } from './database/database-server';
import { InstanceKeyRepository } from './database/instance-key.repository';
import { migrate } from './database/migrate';

/**
 * `npm run keys:forget-jwt-secret`: a deliberate change of JWT_SECRET. With every instance
 * stopped, the database forgets the token secret it recorded (and, beside the embedded database
 * with no JWT_SECRET set, the one kept in DATA_DIR), so the next instance to start records the
 * secret it holds. The subject match key has no such way: subjects matched under it would stop matching.
 */
async function forget(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  Logger.overrideLogger(new JsonLogger(config.LOG_LEVEL));
  const server = await DatabaseServer.open(config);
  let forgotten: boolean;
  try {
    const dataSource = await new DataSource(dataSourceOptions(config, server.url)).initialize();
    try {
      await migrate(dataSource, new Logger('Database'));
      forgotten = await new InstanceKeyRepository().forgetJwtSecret(dataSource.manager);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await server.stop();
  }
  if (!config.JWT_SECRET) await forgetKeptKey(config.DATA_DIR, 'JWT_SECRET');
  process.stdout.write(
    forgotten
      ? 'The database has forgotten its token secret: start every instance with the new JWT_SECRET. Tokens signed with the old one no longer work.\n'
      : 'The database had no token secret recorded: the next instance to start records the one it holds.\n',
  );
}

forget().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigValidationError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
