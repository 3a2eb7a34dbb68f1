import { Client, ClientBase } from 'pg';

/**
 * A backup is one gzip-compressed file: a line of JSON (this header), then every table's rows
 * as Postgres's own COPY text format, table after table in the header's order. COPY writes one
 * row per line (a newline inside a value is escaped), so the header's row counts say where each
 * table's rows end, and a file cut short is seen as one.
 */
export const BACKUP_FORMAT = 'day-of-action-planner backup';
export const FORMAT_VERSION = 1;

export interface BackupTable {
  name: string;
  /** The columns as copied: a generated column is left out, and made again on restore. */
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The newest migration applied to the database backed up. */
  schemaVersion: string;
  /** Hex HMAC fingerprint of the subject match key the database was matched under (key-fingerprints.ts); null if no instance ever started on it. */
  subjectMatchKeyFingerprint: string | null;
  /** When the snapshot was taken: the start of its transaction, which every row read is as of. */
  takenAt: string;
  /** In an order that foreign keys allow: a table comes after every table it refers to. */
  tables: BackupTable[];
}

/** A backup or restore that cannot go ahead; the message says why and what to do, and nothing was written. */
export class BackupRefused extends Error {}

/** How a backup or restore shows its progress: each table as it starts, and rows copied so far. */
export interface Progress {
  table(table: BackupTable): void;
  rows(table: BackupTable, copied: number): void;
}

/** Dates and times in ISO form and UTC, whatever the server's defaults, as the app's own connections have them. */
export function connect(url: string): Client {
  return new Client({ connectionString: url, options: '-c DateStyle=ISO,MDY -c TimeZone=UTC' });
}

export async function hasTable(client: ClientBase, name: string): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${name}`]);
  return rows[0].present;
}

/** The app's tables (not TypeORM's list of migrations, which the restore runs itself), with the columns a COPY carries. */
export async function appTables(client: ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'migrations'
    GROUP BY c.relname
    ORDER BY c.relname`);
  return rows;
}

/**
 * The tables ordered so that each comes after those its foreign keys point at (a table that
 * points at itself is fine: COPY checks its keys at the end of the statement). Ties go by name,
 * so two backups of one schema list their tables alike.
 */
export async function inForeignKeyOrder<T extends { name: string }>(client: ClientBase, tables: T[]): Promise<T[]> {
  const { rows: keys } = await client.query<{ child: string; parent: string }>(`
    SELECT ch.relname::text AS child, pa.relname::text AS parent
    FROM pg_constraint k
    JOIN pg_class ch ON ch.oid = k.conrelid
    JOIN pg_class pa ON pa.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`);
  const waitingFor = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of keys) waitingFor.get(child)?.add(parent);
  const ordered: T[] = [];
  let left = [...tables];
  while (left.length) {
    const ready = left.filter((table) =>
      [...(waitingFor.get(table.name) ?? [])].every((parent) => ordered.some((done) => done.name === parent)),
    );
    if (!ready.length)
      throw new Error(`the foreign keys between ${left.map((table) => table.name).join(', ')} form a cycle, so no load order exists`);
    ordered.push(...ready);
    left = left.filter((table) => !ready.includes(table));
  }
  return ordered;
}

export function copyColumns(client: ClientBase, table: { name: string; columns: string[] }): string {
  return `${client.escapeIdentifier(table.name)} (${table.columns.map((column) => client.escapeIdentifier(column)).join(', ')})`;
}
