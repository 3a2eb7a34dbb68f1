import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Standing down (R8): an ACTIVE day of action may end as STOOD_DOWN, with a reason (kept where a
 * cancellation keeps its own) and, if there were any, the outcomes so far. A stood-down plan was
 * approved, as a completed one was.
 */
export class StandDown1764480000000 implements MigrationInterface {
  name = 'StandDown1764480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE operations
        DROP CONSTRAINT ck_operations_status,
        DROP CONSTRAINT ck_operations_approved,
        DROP CONSTRAINT ck_operations_cancelled,
        DROP CONSTRAINT ck_operations_completed,
        ADD CONSTRAINT ck_operations_status
          CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'CANCELLED', 'STOOD_DOWN')),
        ADD CONSTRAINT ck_operations_approved CHECK ((status IN ('APPROVED', 'ACTIVE', 'COMPLETED', 'STOOD_DOWN')) <= (approved_by IS NOT NULL)),
        ADD CONSTRAINT ck_operations_cancelled CHECK ((status IN ('CANCELLED', 'STOOD_DOWN')) = (cancel_reason IS NOT NULL)),
        ADD CONSTRAINT ck_operations_completed CHECK ((status = 'COMPLETED') <= (outcomes IS NOT NULL) AND (outcomes IS NULL OR status IN ('COMPLETED', 'STOOD_DOWN')))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE operations
        DROP CONSTRAINT ck_operations_status,
        DROP CONSTRAINT ck_operations_approved,
        DROP CONSTRAINT ck_operations_cancelled,
        DROP CONSTRAINT ck_operations_completed,
        ADD CONSTRAINT ck_operations_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
        ADD CONSTRAINT ck_operations_approved CHECK ((status = 'APPROVED' OR status = 'ACTIVE' OR status = 'COMPLETED') <= (approved_by IS NOT NULL)),
        ADD CONSTRAINT ck_operations_cancelled CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
        ADD CONSTRAINT ck_operations_completed CHECK ((status = 'COMPLETED') = (outcomes IS NOT NULL))`);
  }
}
