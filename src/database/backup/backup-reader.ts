import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, BackupHeader, BackupRefused, FORMAT_VERSION } from './backup-file';

/** A header is a few kilobytes; a file with no line break this far in is not a backup. */
const HEADER_LIMIT = 1024 * 1024;

function isHeader(value: unknown): value is BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  return (
    typeof header === 'object' &&
    header !== null &&
    typeof header.schemaVersion === 'string' &&
    (header.subjectMatchKeyFingerprint === null || typeof header.subjectMatchKeyFingerprint === 'string') &&
    Array.isArray(header.tables) &&
    header.tables.every(
      (table) => typeof table?.name === 'string' && Array.isArray(table.columns) && Number.isSafeInteger(table.rows) && table.rows >= 0,
    )
  );
}

/** Reads a backup file as it is restored: its header first, then each table's rows, a line per row, as the header counts them. */
export class BackupReader {
  private rest: Buffer = Buffer.alloc(0);

  private readonly chunks: AsyncIterator<Buffer>;

  private constructor(
    private readonly file: string,
    private readonly stream: Readable,
  ) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  private damaged(): BackupRefused {
    return new BackupRefused(
      `${this.file} is cut short or damaged, so it cannot be restored. Nothing was restored: use another copy of the backup.`,
    );
  }

  private foreign(why: string): BackupRefused {
    return new BackupRefused(`${this.file} is not a backup made by npm run backup (${why}). Nothing was restored: check the file name.`);
  }

  /** The next piece of the uncompressed file, or undefined at its end; a gzip that does not check out is damaged or foreign. */
  private async next(): Promise<Buffer | undefined> {
    if (this.rest.length) {
      const piece = this.rest;
      this.rest = Buffer.alloc(0);
      return piece;
    }
    try {
      const { done, value } = await this.chunks.next();
      return done ? undefined : value;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'Z_BUF_ERROR') throw this.damaged();
      if (code.startsWith('Z_')) throw this.foreign('it is not gzip-compressed, or its compression is broken');
      throw error;
    }
  }

  static async open(file: string): Promise<{ reader: BackupReader; header: BackupHeader }> {
    const source = createReadStream(file);
    const gunzip = createGunzip();
    source.on('error', (error) => gunzip.destroy(error));
    const reader = new BackupReader(file, source.pipe(gunzip));
    try {
      return { reader, header: await reader.header() };
    } catch (error) {
      reader.close();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new BackupRefused(`There is no file ${file}. Nothing was restored: check the file name.`);
      throw error;
    }
  }

  private async header(): Promise<BackupHeader> {
    let line: Buffer = Buffer.alloc(0);
    for (let end = -1; end === -1; end = line.indexOf(10)) {
      const chunk = await this.next();
      if (!chunk) throw line.length ? this.damaged() : this.foreign('it is empty');
      line = Buffer.concat([line, chunk]);
      if (line.length > HEADER_LIMIT && line.indexOf(10) === -1) throw this.foreign('it does not start with a backup header');
    }
    const end = line.indexOf(10);
    this.rest = line.subarray(end + 1);
    let header: unknown;
    try {
      header = JSON.parse(line.subarray(0, end).toString('utf8'));
    } catch {
      throw this.foreign('it does not start with a backup header');
    }
    if ((header as Partial<BackupHeader>)?.format !== BACKUP_FORMAT) throw this.foreign('it does not start with a backup header');
    if ((header as BackupHeader).formatVersion !== FORMAT_VERSION) {
      throw new BackupRefused(
        `${this.file} is in backup format ${String((header as BackupHeader).formatVersion)}; this version of the app reads format ${FORMAT_VERSION}. Nothing was restored: restore it with the version of the app that made it.`,
      );
    }
    if (!isHeader(header)) throw this.damaged();
    return header;
  }

  /** Writes the next `count` rows (lines) into `into`, as fast as it takes them, reporting how many have gone. */
  async copyRows(count: number, into: Writable, copied: (rows: number) => void): Promise<void> {
    let left = count;
    while (left > 0) {
      const chunk = await this.next();
      if (!chunk) throw this.damaged();
      let end = chunk.length;
      for (let at = chunk.indexOf(10); at !== -1 && left > 0; at = chunk.indexOf(10, at + 1)) {
        left--;
        if (left === 0) end = at + 1;
      }
      this.rest = chunk.subarray(end);
      if (!into.write(chunk.subarray(0, end))) await once(into, 'drain');
      copied(count - left);
    }
  }

  close(): void {
    this.stream.destroy();
  }

  /** The file must end where its header says: more rows than counted means it is not the file the header describes. */
  async end(): Promise<void> {
    if (await this.next()) throw this.damaged();
  }
}
