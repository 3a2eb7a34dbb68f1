import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A page of the operations an agency may see is read newest first from one index per way
 * of seeing a plan. Deployments and CPS involvements carry their operation's creation time
 * (set by trigger, never changed) so that they can be read in the same order as operations.
 */
export class NewestVisible1764370000000 implements MigrationInterface {
  name = 'NewestVisible1764370000000';

  async up(db: QueryRunner): Promise<void> {
    // Filling in every existing row can take longer than the timeout set for requests.
    await db.query('SET LOCAL statement_timeout = 0');
    await db.query(`
      CREATE FUNCTION copy_operation_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT o.created_at INTO NEW.operation_created_at FROM operations o WHERE o.id = NEW.operation_id;
        RETURN NEW;
      END $$`);
    for (const table of ['deployments', 'cps_involvements']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN operation_created_at timestamptz`);
      await db.query(`UPDATE ${table} t SET operation_created_at = o.created_at FROM operations o WHERE o.id = t.operation_id`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN operation_created_at SET NOT NULL`);
      await db.query(`
        CREATE TRIGGER tr_${table}_operation_created_at BEFORE INSERT OR UPDATE OF operation_id, operation_created_at ON ${table}
        FOR EACH ROW EXECUTE FUNCTION copy_operation_created_at()`);
    }
    await db.query(`
      CREATE INDEX ix_deployments_team_agency_newest ON deployments (team_agency_id, operation_created_at DESC, operation_id DESC)
      WHERE status <> 'DECLINED'`);
    await db.query(`
      CREATE INDEX ix_cps_involvements_open_newest ON cps_involvements (operation_created_at DESC, operation_id DESC)
      WHERE status = 'REQUESTED'`);
    await db.query(`
      CREATE INDEX ix_cps_involvements_liaison_newest ON cps_involvements (liaison_id, operation_created_at DESC, operation_id DESC)
      WHERE status = 'ENGAGED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['deployments', 'cps_involvements']) {
      await db.query(`DROP TRIGGER tr_${table}_operation_created_at ON ${table}`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN operation_created_at`);
    }
    await db.query(`DROP FUNCTION copy_operation_created_at()`);
  }
}
