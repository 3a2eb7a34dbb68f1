import { MigrationInterface, QueryRunner } from 'typeorm';

const EXPLOITATION_TYPES = `'LABOUR','SEXUAL','CRIMINAL','DOMESTIC_SERVITUDE','ORGAN_REMOVAL'`;
const STATUSES = `'DRAFT','SUBMITTED','CHANGES_REQUESTED','APPROVED','ACTIVE','COMPLETED','CANCELLED'`;

/** Operations (the plan for a day of action), their locations, and the hash-chained audit trail. */
export class Operations1764330000000 implements MigrationInterface {
  name = 'Operations1764330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE operation_reference_counters (
        year int PRIMARY KEY,
        last_number int NOT NULL
      )`);

    await db.query(`
      CREATE TABLE operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(32) NOT NULL,
        name varchar(200) NOT NULL,
        exploitation_types text[] NOT NULL,
        scope text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        lead_agency_id uuid,
        briefing jsonb NOT NULL DEFAULT '{}',
        expected_potential_victims int NOT NULL DEFAULT 0,
        safeguarding_languages text[] NOT NULL DEFAULT '{}',
        reception_centre varchar(500),
        status text NOT NULL DEFAULT 'DRAFT',
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_by_agency_id uuid NOT NULL,
        updated_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_operations_reference UNIQUE (reference),
        CONSTRAINT fk_operations_lead_agency FOREIGN KEY (lead_agency_id) REFERENCES agencies (id),
        CONSTRAINT fk_operations_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_operations_created_by_agency FOREIGN KEY (created_by_agency_id) REFERENCES agencies (id),
        CONSTRAINT fk_operations_updated_by FOREIGN KEY (updated_by) REFERENCES users (id),
        CONSTRAINT ck_operations_reference CHECK (reference ~ '^OP-[0-9]{4}-[0-9]{4,}$'),
        CONSTRAINT ck_operations_exploitation_types CHECK (
          cardinality(exploitation_types) > 0 AND exploitation_types <@ ARRAY[${EXPLOITATION_TYPES}]::text[]),
        CONSTRAINT ck_operations_scope CHECK (scope IN ('LOCAL','REGIONAL','NATIONAL','INTERNATIONAL')),
        CONSTRAINT ck_operations_window CHECK (ends_at > starts_at),
        CONSTRAINT ck_operations_window_length CHECK (ends_at - starts_at <= interval '72 hours'),
        CONSTRAINT ck_operations_victims CHECK (expected_potential_victims >= 0),
        CONSTRAINT ck_operations_status CHECK (status IN (${STATUSES})),
        CONSTRAINT ck_operations_version CHECK (version >= 1)
      )`);
    // Newest first, by keyset; and the visibility fragment's agency lookups.
    await db.query(`CREATE INDEX ix_operations_created ON operations (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX ix_operations_creator_agency ON operations (created_by_agency_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX ix_operations_lead_agency ON operations (lead_agency_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE operation_locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        position int NOT NULL,
        label varchar(200) NOT NULL,
        address varchar(500) NOT NULL,
        postcode varchar(8) NOT NULL,
        CONSTRAINT fk_operation_locations_operation FOREIGN KEY (operation_id) REFERENCES operations (id) ON DELETE CASCADE,
        CONSTRAINT uq_operation_locations_position UNIQUE (operation_id, position),
        CONSTRAINT ck_operation_locations_postcode CHECK (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$')
      )`);
    await db.query(`CREATE INDEX ix_operation_locations_postcode ON operation_locations (postcode)`);

    await db.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        operation_id uuid NOT NULL,
        seq int NOT NULL,
        action varchar(64) NOT NULL,
        actor_id uuid NOT NULL,
        actor_agency_id uuid NOT NULL,
        at timestamptz NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash char(64),
        hash char(64) NOT NULL,
        CONSTRAINT uq_audit_events_operation_seq UNIQUE (operation_id, seq),
        CONSTRAINT fk_audit_events_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_audit_events_actor FOREIGN KEY (actor_id) REFERENCES users (id),
        CONSTRAINT fk_audit_events_actor_agency FOREIGN KEY (actor_agency_id) REFERENCES agencies (id),
        CONSTRAINT ck_audit_events_seq CHECK (seq >= 1)
      )`);
    // Append-only: the database itself refuses to change or remove history.
    await db.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = '42501';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await db.query(`
      CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION refuse_audit_change()`);
    await db.query(`DROP TABLE operation_locations`);
    await db.query(`DROP TABLE operations`);
    await db.query(`DROP TABLE operation_reference_counters`);
  }
}
