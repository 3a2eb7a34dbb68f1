import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AppConfig } from './app-config';

/** The keys every instance on one database must share, each named by the variable that sets it. */
export type SharedKeyName = 'SUBJECT_MATCH_KEY' | 'JWT_SECRET';

/** Where a key is kept in DATA_DIR when the environment does not give it (the embedded database only). */
function keptFile(dataDir: string, name: SharedKeyName): string {
  return join(dataDir, name === 'SUBJECT_MATCH_KEY' ? 'subject-match.key' : 'jwt-secret.key');
}

const logger = new Logger('Keys');

/**
 * The subject match key and the token secret, as this instance holds them: from the environment
 * (required with DATABASE_URL or in production, app-config.ts), or generated once and kept in
 * DATA_DIR beside the embedded database, so matches and tokens survive a restart. They never
 * leave the server: not in a response, a log line or an audit event.
 */
export class InstanceKeys {
  private constructor(private readonly keys: Record<SharedKeyName, Buffer>) {}

  static async load(config: AppConfig): Promise<InstanceKeys> {
    const of = async (name: SharedKeyName) => {
      const given = config[name];
      return given ? Buffer.from(given, 'utf8') : kept(config.DATA_DIR, name);
    };
    return new InstanceKeys({ SUBJECT_MATCH_KEY: await of('SUBJECT_MATCH_KEY'), JWT_SECRET: await of('JWT_SECRET') });
  }

  get(name: SharedKeyName): Buffer {
    return this.keys[name];
  }
}

async function readKept(path: string): Promise<Buffer> {
  return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
}

/** The key kept in DATA_DIR, made on first use: written aside, then linked into place, so two starting instances agree on one. */
async function kept(dataDir: string, name: SharedKeyName): Promise<Buffer> {
  const path = keptFile(dataDir, name);
  const read = () => readKept(path);
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(aside, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(aside, path);
    logger.log(`No ${name}: generated one in ${path}; keep it with the database`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  return read();
}

/**
 * The key this instance would use, without making one: from the environment, else the one kept in
 * DATA_DIR, else none. For a restore, which must check the key it is given and never invent one.
 */
export async function heldKey(config: AppConfig, name: SharedKeyName): Promise<{ key?: Buffer; keptIn?: string }> {
  const given = config[name];
  if (given) return { key: Buffer.from(given, 'utf8') };
  const path = keptFile(config.DATA_DIR, name);
  try {
    return { key: await readKept(path), keptIn: path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { keptIn: path };
  }
}

/** Forgets the key kept in DATA_DIR, so the next start generates a new one. */
export async function forgetKeptKey(dataDir: string, name: SharedKeyName): Promise<void> {
  await rm(keptFile(dataDir, name), { force: true });
}
