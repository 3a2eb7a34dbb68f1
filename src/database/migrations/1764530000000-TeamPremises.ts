import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams allocated to premises: a deployment may go to one or more of its plan's locations. Both
 * foreign keys carry the plan's id, so the database itself refuses a location of another plan; a
 * location taken off the plan, or a deployment removed, takes its allocations with it.
 */
export class TeamPremises1764530000000 implements MigrationInterface {
  name = 'TeamPremises1764530000000';

  async up(db: QueryRunner): Promise<void> {
    // A location keeps its row (and its allocations) when the list is saved in a new order: the positions
    // are checked once the whole list is written, not row by row.
    await db.query(`
      ALTER TABLE operation_locations DROP CONSTRAINT uq_operation_locations_position,
        ADD CONSTRAINT uq_operation_locations_position UNIQUE (operation_id, position) DEFERRABLE INITIALLY IMMEDIATE`);
    await db.query(`ALTER TABLE operation_locations ADD CONSTRAINT uq_operation_locations_operation_id UNIQUE (operation_id, id)`);
    await db.query(`ALTER TABLE deployments ADD CONSTRAINT uq_deployments_operation_id UNIQUE (operation_id, id)`);
    await db.query(`
      CREATE TABLE deployment_locations (
        operation_id uuid NOT NULL,
        deployment_id uuid NOT NULL,
        location_id uuid NOT NULL,
        CONSTRAINT pk_deployment_locations PRIMARY KEY (deployment_id, location_id),
        CONSTRAINT fk_deployment_locations_deployment FOREIGN KEY (operation_id, deployment_id)
          REFERENCES deployments (operation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_deployment_locations_location FOREIGN KEY (operation_id, location_id)
          REFERENCES operation_locations (operation_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_deployment_locations_location ON deployment_locations (location_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deployment_locations`);
    await db.query(`ALTER TABLE deployments DROP CONSTRAINT uq_deployments_operation_id`);
    await db.query(`ALTER TABLE operation_locations DROP CONSTRAINT uq_operation_locations_operation_id`);
    await db.query(`
      ALTER TABLE operation_locations DROP CONSTRAINT uq_operation_locations_position,
        ADD CONSTRAINT uq_operation_locations_position UNIQUE (operation_id, position)`);
  }
}
