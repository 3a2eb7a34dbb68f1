import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'POLICE','NCA','GLAA','BORDER_FORCE','IMMIGRATION_ENFORCEMENT','HMRC','DWP','CPS','LOCAL_AUTHORITY','VICTIM_SUPPORT'`;
const CAPABILITIES = `'ENTRY','SEARCH','ARREST','SAFEGUARDING','INTERPRETING','FINANCIAL_INVESTIGATION','DIGITAL_FORENSICS','IMMIGRATION_CHECKS','LABOUR_INSPECTION','TAX_COMPLIANCE','BENEFITS_INVESTIGATION','INTELLIGENCE','VICTIM_RECEPTION'`;
const ROLES = `'COORDINATOR','CPS_LIAISON','MANAGER','ADMIN'`;
const EXPLOITATION_TYPES = `'LABOUR','SEXUAL','CRIMINAL','DOMESTIC_SERVITUDE','ORGAN_REMOVAL'`;
const SCOPES = `'LOCAL','REGIONAL','NATIONAL','INTERNATIONAL'`;

/** Agencies, teams, users and the lead/support policy, with the default rules R1 and R2. */
export class ReferenceData1764320000000 implements MigrationInterface {
  name = 'ReferenceData1764320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_agencies_code UNIQUE (code),
        CONSTRAINT ck_agencies_code CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
        CONSTRAINT ck_agencies_kind CHECK (kind IN (${KINDS})),
        CONSTRAINT ck_agencies_name CHECK (length(btrim(name)) > 0)
      )`);

    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL,
        name varchar(200) NOT NULL,
        capabilities text[] NOT NULL DEFAULT '{}',
        capacity int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_teams_agency FOREIGN KEY (agency_id) REFERENCES agencies (id),
        CONSTRAINT uq_teams_agency_name UNIQUE (agency_id, name),
        CONSTRAINT ck_teams_capabilities CHECK (capabilities <@ ARRAY[${CAPABILITIES}]::text[]),
        CONSTRAINT ck_teams_capacity CHECK (capacity BETWEEN 1 AND 1000),
        CONSTRAINT ck_teams_name CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_teams_agency ON teams (agency_id)`);
    await db.query(`CREATE INDEX ix_teams_capabilities ON teams USING gin (capabilities)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(200) NOT NULL,
        agency_id uuid NOT NULL,
        roles text[] NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_users_agency FOREIGN KEY (agency_id) REFERENCES agencies (id),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email)),
        CONSTRAINT ck_users_roles CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[${ROLES}]::text[])
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await db.query(`CREATE INDEX ix_users_agency ON users (agency_id)`);

    // CPS_LIAISON only in a CPS agency: the rule spans two tables, so a trigger keeps it.
    await db.query(`
      CREATE FUNCTION enforce_cps_liaison_agency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF 'CPS_LIAISON' = ANY (NEW.roles)
           AND (SELECT kind FROM agencies WHERE id = NEW.agency_id) IS DISTINCT FROM 'CPS' THEN
          RAISE EXCEPTION 'CPS_LIAISON is only for users of a CPS agency'
            USING ERRCODE = '23514', CONSTRAINT = 'ck_users_cps_liaison_agency';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_users_cps_liaison_agency BEFORE INSERT OR UPDATE OF roles, agency_id ON users
      FOR EACH ROW EXECUTE FUNCTION enforce_cps_liaison_agency()`);

    await db.query(`
      CREATE TABLE policy_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_kind text NOT NULL,
        role text NOT NULL,
        permitted boolean NOT NULL,
        allowed_scopes text[],
        exploitation_types_within text[],
        exploitation_types_any_of text[],
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT uq_policy_rules_kind_role UNIQUE (agency_kind, role),
        CONSTRAINT fk_policy_rules_updated_by FOREIGN KEY (updated_by) REFERENCES users (id),
        CONSTRAINT ck_policy_rules_kind CHECK (agency_kind IN (${KINDS})),
        CONSTRAINT ck_policy_rules_role CHECK (role IN ('LEAD','SUPPORT')),
        CONSTRAINT ck_policy_rules_scopes CHECK (allowed_scopes <@ ARRAY[${SCOPES}]::text[]),
        CONSTRAINT ck_policy_rules_within CHECK (exploitation_types_within <@ ARRAY[${EXPLOITATION_TYPES}]::text[]),
        CONSTRAINT ck_policy_rules_any_of CHECK (exploitation_types_any_of <@ ARRAY[${EXPLOITATION_TYPES}]::text[]),
        CONSTRAINT ck_policy_rules_cps_never CHECK (NOT (agency_kind = 'CPS' AND permitted))
      )`);

    // R1: POLICE and NCA may lead; GLAA only all-LABOUR operations; INTERNATIONAL only NCA.
    // R2: every kind but CPS may support; GLAA only where LABOUR is among the types.
    await db.query(`
      INSERT INTO policy_rules (agency_kind, role, permitted, allowed_scopes, exploitation_types_within, exploitation_types_any_of)
      SELECT kind, 'LEAD',
             kind IN ('POLICE','NCA','GLAA'),
             CASE WHEN kind IN ('POLICE','GLAA') THEN ARRAY['LOCAL','REGIONAL','NATIONAL'] END,
             CASE WHEN kind = 'GLAA' THEN ARRAY['LABOUR'] END,
             NULL
      FROM unnest(ARRAY[${KINDS}]) AS kind
      UNION ALL
      SELECT kind, 'SUPPORT',
             kind <> 'CPS',
             NULL,
             NULL,
             CASE WHEN kind = 'GLAA' THEN ARRAY['LABOUR'] END
      FROM unnest(ARRAY[${KINDS}]) AS kind`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE policy_rules`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP FUNCTION enforce_cps_liaison_agency()`);
    await db.query(`DROP TABLE teams`);
    await db.query(`DROP TABLE agencies`);
  }
}
