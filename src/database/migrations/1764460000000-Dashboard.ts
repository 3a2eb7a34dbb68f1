import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard reads the plans that start in a period (and in the next 30 days): an index on the
 * start, so that its cost follows the length of the period rather than the number of plans.
 */
export class Dashboard1764460000000 implements MigrationInterface {
  name = 'Dashboard1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_operations_starts ON operations (starts_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_operations_starts`);
  }
}
