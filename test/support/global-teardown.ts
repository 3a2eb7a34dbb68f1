import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { TEMPLATE_DATABASE } from './databases';
import { plainEnglishSummary } from './plain-english-summary';

export default async function globalTeardown(): Promise<void> {
  const summary = await plainEnglishSummary(process.env.PLAIN_ENGLISH_LOG_DIR);
  if (summary) console.log(summary);
  const embedded = globalThis.embeddedTestDatabase;
  if (embedded) {
    await embedded.database.stop();
    await rm(embedded.dataDir, { recursive: true, force: true });
    return;
  }
  // On an external server, drop the copies this run made (the shared one stays for inspection).
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^planner_test_[0-9a-f]{12}$'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
}
