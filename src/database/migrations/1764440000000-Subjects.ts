import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subjects of interest on a plan (a person, a phone, a vehicle, an email address) and blind
 * matching between plans: each identifier is normalised and stored as an HMAC-SHA-256 under a
 * server key, and plans are matched on those keys only, through an index. A subject shared by
 * two plans neither completed nor cancelled is a hit for both owners, whatever the dates; each
 * side acknowledges its own, and sees the other's.
 */
export class Subjects1764440000000 implements MigrationInterface {
  name = 'Subjects1764440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plan_subjects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        kind text NOT NULL,
        details jsonb NOT NULL,
        added_by uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_plan_subjects_kind CHECK (kind IN ('PERSON','PHONE','VEHICLE','EMAIL')),
        CONSTRAINT ck_plan_subjects_details CHECK (jsonb_typeof(details) = 'object')
      )`);
    await db.query(`CREATE INDEX ix_plan_subjects_operation ON plan_subjects (operation_id)`);
    await db.query(`
      CREATE TABLE subject_match_keys (
        subject_id uuid NOT NULL REFERENCES plan_subjects (id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        match_key bytea NOT NULL,
        PRIMARY KEY (subject_id, match_key),
        CONSTRAINT ck_subject_match_keys_length CHECK (octet_length(match_key) = 32)
      )`);
    // The one index matching goes through: which plans hold this key.
    await db.query(`CREATE INDEX ix_subject_match_keys_key ON subject_match_keys (match_key, operation_id)`);
    await db.query(`
      CREATE TABLE subject_hits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES operations (id),
        other_operation_id uuid NOT NULL REFERENCES operations (id),
        kind text NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        raised_by uuid NOT NULL REFERENCES users (id),
        acknowledgement_note varchar(2000),
        acknowledged_by uuid REFERENCES users (id),
        acknowledged_at timestamptz,
        CONSTRAINT uq_subject_hits UNIQUE (operation_id, other_operation_id, kind),
        CONSTRAINT ck_subject_hits_other CHECK (operation_id <> other_operation_id),
        CONSTRAINT ck_subject_hits_kind CHECK (kind IN ('PERSON','PHONE','VEHICLE','EMAIL')),
        CONSTRAINT ck_subject_hits_acknowledgement CHECK (
          (acknowledgement_note IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_by IS NULL) = (acknowledged_at IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_subject_hits_other ON subject_hits (other_operation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subject_hits`);
    await db.query(`DROP TABLE subject_match_keys`);
    await db.query(`DROP TABLE plan_subjects`);
  }
}
