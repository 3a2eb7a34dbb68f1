import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feeds: each user's secret calendar address, found by the SHA-256 of its random 256-bit
 * token (the token itself is shown once and never stored). One live feed per user: a new one
 * replaces the old, so the old address stops working; revoking deletes the row; deleting the user
 * deletes their feed.
 */
export class CalendarFeeds1764450000000 implements MigrationInterface {
  name = 'CalendarFeeds1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_sha256 bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT fk_calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_calendar_feeds_user UNIQUE (user_id),
        CONSTRAINT uq_calendar_feeds_token UNIQUE (token_sha256),
        CONSTRAINT ck_calendar_feeds_token CHECK (octet_length(token_sha256) = 32),
        CONSTRAINT ck_calendar_feeds_last_used CHECK (last_used_at IS NULL OR last_used_at >= created_at)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
  }
}
