import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trusted devices (OWASP's device cookies): a browser that has signed in to an account holds a
 * random 256-bit token for it; only the token's SHA-256 is kept here, so the table alone trusts
 * no one. A token is stored rather than signed so that it needs no secret every instance must
 * share, and so that it can be ended: it is trusted only at the user's token generation it was
 * issued under (a password, role or agency change, or disabling, moves that on) and until it
 * expires. Deleting a user deletes their devices.
 */
export class TrustedDevices1764500000000 implements MigrationInterface {
  name = 'TrustedDevices1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE trusted_devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_sha256 bytea NOT NULL,
        token_generation int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT fk_trusted_devices_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_trusted_devices_token UNIQUE (token_sha256),
        CONSTRAINT ck_trusted_devices_token CHECK (octet_length(token_sha256) = 32),
        CONSTRAINT ck_trusted_devices_expires CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX ix_trusted_devices_user ON trusted_devices (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE trusted_devices`);
  }
}
