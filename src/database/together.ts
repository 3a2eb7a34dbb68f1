import { EntityManager } from 'typeorm';

/**
 * Runs independent reads side by side on the pool; inside a transaction, where one
 * connection serves them all, one after the other (a pg client runs one query at a time).
 */
export async function together<T extends readonly unknown[]>(
  manager: EntityManager,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!manager.queryRunner) return Promise.all(reads.map((read) => read())) as unknown as Promise<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
