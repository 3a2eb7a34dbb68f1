import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security hardening: rate limits kept in Postgres (shared by every instance, kept across
 * restarts), a token generation per user, the reference-data audit chain, deconfliction hits
 * recorded when raised, the content editors four eyes looks at, and double booking counted
 * over confirmed deployments only.
 */
export class Hardening1764390000000 implements MigrationInterface {
  name = 'Hardening1764390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limits (
        key varchar(300) PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        count int NOT NULL,
        CONSTRAINT ck_rate_limits_count CHECK (count >= 0)
      )`);
    await db.query(`CREATE INDEX ix_rate_limits_expires ON rate_limits (expires_at)`);

    // Bumped when a password changes or a user's authority does: every token issued before stops working.
    await db.query(
      `ALTER TABLE users ADD COLUMN token_generation int NOT NULL DEFAULT 1, ADD CONSTRAINT ck_users_token_generation CHECK (token_generation >= 1)`,
    );

    await db.query(`
      CREATE TABLE reference_audit_events (
        id bigserial PRIMARY KEY,
        seq int NOT NULL,
        entity varchar(32) NOT NULL,
        entity_id varchar(100) NOT NULL,
        action varchar(64) NOT NULL,
        actor_id uuid NOT NULL,
        actor_agency_id uuid NOT NULL,
        at timestamptz NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash char(64),
        hash char(64) NOT NULL,
        CONSTRAINT uq_reference_audit_events_seq UNIQUE (seq),
        CONSTRAINT fk_reference_audit_events_actor FOREIGN KEY (actor_id) REFERENCES users (id),
        CONSTRAINT fk_reference_audit_events_actor_agency FOREIGN KEY (actor_agency_id) REFERENCES agencies (id),
        CONSTRAINT ck_reference_audit_events_seq CHECK (seq >= 1),
        CONSTRAINT ck_reference_audit_events_entity CHECK (entity IN ('agency', 'team', 'user', 'policy'))
      )`);
    await db.query(`
      CREATE TRIGGER tr_reference_audit_events_append_only BEFORE UPDATE OR DELETE ON reference_audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await db.query(`
      CREATE TRIGGER tr_reference_audit_events_no_truncate BEFORE TRUNCATE ON reference_audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);

    await db.query(`
      CREATE TABLE deconfliction_hits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        other_operation_id uuid NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        raised_by uuid NOT NULL,
        CONSTRAINT uq_deconfliction_hits_pair UNIQUE (operation_id, other_operation_id),
        CONSTRAINT fk_deconfliction_hits_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_deconfliction_hits_other FOREIGN KEY (other_operation_id) REFERENCES operations (id),
        CONSTRAINT fk_deconfliction_hits_raised_by FOREIGN KEY (raised_by) REFERENCES users (id),
        CONSTRAINT ck_deconfliction_hits_other CHECK (operation_id <> other_operation_id)
      )`);
    await db.query(`CREATE INDEX ix_deconfliction_hits_other ON deconfliction_hits (other_operation_id)`);
    // Hits that stand now are recorded as raised by whoever last changed each plan.
    await db.query(`
      INSERT INTO deconfliction_hits (operation_id, other_operation_id, raised_by)
      SELECT DISTINCT me.id, other.id, me.updated_by
        FROM operations me
        JOIN operation_locations mine ON mine.operation_id = me.id
        JOIN operation_locations theirs ON theirs.postcode = mine.postcode AND theirs.operation_id <> me.id
        JOIN operations other ON other.id = theirs.operation_id
       WHERE me.status <> 'CANCELLED' AND other.status <> 'CANCELLED'
         AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(me.starts_at, me.ends_at, '[)')`);

    // Four eyes: who changed the plan's content since it was last approved (R12).
    await db.query(`ALTER TABLE operations ADD COLUMN content_editors uuid[] NOT NULL DEFAULT '{}'`);
    await db.query(`UPDATE operations SET content_editors = ARRAY[updated_by] WHERE status NOT IN ('APPROVED', 'ACTIVE', 'COMPLETED')`);

    // R5: only a confirmed deployment books a team; requests may overlap.
    await db.query(`ALTER TABLE deployments DROP CONSTRAINT ex_deployments_team_window`);
    await db.query(`
      ALTER TABLE deployments ADD CONSTRAINT ex_deployments_team_window EXCLUDE USING gist (
        team_id WITH =,
        tstzrange(starts_at, ends_at, '[)') WITH &&
      ) WHERE (status = 'CONFIRMED')`);
    await db.query(`
      CREATE INDEX ix_deployments_team_window_active ON deployments USING gist (team_id, tstzrange(starts_at, ends_at, '[)'))
      WHERE status IN ('REQUESTED', 'CONFIRMED')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_deployments_team_window_active`);
    await db.query(`ALTER TABLE deployments DROP CONSTRAINT ex_deployments_team_window`);
    await db.query(`
      ALTER TABLE deployments ADD CONSTRAINT ex_deployments_team_window EXCLUDE USING gist (
        team_id WITH =,
        tstzrange(starts_at, ends_at, '[)') WITH &&
      ) WHERE (status IN ('REQUESTED','CONFIRMED'))`);
    await db.query(`ALTER TABLE operations DROP COLUMN content_editors`);
    await db.query(`DROP TABLE deconfliction_hits`);
    await db.query(`DROP TABLE reference_audit_events`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT ck_users_token_generation, DROP COLUMN token_generation`);
    await db.query(`DROP TABLE rate_limits`);
  }
}
