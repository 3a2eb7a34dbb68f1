import { EntityManager } from 'typeorm';
import { NamedStatement, Sql } from './sql';

/**
 * Runs a statement on `manager` (a transaction's, or the pool's) and gives its rows, whatever
 * the command: TypeORM answers an UPDATE or DELETE as [rows, rowCount], anything else as rows.
 * A named statement goes to pg as a query config, which prepares it once per connection
 * (TypeORM hands it over untouched; it still reads as its SQL when logged).
 */
export async function query<T>(manager: EntityManager, statement: Sql | NamedStatement): Promise<T[]> {
  const result: unknown =
    statement instanceof Sql
      ? await manager.query(...compiled(statement))
      : await manager.query({ name: statement.name, text: statement.text, toString: () => statement.text } as unknown as string, statement.values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The first row, or undefined. */
export async function first<T>(manager: EntityManager, statement: Sql | NamedStatement): Promise<T | undefined> {
  return (await query<T>(manager, statement))[0];
}

function compiled(statement: Sql): [string, unknown[]] {
  const { text, values } = statement.compile();
  return [text, values];
}
