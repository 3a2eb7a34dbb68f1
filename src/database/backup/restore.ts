import { finished } from 'node:stream/promises';
import { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { heldKey } from '../../config/instance-keys';
import { dataSourceOptions, MIGRATIONS } from '../data-source';
import { fingerprintOf } from '../key-fingerprints';
import { MIGRATION_LOCK } from '../migrate';
import { BackupHeader, BackupRefused, Progress, appTables, copyColumns, hasTable } from './backup-file';
import { BackupReader } from './backup-reader';

/**
 * Tables the migrations themselves fill (the default lead policy, the powers each kind of agency
 * holds): a freshly migrated database has these rows, and the restore replaces them with the backup's.
 */
const FILLED_BY_MIGRATIONS = new Set(['agency_kind_powers', 'policy_rules']);

/** Subjects are matched by an HMAC under the key: under another key, none of them would match a new one, silently. */
async function checkSubjectMatchKey(config: AppConfig, header: BackupHeader): Promise<void> {
  if (header.subjectMatchKeyFingerprint === null) return;
  const held = await heldKey(config, 'SUBJECT_MATCH_KEY');
  const whatToDo = `Set SUBJECT_MATCH_KEY to the key kept with the backup${held.keptIn ? `, or put the subject-match.key kept with it at ${held.keptIn}` : ''}, and restore again. Nothing was restored.`;
  if (!held.key)
    throw new BackupRefused(`This instance has no SUBJECT_MATCH_KEY, and the backup's subjects were matched under one. ${whatToDo}`);
  if (fingerprintOf(held.key).toString('hex') !== header.subjectMatchKeyFingerprint) {
    throw new BackupRefused(
      `The backup's subjects were matched under another SUBJECT_MATCH_KEY than this instance holds: restored, they would never match a new subject. ${whatToDo}`,
    );
  }
}

/** The position of the backup's schema among the migrations this version knows; a file from a newer version is refused. */
function schemaPosition(header: BackupHeader): number {
  const position = MIGRATIONS.findIndex((migration) => migration.name === header.schemaVersion);
  if (position === -1) {
    throw new BackupRefused(
      `The backup was made by a newer version of the app (its schema goes up to ${header.schemaVersion}, which this version does not know). Nothing was restored: upgrade the app, then restore.`,
    );
  }
  return position;
}

async function appliedMigrations(client: ClientBase): Promise<string[]> {
  if (!(await hasTable(client, 'migrations'))) return [];
  return (await client.query<{ name: string }>('SELECT name FROM migrations')).rows.map((row) => row.name);
}

/** Refuses a database that holds anything but what the migrations write: a restore never mixes two databases' rows. */
async function refuseUnlessEmpty(client: ClientBase): Promise<void> {
  const filled: string[] = [];
  for (const table of await appTables(client)) {
    if (FILLED_BY_MIGRATIONS.has(table.name)) continue;
    const { rows } = await client.query<{ some: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(table.name)}) AS some`);
    if (rows[0].some) filled.push(table.name);
  }
  if (filled.length) {
    throw new BackupRefused(
      `This database is not empty (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ' and more' : ''} have rows), and a restore only goes into an empty one. Nothing was restored: create a new, empty database (or use a new DATA_DIR), point DATABASE_URL (or DATA_DIR) at it and restore again, before any instance starts on it.`,
    );
  }
}

/** Applies the migrations `dataSource` knows that the database lacks, inside the transaction `runner` holds. */
async function migrateWithin(dataSource: DataSource, runner: QueryRunner): Promise<void> {
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = 'all';
  await executor.executePendingMigrations();
}

/** The file must describe the tables of the schema it names; anything else is a damaged or edited file. */
async function refuseUnlikeSchema(client: ClientBase, file: string, header: BackupHeader): Promise<void> {
  const describe = (tables: { name: string; columns: string[] }[]) =>
    JSON.stringify(tables.map(({ name, columns }) => [name, columns]).sort());
  if (describe(await appTables(client)) !== describe(header.tables)) {
    throw new BackupRefused(
      `${file} does not hold the tables of the schema it names, so it is damaged. Nothing was restored: use another copy of the backup.`,
    );
  }
}

/** Serial ids go on after the highest restored one, so the next audit event or reference event gets a fresh id. */
async function resetSequences(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; sequence: string }>(`
    SELECT c.relname::text AS table_name, a.attname::text AS column_name, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const row of rows) {
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${client.escapeIdentifier(row.column_name)}) FROM ${client.escapeIdentifier(row.table_name)}), 0) + 1, false)`,
      [row.sequence],
    );
  }
}

/** Loads every table, in the transaction the caller holds. */
async function load(client: ClientBase, reader: BackupReader, file: string, header: BackupHeader, progress: Progress): Promise<void> {
  await refuseUnlikeSchema(client, file, header);
  for (const table of [...header.tables].reverse()) {
    if (FILLED_BY_MIGRATIONS.has(table.name)) await client.query(`DELETE FROM ${client.escapeIdentifier(table.name)}`);
  }
  for (const table of header.tables) {
    progress.table(table);
    const into = client.query(copyFrom(`COPY ${copyColumns(client, table)} FROM STDIN`));
    const loaded = finished(into);
    // A COPY that fails (a row the schema refuses) must not leave its rejection unheard while rows are still read.
    loaded.catch(() => undefined);
    try {
      await reader.copyRows(table.rows, into, (rows) => progress.rows(table, rows));
    } catch (error) {
      // Abandoned mid-way (a file cut short), the COPY is failed on the server, so the transaction can roll back.
      into.destroy(error as Error);
      await loaded.catch(() => undefined);
      throw error;
    }
    into.end();
    await loaded;
  }
  await reader.end();
  await resetSequences(client);
}

/**
 * Restores the backup in `file` into the empty database at `url`: checks the file (complete, this
 * app's format, a schema this version knows) and the key (the one the subjects were matched
 * under) before touching the database; then, in one transaction, migrates the database to the
 * backup's schema, loads every row and applies any migration newer than the backup, as an
 * upgrade would. A database with no schema gets it; one with rows is refused; any refusal or
 * failure part-way leaves the database as it was. Loading runs the tables' insert triggers and
 * checks every constraint, as for rows the app writes.
 */
export async function restoreDatabase(config: AppConfig, url: string, file: string, progress: Progress): Promise<BackupHeader> {
  const { reader, header } = await BackupReader.open(file);
  try {
    const position = schemaPosition(header);
    await checkSubjectMatchKey(config, header);
    await restoreWithin(config, url, position, (client) => load(client, reader, file, header, progress), header);
    return header;
  } finally {
    reader.close();
  }
}

/** The restore's one transaction, on one connection: migrations (TypeORM's) and COPY (pg's) share it. */
async function restoreWithin(
  config: AppConfig,
  url: string,
  position: number,
  loadRows: (client: ClientBase) => Promise<void>,
  header: BackupHeader,
): Promise<void> {
  const options = dataSourceOptions(config, url);
  const toBackup = await new DataSource({ ...options, migrations: MIGRATIONS.slice(0, position + 1) }).initialize();
  const toLatest = await new DataSource({ ...options, migrations: MIGRATIONS }).initialize();
  const runner = toBackup.createQueryRunner();
  try {
    await runner.connect();
    // TypeORM's own connection, so that the COPY runs in the transaction the migrations run in.
    const client = (runner as unknown as { databaseConnection: ClientBase }).databaseConnection;
    await runner.startTransaction();
    // A big table takes as long as it takes to copy; no instance should be running meanwhile.
    await runner.query('SET LOCAL statement_timeout = 0');
    await runner.query('SET LOCAL idle_in_transaction_session_timeout = 0');
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const known = new Set(MIGRATIONS.slice(0, position + 1).map((migration) => migration.name));
    if ((await appliedMigrations(client)).some((name) => !known.has(name))) {
      throw new BackupRefused(
        `This database's schema is newer than the backup's (${header.schemaVersion}). Nothing was restored: restore into a new, empty database; the restore brings it up to date after loading.`,
      );
    }
    await refuseUnlessEmpty(client);
    await migrateWithin(toBackup, runner);
    await loadRows(client);
    await migrateWithin(toLatest, runner);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(
      `The backup could not be loaded: ${error instanceof Error ? error.message : String(error)}. Nothing was restored.`,
    );
  } finally {
    await runner.release();
    await Promise.all([toBackup.destroy(), toLatest.destroy()]);
  }
}
