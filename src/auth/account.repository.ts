import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first } from '../database/query';
import { sql } from '../database/sql';

/** A user's own password: read to check the current one, and replaced only if it is still that one. */
@Injectable()
export class AccountRepository {
  async passwordHash(manager: EntityManager, userId: string): Promise<string | undefined> {
    const row = await first<{ passwordHash: string }>(manager, sql`SELECT password_hash AS "passwordHash" FROM users WHERE id = ${userId} AND active`);
    return row?.passwordHash;
  }

  /**
   * Sets the user's own password in place of `verifiedHash`, the one whose password they just
   * proved they know, and moves their token generation on, which ends every session, token and
   * calendar feed they hold. Undefined when the password changed meanwhile (another change won).
   */
  async replacePassword(manager: EntityManager, userId: string, verifiedHash: string, newHash: string): Promise<number | undefined> {
    const row = await first<{ generation: number }>(
      manager,
      sql`UPDATE users SET password_hash = ${newHash}, password_change_required = false, token_generation = token_generation + 1, updated_at = now()
           WHERE id = ${userId} AND active AND password_hash = ${verifiedHash}
       RETURNING token_generation AS generation`,
    );
    return row?.generation;
  }
}
