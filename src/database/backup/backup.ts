import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Gzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BackupHeader,
  BackupRefused,
  BackupTable,
  FORMAT_VERSION,
  Progress,
  appTables,
  connect,
  copyColumns,
  hasTable,
  inForeignKeyOrder,
} from './backup-file';

/** The header of the snapshot the open transaction sees: schema version, key fingerprint, tables and their row counts. */
async function snapshotHeader(client: Client): Promise<BackupHeader> {
  const newest = (await hasTable(client, 'migrations'))
    ? (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1')).rows[0]
    : undefined;
  if (!newest) throw new BackupRefused('This database has no tables yet, so there is nothing to back up. Check DATABASE_URL or DATA_DIR.');
  const { rows: started } = await client.query<{ at: Date }>('SELECT now() AS at');
  // A database not yet migrated as far as the instance keys has none recorded.
  const keys = (await hasTable(client, 'instance_keys'))
    ? (
        await client.query<{ fingerprint: string }>(
          `SELECT encode(fingerprint, 'hex') AS fingerprint FROM instance_keys WHERE name = 'SUBJECT_MATCH_KEY'`,
        )
      ).rows
    : [];
  const tables: BackupTable[] = [];
  for (const table of await inForeignKeyOrder(client, await appTables(client))) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${client.escapeIdentifier(table.name)}`);
    tables.push({ ...table, rows: Number(rows[0].count) });
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: newest.name,
    subjectMatchKeyFingerprint: keys[0]?.fingerprint ?? null,
    takenAt: started[0].at.toISOString(),
    tables,
  };
}

async function write(gzip: Gzip, chunk: Buffer | string): Promise<void> {
  if (!gzip.write(chunk)) await once(gzip, 'drain');
}

function newlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

/** Streams one table's rows from the snapshot into the file; the count must be the header's, as both read one snapshot. */
async function copyTable(client: Client, gzip: Gzip, table: BackupTable, progress: Progress): Promise<void> {
  progress.table(table);
  let copied = 0;
  for await (const chunk of client.query(copyTo(`COPY ${copyColumns(client, table)} TO STDOUT`)) as AsyncIterable<Buffer>) {
    await write(gzip, chunk);
    copied += newlines(chunk);
    progress.rows(table, copied);
  }
  if (copied !== table.rows) throw new Error(`${table.name} gave ${copied} rows where its count was ${table.rows}`);
}

/**
 * Writes a consistent snapshot of the database at `url` to `file`: every table read in one
 * read-only REPEATABLE READ transaction, so the rows agree with each other (an audit chain and
 * the plan it records, a hit and both its plans) while the app keeps running. The file appears
 * only once complete (written aside, flushed, then renamed), so a backup cut short leaves no
 * file that looks like one. It holds the key's fingerprint, never a key or a secret.
 */
export async function backupDatabase(url: string, file: string, progress: Progress): Promise<BackupHeader> {
  const client = connect(url);
  await client.connect();
  const aside = `${file}.${process.pid}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header = await snapshotHeader(client);
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(aside, { flags: 'wx', mode: 0o600, flush: true }));
    try {
      await write(gzip, `${JSON.stringify(header)}\n`);
      for (const table of header.tables) await copyTable(client, gzip, table, progress);
    } finally {
      gzip.end();
      await written;
    }
    await client.query('COMMIT');
    await rename(aside, file);
    return header;
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
