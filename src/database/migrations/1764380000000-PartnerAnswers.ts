import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partners answer against the version of their own row, not the plan's: deployments and
 * evidence requirements get versions. A released deployment says why it was released.
 * A CPS request carries a note and the date advice is needed by; a liaison may decline it,
 * and closes evidence gathering when the case file is complete.
 */
export class PartnerAnswers1764380000000 implements MigrationInterface {
  name = 'PartnerAnswers1764380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE deployments
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN release_reason varchar(200),
        ADD CONSTRAINT ck_deployments_version CHECK (version >= 1),
        ADD CONSTRAINT ck_deployments_released CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))`);
    await db.query(`
      ALTER TABLE evidence_requirements
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD CONSTRAINT ck_evidence_requirements_version CHECK (version >= 1)`);
    await db.query(`
      ALTER TABLE cps_involvements
        DROP CONSTRAINT ck_cps_involvements_status,
        ADD COLUMN request_note varchar(2000),
        ADD COLUMN advice_needed_by date,
        ADD COLUMN declined_by uuid,
        ADD COLUMN declined_at timestamptz,
        ADD COLUMN decline_reason varchar(1000),
        ADD COLUMN closed_by uuid,
        ADD COLUMN closed_at timestamptz,
        ADD CONSTRAINT ck_cps_involvements_status CHECK (status IN ('REQUESTED','ENGAGED','WITHDRAWN','DECLINED')),
        ADD CONSTRAINT fk_cps_involvements_declined_by FOREIGN KEY (declined_by) REFERENCES users (id),
        ADD CONSTRAINT fk_cps_involvements_closed_by FOREIGN KEY (closed_by) REFERENCES users (id),
        ADD CONSTRAINT ck_cps_involvements_declined CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL AND declined_at IS NOT NULL)),
        ADD CONSTRAINT ck_cps_involvements_closed CHECK (closed_at IS NULL OR status = 'ENGAGED')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE cps_involvements SET status = 'WITHDRAWN', withdrawn_at = declined_at, decline_reason = NULL, declined_at = NULL, declined_by = NULL
        WHERE status = 'DECLINED'`,
    );
    await db.query(`
      ALTER TABLE cps_involvements
        DROP CONSTRAINT ck_cps_involvements_closed, DROP CONSTRAINT ck_cps_involvements_declined,
        DROP CONSTRAINT fk_cps_involvements_closed_by, DROP CONSTRAINT fk_cps_involvements_declined_by,
        DROP CONSTRAINT ck_cps_involvements_status,
        DROP COLUMN closed_at, DROP COLUMN closed_by, DROP COLUMN decline_reason, DROP COLUMN declined_at, DROP COLUMN declined_by,
        DROP COLUMN advice_needed_by, DROP COLUMN request_note,
        ADD CONSTRAINT ck_cps_involvements_status CHECK (status IN ('REQUESTED','ENGAGED','WITHDRAWN'))`);
    await db.query(`ALTER TABLE evidence_requirements DROP CONSTRAINT ck_evidence_requirements_version, DROP COLUMN version`);
    await db.query(`
      ALTER TABLE deployments
        DROP CONSTRAINT ck_deployments_released, DROP CONSTRAINT ck_deployments_version,
        DROP COLUMN release_reason, DROP COLUMN version`);
  }
}
