import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first } from '../database/query';
import { sql } from '../database/sql';
import { User } from '../reference-data/user.entity';

/** A user's own password: read to sign in or to check the current one, and replaced only if it is still that one. */
@Injectable()
export class AccountRepository {
  /** The user with this email (lower case, as sign-in gives it), with the password hash no other read of users selects. */
  async signingIn(manager: EntityManager, email: string): Promise<User | undefined> {
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email })
      .getOne();
    return user ?? undefined;
  }

  async passwordHash(manager: EntityManager, userId: string): Promise<string | undefined> {
    const row = await first<{ passwordHash: string }>(
      manager,
      sql`SELECT password_hash AS "passwordHash" FROM users WHERE id = ${userId} AND active`,
    );
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
