import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know inside a plan (R14a–d): the owner grants a partner agency sections beyond its
 * default (never Intelligence to a victim-support or local-authority agency, whatever path writes
 * the grant), risks derived from intelligence are marked so, and every plan carries its
 * protective marking, nothing above OFFICIAL-SENSITIVE.
 */
export class NeedToKnow1764470000000 implements MigrationInterface {
  name = 'NeedToKnow1764470000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE operations
        ADD COLUMN classification text NOT NULL DEFAULT 'OFFICIAL-SENSITIVE',
        ADD COLUMN handling_instruction varchar(200),
        ADD CONSTRAINT ck_operations_classification CHECK (classification IN ('OFFICIAL', 'OFFICIAL-SENSITIVE'))`);

    await db.query(`ALTER TABLE operation_risks ADD COLUMN intelligence boolean NOT NULL DEFAULT false`);

    await db.query(`
      CREATE TABLE plan_section_grants (
        operation_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        section text NOT NULL,
        reason varchar(500) NOT NULL,
        granted_by uuid NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation_id, agency_id, section),
        CONSTRAINT fk_plan_section_grants_operation FOREIGN KEY (operation_id) REFERENCES operations (id) ON DELETE CASCADE,
        CONSTRAINT fk_plan_section_grants_agency FOREIGN KEY (agency_id) REFERENCES agencies (id),
        CONSTRAINT fk_plan_section_grants_granted_by FOREIGN KEY (granted_by) REFERENCES users (id),
        CONSTRAINT ck_plan_section_grants_section CHECK (section IN ('PLACES', 'TEAMS', 'INTELLIGENCE', 'PROSECUTION')),
        CONSTRAINT ck_plan_section_grants_reason CHECK (length(btrim(reason)) > 0)
      )`);
    // R14's "agencies granted a section" branch: found from the agency, newest plans first.
    await db.query(`CREATE INDEX ix_plan_section_grants_agency ON plan_section_grants (agency_id, operation_id)`);

    // R14b in the database: a victim-support or local-authority agency is never granted Intelligence.
    await db.query(`
      CREATE FUNCTION plan_section_grants_intelligence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.section = 'INTELLIGENCE' AND EXISTS (
             SELECT 1 FROM agencies a WHERE a.id = NEW.agency_id AND a.kind IN ('VICTIM_SUPPORT', 'LOCAL_AUTHORITY')) THEN
          RAISE EXCEPTION 'intelligence is never shared with a victim-support or local-authority agency'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_plan_section_grants_intelligence';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_plan_section_grants_intelligence BEFORE INSERT OR UPDATE ON plan_section_grants
        FOR EACH ROW EXECUTE FUNCTION plan_section_grants_intelligence()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plan_section_grants`);
    await db.query(`DROP FUNCTION plan_section_grants_intelligence()`);
    await db.query(`ALTER TABLE operation_risks DROP COLUMN intelligence`);
    await db.query(
      `ALTER TABLE operations DROP CONSTRAINT ck_operations_classification, DROP COLUMN handling_instruction, DROP COLUMN classification`,
    );
  }
}
