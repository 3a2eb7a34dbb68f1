import { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';

/** Any fixed number: every instance of the app takes the same lock before migrating. */
export const MIGRATION_LOCK = 7_241_015;

/**
 * Runs pending migrations under a Postgres advisory lock, so two instances starting
 * together migrate one after the other instead of racing.
 */
export async function migrate(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // On the connection that holds the lock: with a pool of one, a second connection would never come.
    const executor = new MigrationExecutor(dataSource, lockHolder);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    const names = applied.map((migration) => migration.name);
    if (names.length) logger.log({ msg: 'migrations applied', migrations: names });
    return names;
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.release();
  }
}
