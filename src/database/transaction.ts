import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { isSerializationFailure } from './pg-errors';

/**
 * Enough for a crowd: of n transactions racing for one exclusion constraint, each round of
 * deadlocks lets at least one through, so a loser may deadlock again once per rival.
 */
const ATTEMPTS = 8;

/**
 * One transaction, tried again when Postgres reports a serialization failure or deadlock (40001,
 * 40P01), after a short random pause that grows with each attempt so the rivals fall out of step.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isSerializationFailure(error)) throw error;
      await sleep(Math.random() * 10 * attempt);
    }
  }
}

/**
 * Runs `work` under a savepoint: when it fails, the transaction goes back to just before it and
 * stays usable (to find out why, say which booking clashed), and the error is thrown on.
 */
export async function underSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  await manager.query('SAVEPOINT attempt');
  try {
    const result = await work();
    await manager.query('RELEASE SAVEPOINT attempt');
    return result;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT attempt');
    throw error;
  }
}
