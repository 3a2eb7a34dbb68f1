import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fingerprint of each key every instance on this database must share (the subject match key and
 * the token secret): an HMAC of a fixed label under the key, never the key. The first instance to
 * start records it; one whose key gives another fingerprint refuses to start.
 */
export class InstanceKeys1764520000000 implements MigrationInterface {
  name = 'InstanceKeys1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE instance_keys (
        name text NOT NULL,
        fingerprint bytea NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_instance_keys PRIMARY KEY (name),
        CONSTRAINT ck_instance_keys_name CHECK (name IN ('SUBJECT_MATCH_KEY', 'JWT_SECRET')),
        CONSTRAINT ck_instance_keys_fingerprint CHECK (octet_length(fingerprint) = 32)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE instance_keys`);
  }
}
