import { createHash } from 'node:crypto';

/**
 * Marks a read that runs on every request as a named prepared statement: pg parses it once
 * per pooled connection and Postgres can reuse its plan, instead of planning a many-table
 * join anew each time (the planning costs more than running it). The name is a hash of
 * the text, so each distinct text is its own statement.
 *
 * TypeORM hands the query to pg untouched, and pg accepts a query config wherever it takes
 * text; the value still reads as the SQL when logged.
 */
export function prepared(text: string): string {
  const name = `q_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
  return { name, text, toString: () => text } as unknown as string;
}
