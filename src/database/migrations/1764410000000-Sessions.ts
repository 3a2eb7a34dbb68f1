import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions (DESIGN §6): a row per signed-in browser, found by the SHA-256 of its random
 * 256-bit id (the id itself lives only in the cookie). The user's token generation at sign-in is
 * kept: disabling the user, or changing their roles, agency or password, moves it on and so ends
 * the session, as it ends their bearer tokens. Deleting a user deletes their sessions.
 */
export class Sessions1764410000000 implements MigrationInterface {
  name = 'Sessions1764410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_generation int NOT NULL,
        csrf_token text NOT NULL CHECK (length(csrf_token) >= 43),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        CHECK (last_seen_at >= created_at)
      )`);
    await db.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
    await db.query(`CREATE INDEX ix_sessions_last_seen ON sessions (last_seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions`);
  }
}
