import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { isSerializationFailure } from './pg-errors';

/**
 * Enough for a crowd: of n transactions racing for one exclusion constraint, each round of
 * deadlocks lets at least one through, so a loser may deadlock again once per rival.
 */
const ATTEMPTS = 8;

/** The transaction of a rehearsal (`rehearse`), which every transaction started inside it joins. */
const rehearsal = new AsyncLocalStorage<EntityManager>();

/**
 * One transaction, tried again when Postgres reports a serialization failure or deadlock (40001,
 * 40P01), after a short random pause that grows with each attempt so the rivals fall out of step.
 * Inside a rehearsal it runs in the rehearsal's transaction, under a savepoint.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const rehearsing = rehearsal.getStore();
  if (rehearsing) return underSavepoint(rehearsing, () => work(rehearsing));
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

/**
 * Does `work` as it would be done, in a transaction that is rolled back: what it would change,
 * without changing anything. `observe` reads what matters before and after, in that transaction.
 * A refusal of the work is thrown on, as it would be.
 */
export async function rehearse<T, R>(
  dataSource: DataSource,
  work: () => Promise<R>,
  observe: (manager: EntityManager) => Promise<T>,
): Promise<{ before: T; after: T; result: R }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const before = await observe(runner.manager);
    const result = await rehearsal.run(runner.manager, work);
    return { before, after: await observe(runner.manager), result };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}
