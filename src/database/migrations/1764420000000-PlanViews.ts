import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of each plan a user last opened in the web UI, so that lists can mark the plans
 * others have changed since. Only the web UI writes it; it goes with the user or the plan.
 */
export class PlanViews1764420000000 implements MigrationInterface {
  name = 'PlanViews1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plan_views (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        seen_version int NOT NULL CHECK (seen_version >= 1),
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, operation_id)
      )`);
    await db.query(`CREATE INDEX ix_plan_views_operation ON plan_views (operation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plan_views`);
  }
}
