import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's command structure: Gold (strategic), Silver (tactical) and the SIO on the plan, and a
 * Bronze / site commander on each location. Each is one person as the order prints them (name, rank
 * or grade, agency, a 24-hour number in E.164), kept whole as one JSON object: they are read and
 * replaced together, never searched by a part.
 */
export class CommandRoles1764535000000 implements MigrationInterface {
  name = 'CommandRoles1764535000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE operations
        ADD COLUMN gold_commander jsonb,
        ADD COLUMN silver_commander jsonb,
        ADD COLUMN sio_commander jsonb,
        ADD CONSTRAINT ck_operations_gold_commander CHECK (jsonb_typeof(gold_commander) = 'object'),
        ADD CONSTRAINT ck_operations_silver_commander CHECK (jsonb_typeof(silver_commander) = 'object'),
        ADD CONSTRAINT ck_operations_sio_commander CHECK (jsonb_typeof(sio_commander) = 'object')`);
    await db.query(`
      ALTER TABLE operation_locations
        ADD COLUMN site_commander jsonb,
        ADD CONSTRAINT ck_operation_locations_site_commander CHECK (jsonb_typeof(site_commander) = 'object')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE operation_locations DROP COLUMN site_commander`);
    await db.query(`ALTER TABLE operations DROP COLUMN gold_commander, DROP COLUMN silver_commander, DROP COLUMN sio_commander`);
  }
}
