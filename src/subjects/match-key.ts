import { createHmac, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const KEY_FILE = 'subject-match.key';

/**
 * The server's key for matching subjects blind: HMAC-SHA-256 of each normalised identifier.
 * SUBJECT_MATCH_KEY when set (required in production); otherwise one generated once and kept in
 * DATA_DIR, so matches survive restarts and instances sharing DATA_DIR agree. It never leaves the
 * server: not in a response, a log line or an audit event.
 */
@Injectable()
export class SubjectMatchKey implements OnModuleInit {
  private readonly logger = new Logger(SubjectMatchKey.name);
  private key?: Buffer;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.key = this.config.SUBJECT_MATCH_KEY ? Buffer.from(this.config.SUBJECT_MATCH_KEY, 'utf8') : await this.kept();
  }

  /** The keyed hash an identifier is matched by. */
  of(text: string): Buffer {
    if (!this.key) throw new Error('The subject match key is not loaded yet');
    return createHmac('sha256', this.key).update(text, 'utf8').digest();
  }

  /** The key in DATA_DIR, made on first use: written aside, then linked into place, so two starting instances agree on one. */
  private async kept(): Promise<Buffer> {
    const path = join(this.config.DATA_DIR, KEY_FILE);
    try {
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await mkdir(this.config.DATA_DIR, { recursive: true });
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(aside, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await link(aside, path);
      this.logger.log(`No SUBJECT_MATCH_KEY: generated one in ${path}; keep it with the database`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(aside);
    }
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
  }
}
