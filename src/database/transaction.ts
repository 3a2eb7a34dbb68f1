import { DataSource, EntityManager } from 'typeorm';
import { isSerializationFailure } from './pg-errors';

const ATTEMPTS = 3;

/** One transaction, tried again when Postgres reports a serialization failure or deadlock (40001, 40P01). */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isSerializationFailure(error)) throw error;
    }
  }
}
