import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SharedKeyName } from '../config/instance-keys';
import { first, query } from './query';
import { sql } from './sql';

/** The fingerprint of each key every instance on the database must share (instance_keys): one row per key. */
@Injectable()
export class InstanceKeyRepository {
  /** Records the fingerprint unless one is recorded already (two instances starting together record one). */
  async record(manager: EntityManager, name: SharedKeyName, fingerprint: Buffer): Promise<void> {
    await query(manager, sql`INSERT INTO instance_keys (name, fingerprint) VALUES (${name}, ${fingerprint}) ON CONFLICT (name) DO NOTHING`);
  }

  async fingerprint(manager: EntityManager, name: SharedKeyName): Promise<Buffer | undefined> {
    return (await first<{ fingerprint: Buffer }>(manager, sql`SELECT fingerprint FROM instance_keys WHERE name = ${name}`))?.fingerprint;
  }

  /** Forgets the recorded token secret; whether there was one. */
  async forgetJwtSecret(manager: EntityManager): Promise<boolean> {
    const forgotten = await query(manager, sql`DELETE FROM instance_keys WHERE name = 'JWT_SECRET' RETURNING name`);
    return forgotten.length > 0;
  }
}
