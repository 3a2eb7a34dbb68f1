import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { sql } from '../database/sql';

/** A device is trusted until it expires, and only while its user is at the token generation it was trusted under. */
const TRUSTED = sql`d.expires_at > now() AND d.token_generation = u.token_generation`;

/** Browsers trusted for an account, found by the SHA-256 of their device tokens. */
@Injectable()
export class TrustedDeviceRepository {
  /** The trusted device among these token hashes that is for the account with this email, if any. */
  forAccount(manager: EntityManager, hashes: Buffer[], email: string): Promise<{ id: string } | undefined> {
    return first(
      manager,
      sql`SELECT d.id FROM trusted_devices d JOIN users u ON u.id = d.user_id
           WHERE d.token_sha256 = ANY(${hashes}::bytea[]) AND lower(u.email) = ${email} AND ${TRUSTED}
           LIMIT 1`,
    );
  }

  /** Which of these token hashes are of devices still trusted, for any account. */
  async stillTrusted(manager: EntityManager, hashes: Buffer[]): Promise<Buffer[]> {
    const rows = await query<{ hash: Buffer }>(
      manager,
      sql`SELECT d.token_sha256 AS hash FROM trusted_devices d JOIN users u ON u.id = d.user_id
           WHERE d.token_sha256 = ANY(${hashes}::bytea[]) AND ${TRUSTED}`,
    );
    return rows.map((row) => row.hash);
  }

  /**
   * Trusts a browser for the account with this email under a new token hash, in one statement:
   * the tokens it held for that account end, as do the account's expired or outdated devices.
   */
  async replace(manager: EntityManager, email: string, held: Buffer[], hash: Buffer, days: number): Promise<void> {
    await query(
      manager,
      sql`WITH account AS (SELECT id, token_generation FROM users WHERE lower(email) = ${email}),
               ended AS (DELETE FROM trusted_devices d USING account u
                          WHERE d.user_id = u.id AND (d.token_sha256 = ANY(${held}::bytea[]) OR NOT (${TRUSTED})))
          INSERT INTO trusted_devices (user_id, token_sha256, token_generation, expires_at)
          SELECT id, ${hash}, token_generation, now() + make_interval(days => ${days}) FROM account`,
    );
  }
}
