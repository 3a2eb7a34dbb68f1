import { MigrationInterface, QueryRunner } from 'typeorm';

/** Four eyes held by the database too: nobody approves a plan they created. */
export class FourEyes1764400000000 implements MigrationInterface {
  name = 'FourEyes1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE operations ADD CONSTRAINT ck_operations_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE operations DROP CONSTRAINT ck_operations_four_eyes`);
  }
}
