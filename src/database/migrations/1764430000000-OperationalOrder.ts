import { MigrationInterface, QueryRunner } from 'typeorm';

const POWERS = `'ENTRY','SEARCH','ARREST','IMMIGRATION_CHECKS','LABOUR_INSPECTION','TAX_COMPLIANCE','BENEFITS_INVESTIGATION'`;

/** Which kind of agency holds which power by default: officers of these kinds may be tasked with it. */
const DEFAULT_POWERS: Record<string, string[]> = {
  POLICE: ['ENTRY', 'SEARCH', 'ARREST'],
  NCA: ['ENTRY', 'SEARCH', 'ARREST'],
  GLAA: ['ENTRY', 'SEARCH', 'ARREST', 'LABOUR_INSPECTION'],
  BORDER_FORCE: ['ENTRY', 'SEARCH', 'ARREST', 'IMMIGRATION_CHECKS'],
  IMMIGRATION_ENFORCEMENT: ['ENTRY', 'SEARCH', 'ARREST', 'IMMIGRATION_CHECKS'],
  HMRC: ['ENTRY', 'SEARCH', 'ARREST', 'TAX_COMPLIANCE'],
  DWP: ['BENEFITS_INVESTIGATION'],
  LOCAL_AUTHORITY: ['ENTRY'],
};

/**
 * The plan as an operational order: timings and RV points, each location's entry basis and
 * strike time, the powers a deployment's tasking needs (and which kinds of agency hold them),
 * a structured risk register, the NRM and humanitarian arrangements, communications, and each
 * partner agency's sign-off of its part. Every time of the day must lie inside the plan's window:
 * checks on the plan's own columns, triggers for the rows that hang off it.
 */
export class OperationalOrder1764430000000 implements MigrationInterface {
  name = 'OperationalOrder1764430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency_kind_powers (
        kind text NOT NULL,
        power text NOT NULL,
        PRIMARY KEY (kind, power),
        CONSTRAINT ck_agency_kind_powers_kind CHECK (kind IN ('POLICE','NCA','GLAA','BORDER_FORCE','IMMIGRATION_ENFORCEMENT','HMRC','DWP','CPS','LOCAL_AUTHORITY','VICTIM_SUPPORT')),
        CONSTRAINT ck_agency_kind_powers_power CHECK (power IN (${POWERS}))
      )`);
    const rows = Object.entries(DEFAULT_POWERS).flatMap(([kind, powers]) => powers.map((power) => `('${kind}', '${power}')`));
    await db.query(`INSERT INTO agency_kind_powers (kind, power) VALUES ${rows.join(', ')}`);

    await db.query(`
      ALTER TABLE operations
        ADD COLUMN briefing_at timestamptz,
        ADD COLUMN briefing_place varchar(500),
        ADD COLUMN debrief_at timestamptz,
        ADD COLUMN radio_channel varchar(200),
        ADD COLUMN control_room_number varchar(40),
        ADD COLUMN medical_cover varchar(1000),
        ADD COLUMN reception_opens_at timestamptz,
        ADD COLUMN reception_closes_at timestamptz,
        ADD COLUMN first_responders jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN interpreters jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT ck_operations_briefing_in_window CHECK (briefing_at IS NULL OR (briefing_at >= starts_at AND briefing_at <= ends_at)),
        ADD CONSTRAINT ck_operations_debrief_in_window CHECK (debrief_at IS NULL OR (debrief_at >= starts_at AND debrief_at <= ends_at)),
        ADD CONSTRAINT ck_operations_briefing_before_debrief CHECK (briefing_at IS NULL OR debrief_at IS NULL OR briefing_at < debrief_at),
        ADD CONSTRAINT ck_operations_reception_hours CHECK (
          (reception_opens_at IS NULL) = (reception_closes_at IS NULL) AND (reception_opens_at IS NULL OR reception_opens_at < reception_closes_at)),
        ADD CONSTRAINT ck_operations_first_responders CHECK (jsonb_typeof(first_responders) = 'array'),
        ADD CONSTRAINT ck_operations_interpreters CHECK (jsonb_typeof(interpreters) = 'array')`);

    await db.query(`
      ALTER TABLE operation_locations
        ADD COLUMN strike_at timestamptz,
        ADD COLUMN entry_basis text,
        ADD COLUMN warrant_type varchar(200),
        ADD COLUMN warrant_court varchar(200),
        ADD COLUMN warrant_reference varchar(100),
        ADD COLUMN warrant_expires_at timestamptz,
        ADD COLUMN statutory_power varchar(500),
        ADD CONSTRAINT ck_operation_locations_entry_basis CHECK (entry_basis IN ('WARRANT','CONSENT','STATUTORY_POWER')),
        ADD CONSTRAINT ck_operation_locations_warrant CHECK (
          COALESCE(entry_basis = 'WARRANT', false) =
          (warrant_type IS NOT NULL AND warrant_court IS NOT NULL AND warrant_reference IS NOT NULL AND warrant_expires_at IS NOT NULL)),
        ADD CONSTRAINT ck_operation_locations_statutory_power CHECK (COALESCE(entry_basis = 'STATUTORY_POWER', false) = (statutory_power IS NOT NULL))`);

    await db.query(`
      CREATE TABLE rv_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        address varchar(500) NOT NULL,
        meet_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_rv_points_operation_id UNIQUE (operation_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_rv_points_name ON rv_points (operation_id, lower(name))`);

    await db.query(`
      CREATE TABLE operation_risks (
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        position int NOT NULL,
        hazard text NOT NULL,
        hazard_detail varchar(500),
        likelihood int NOT NULL,
        impact int NOT NULL,
        controls varchar(2000) NOT NULL,
        residual text NOT NULL,
        owner varchar(200) NOT NULL,
        accepted_by varchar(200),
        PRIMARY KEY (operation_id, position),
        CONSTRAINT ck_operation_risks_hazard CHECK (hazard IN
          ('DOGS','WEAPONS','CHILDREN_PRESENT','VULNERABLE_ADULTS','HOSTILE_OCCUPANTS','HAZARDOUS_PREMISES','PUBLIC_ORDER','OTHER')),
        CONSTRAINT ck_operation_risks_other CHECK (hazard <> 'OTHER' OR hazard_detail IS NOT NULL),
        CONSTRAINT ck_operation_risks_likelihood CHECK (likelihood BETWEEN 1 AND 5),
        CONSTRAINT ck_operation_risks_impact CHECK (impact BETWEEN 1 AND 5),
        CONSTRAINT ck_operation_risks_residual CHECK (residual IN ('LOW','MEDIUM','HIGH'))
      )`);

    await db.query(`
      ALTER TABLE deployments
        ADD COLUMN powers text[] NOT NULL DEFAULT '{}',
        ADD COLUMN rv_point_id uuid,
        ADD COLUMN call_sign varchar(40),
        ADD CONSTRAINT ck_deployments_powers CHECK (powers <@ ARRAY[${POWERS}]::text[]),
        ADD CONSTRAINT fk_deployments_rv_point FOREIGN KEY (operation_id, rv_point_id) REFERENCES rv_points (operation_id, id) ON DELETE SET NULL (rv_point_id)`);
    await db.query(`CREATE INDEX ix_deployments_rv_point ON deployments (rv_point_id) WHERE rv_point_id IS NOT NULL`);

    // A time of the day (an RV, a strike) must lie inside its plan's window; a window that moves must still hold them.
    await db.query(`
      CREATE FUNCTION assert_in_plan_window() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        moment timestamptz := (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz;
        plan operations%ROWTYPE;
      BEGIN
        IF moment IS NULL THEN RETURN NEW; END IF;
        SELECT * INTO plan FROM operations WHERE id = NEW.operation_id;
        IF NOT FOUND THEN RETURN NEW; END IF;
        IF moment < plan.starts_at OR moment > plan.ends_at THEN
          RAISE EXCEPTION '% % lies outside the window of operation %', TG_TABLE_NAME, TG_ARGV[0], plan.reference
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_' || TG_TABLE_NAME || '_in_window';
        END IF;
        RETURN NEW;
      END $$`);
    // Deferred to the commit, so one change may move the window and the times inside it together.
    await db.query(`
      CREATE CONSTRAINT TRIGGER tr_rv_points_in_window AFTER INSERT OR UPDATE ON rv_points DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION assert_in_plan_window('meet_at')`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER tr_operation_locations_in_window AFTER INSERT OR UPDATE ON operation_locations DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION assert_in_plan_window('strike_at')`);
    await db.query(`
      CREATE FUNCTION assert_times_in_window() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM operations o JOIN rv_points r ON r.operation_id = o.id
                    WHERE o.id = NEW.id AND (r.meet_at < o.starts_at OR r.meet_at > o.ends_at))
           OR EXISTS (SELECT 1 FROM operations o JOIN operation_locations l ON l.operation_id = o.id
                       WHERE o.id = NEW.id AND (l.strike_at < o.starts_at OR l.strike_at > o.ends_at)) THEN
          RAISE EXCEPTION 'an RV or strike time of operation % lies outside its new window', NEW.reference
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_operations_times_in_window';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER tr_operations_times_in_window AFTER UPDATE OF starts_at, ends_at ON operations DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at)
        EXECUTE FUNCTION assert_times_in_window()`);

    // What a partner signs off: the plan's window and places, and its own confirmed teams with their taskings.
    await db.query(`
      CREATE FUNCTION agency_part_digest(plan_id uuid, agency uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT md5(concat_ws('|',
          extract(epoch FROM o.starts_at), extract(epoch FROM o.ends_at), extract(epoch FROM o.briefing_at), extract(epoch FROM o.debrief_at),
          (SELECT string_agg(concat_ws(',', l.postcode, lower(l.address), extract(epoch FROM l.strike_at), l.entry_basis), ';'
                             ORDER BY l.postcode, lower(l.address), l.strike_at)
             FROM operation_locations l WHERE l.operation_id = o.id),
          (SELECT string_agg(concat_ws(',', d.team_id, d.headcount, d.tasking, extract(epoch FROM d.starts_at), extract(epoch FROM d.ends_at),
                                       array_to_string(d.powers, ' '), r.name, extract(epoch FROM r.meet_at), d.call_sign), ';'
                             ORDER BY d.team_id, d.starts_at)
             FROM deployments d LEFT JOIN rv_points r ON r.id = d.rv_point_id
            WHERE d.operation_id = o.id AND d.team_agency_id = agency AND d.status = 'CONFIRMED')))
          FROM operations o WHERE o.id = plan_id
      $$`);
    await db.query(`
      CREATE TABLE partner_sign_offs (
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        decision text NOT NULL,
        part_digest text NOT NULL,
        reason varchar(1000),
        decided_by uuid NOT NULL REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation_id, agency_id),
        CONSTRAINT ck_partner_sign_offs_decision CHECK (decision IN ('SIGNED_OFF','DECLINED')),
        CONSTRAINT ck_partner_sign_offs_reason CHECK ((decision = 'DECLINED') = (reason IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_sign_offs`);
    await db.query(`DROP FUNCTION agency_part_digest(uuid, uuid)`);
    await db.query(`DROP TRIGGER tr_operations_times_in_window ON operations`);
    await db.query(`DROP FUNCTION assert_times_in_window()`);
    await db.query(`DROP TRIGGER tr_operation_locations_in_window ON operation_locations`);
    await db.query(`DROP TRIGGER tr_rv_points_in_window ON rv_points`);
    await db.query(`DROP FUNCTION assert_in_plan_window()`);
    await db.query(
      `ALTER TABLE deployments DROP CONSTRAINT fk_deployments_rv_point, DROP COLUMN powers, DROP COLUMN rv_point_id, DROP COLUMN call_sign`,
    );
    await db.query(`DROP TABLE operation_risks`);
    await db.query(`DROP TABLE rv_points`);
    await db.query(`
      ALTER TABLE operation_locations DROP COLUMN strike_at, DROP COLUMN entry_basis, DROP COLUMN warrant_type, DROP COLUMN warrant_court,
        DROP COLUMN warrant_reference, DROP COLUMN warrant_expires_at, DROP COLUMN statutory_power`);
    await db.query(`
      ALTER TABLE operations DROP COLUMN briefing_at, DROP COLUMN briefing_place, DROP COLUMN debrief_at, DROP COLUMN radio_channel,
        DROP COLUMN control_room_number, DROP COLUMN medical_cover, DROP COLUMN reception_opens_at, DROP COLUMN reception_closes_at,
        DROP COLUMN first_responders, DROP COLUMN interpreters`);
    await db.query(`DROP TABLE agency_kind_powers`);
  }
}
