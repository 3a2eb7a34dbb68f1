import type { PoolClient } from 'pg';
import { EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { NamedStatement, Sql } from './sql';

/**
 * Runs a statement on `manager` (a transaction's, or the pool's) and gives its rows, whatever
 * the command: TypeORM answers an UPDATE or DELETE as [rows, rowCount], anything else as rows.
 */
export async function query<T>(manager: EntityManager, statement: Sql | NamedStatement): Promise<T[]> {
  if (!(statement instanceof Sql)) return prepared<T>(manager, statement);
  const { text, values } = statement.compile();
  const result: unknown = await manager.query(text, values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The first row, or undefined. */
export async function first<T>(manager: EntityManager, statement: Sql | NamedStatement): Promise<T | undefined> {
  return (await query<T>(manager, statement))[0];
}

/**
 * A named statement goes to pg as a query config, which prepares it once per connection. TypeORM's
 * query takes text only, so it runs on the connection of the caller's transaction (or one taken from
 * the pool for it, as TypeORM would), is logged by the data source's logger, and fails as TypeORM's
 * own queries do: a QueryFailedError.
 */
async function prepared<T>(manager: EntityManager, statement: NamedStatement): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const client: PoolClient = await runner.connect();
    const logger = manager.connection.logger;
    logger.logQuery(statement.text, statement.values, runner);
    try {
      return (await client.query<T & object>({ name: statement.name, text: statement.text, values: statement.values })).rows;
    } catch (error) {
      logger.logQueryError(error as Error, statement.text, statement.values, runner);
      throw new QueryFailedError(statement.text, statement.values, error as Error);
    }
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
