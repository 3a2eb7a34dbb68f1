import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can keep safe (issue 25). A password an admin issues is one-time: its user must
 * set their own before anything else works, and it stops signing in 72 hours after it was issued.
 * `password_issued_at` keeps when the last one was issued (after it has been replaced too).
 *
 * A calendar feed records the token generation its user was at when it was made, and is read only
 * while the user is still at it: whatever ends the user's sessions and tokens (a password change,
 * a reset, a change of roles or agency, disabling) ends the feed too, with no step to forget.
 */
export class Accounts1764490000000 implements MigrationInterface {
  name = 'Accounts1764490000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
        ADD COLUMN password_issued_at timestamptz,
        ADD CONSTRAINT ck_users_issued_password CHECK (NOT password_change_required OR password_issued_at IS NOT NULL)`);
    await db.query(`ALTER TABLE calendar_feeds ADD COLUMN token_generation int`);
    await db.query(`UPDATE calendar_feeds f SET token_generation = u.token_generation FROM users u WHERE u.id = f.user_id`);
    await db.query(`ALTER TABLE calendar_feeds ALTER COLUMN token_generation SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calendar_feeds DROP COLUMN token_generation`);
    await db.query(
      `ALTER TABLE users DROP CONSTRAINT ck_users_issued_password, DROP COLUMN password_issued_at, DROP COLUMN password_change_required`,
    );
  }
}
