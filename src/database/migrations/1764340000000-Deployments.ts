import { MigrationInterface, QueryRunner } from 'typeorm';

/** Teams deployed on operations; R5 (no double booking) as an exclusion constraint. */
export class Deployments1764340000000 implements MigrationInterface {
  name = 'Deployments1764340000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Lets a deployment carry its team's agency, checked by the foreign key below.
    await db.query(`ALTER TABLE teams ADD CONSTRAINT uq_teams_id_agency UNIQUE (id, agency_id)`);
    await db.query(`
      CREATE TABLE deployments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        team_id uuid NOT NULL,
        team_agency_id uuid NOT NULL,
        headcount int NOT NULL,
        tasking varchar(2000) NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        follows_operation_window boolean NOT NULL,
        status text NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        responded_by uuid,
        responded_at timestamptz,
        decline_reason varchar(1000),
        released_by uuid,
        released_at timestamptz,
        CONSTRAINT fk_deployments_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_deployments_team FOREIGN KEY (team_id, team_agency_id) REFERENCES teams (id, agency_id),
        CONSTRAINT fk_deployments_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT fk_deployments_responded_by FOREIGN KEY (responded_by) REFERENCES users (id),
        CONSTRAINT fk_deployments_released_by FOREIGN KEY (released_by) REFERENCES users (id),
        CONSTRAINT ck_deployments_headcount CHECK (headcount >= 1),
        CONSTRAINT ck_deployments_window CHECK (ends_at > starts_at),
        CONSTRAINT ck_deployments_status CHECK (status IN ('REQUESTED','CONFIRMED','DECLINED','RELEASED')),
        CONSTRAINT ex_deployments_team_window EXCLUDE USING gist (
          team_id WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (status IN ('REQUESTED','CONFIRMED'))
      )`);
    await db.query(`CREATE INDEX ix_deployments_operation ON deployments (operation_id)`);
    // The visibility fragment: operations an agency has a (non-declined) deployment on.
    await db.query(`CREATE INDEX ix_deployments_team_agency ON deployments (team_agency_id, operation_id) WHERE status <> 'DECLINED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deployments`);
    await db.query(`ALTER TABLE teams DROP CONSTRAINT uq_teams_id_agency`);
  }
}
