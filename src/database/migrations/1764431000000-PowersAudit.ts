import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which kind of agency holds which power is reference data that admins change (with a reason):
 * those changes join the reference-data audit chain as entity 'powers'.
 */
export class PowersAudit1764431000000 implements MigrationInterface {
  name = 'PowersAudit1764431000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE reference_audit_events
        DROP CONSTRAINT ck_reference_audit_events_entity,
        ADD CONSTRAINT ck_reference_audit_events_entity CHECK (entity IN ('agency', 'team', 'user', 'policy', 'powers'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The audit is append-only: events about powers stay, and only new events are held to the older list.
    await db.query(`
      ALTER TABLE reference_audit_events
        DROP CONSTRAINT ck_reference_audit_events_entity,
        ADD CONSTRAINT ck_reference_audit_events_entity CHECK (entity IN ('agency', 'team', 'user', 'policy')) NOT VALID`);
  }
}
