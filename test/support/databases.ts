import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'planner_test_template';
export const SHARED_DATABASE = 'planner_test';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own, copied from the migrated template, for a test that changes
 * shared things (the policy, the schema) and must not disturb tests running beside it.
 */
export async function isolatedDatabaseUrl(): Promise<string> {
  const base = process.env.DATABASE_URL as string;
  const name = `planner_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return withDatabase(base, name);
}
