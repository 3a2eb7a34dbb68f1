import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'STATUS', 'DECISION', 'COUNT', 'MESSAGE'`;
const STATUSES = `'NOT_STARTED', 'TEAM_AT_RV', 'ENTRY_MADE', 'SEARCH_UNDER_WAY', 'CLEAR', 'STOOD_DOWN'`;

/**
 * The day's log (issue 29): what happened on the day, as it happened, appended by the agencies on the plan.
 * - Append-only: a trigger refuses any UPDATE or DELETE of an entry; a correction is a new entry that refers to
 *   the old one. (The plan itself is never deleted once it has started, so no cascade ever needs to delete one.)
 * - Open while the plan is ACTIVE, and for 72 hours after it ended: a plan records when it ended
 *   (operations.ended_at, set by the database whenever its status becomes COMPLETED or STOOD_DOWN), and an insert
 *   outside that window is refused by the database whatever the service checked.
 * - An entry happened no more than 5 minutes after it was recorded, nor more than a day before the plan's window.
 * - A correction names an entry of the same plan, kind and place, and is Intelligence when that entry is.
 * - A status or count names a location of the same plan, checked on insert (locations may later be edited away:
 *   the entry keeps the label it was recorded with, so no foreign key would hold).
 * - Each insert notifies the channel day_log with "<operation id>:<entry id>": every instance listening passes it to
 *   its subscribers, who read the entry as they may see it.
 */
export class DayLog1764540000000 implements MigrationInterface {
  name = 'DayLog1764540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE operations ADD COLUMN ended_at timestamptz`);
    await db.query(`
      CREATE FUNCTION fn_operations_ended_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('COMPLETED', 'STOOD_DOWN') AND NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.ended_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_operations_ended_at BEFORE UPDATE OF status ON operations
        FOR EACH ROW EXECUTE FUNCTION fn_operations_ended_at()`);
    await db.query(`
      CREATE TABLE day_log_entries (
        id bigserial PRIMARY KEY,
        operation_id uuid NOT NULL REFERENCES operations (id),
        kind text NOT NULL,
        section text NOT NULL DEFAULT 'CORE',
        location_id uuid,
        location_label text,
        status text,
        happened_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        author_id uuid NOT NULL REFERENCES users (id),
        author_agency_id uuid NOT NULL REFERENCES agencies (id),
        corrects_id bigint REFERENCES day_log_entries (id),
        details jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT ck_day_log_entries_kind CHECK (kind IN (${KINDS})),
        CONSTRAINT ck_day_log_entries_section CHECK (section IN ('CORE', 'INTELLIGENCE')),
        CONSTRAINT ck_day_log_entries_status CHECK ((kind = 'STATUS') = (status IS NOT NULL) AND (status IS NULL OR status IN (${STATUSES}))),
        CONSTRAINT ck_day_log_entries_status_place CHECK (kind <> 'STATUS' OR location_id IS NOT NULL),
        CONSTRAINT ck_day_log_entries_intelligence CHECK (section = 'CORE' OR kind = 'DECISION'),
        CONSTRAINT ck_day_log_entries_details CHECK (jsonb_typeof(details) = 'object'),
        CONSTRAINT ck_day_log_entries_happened CHECK (happened_at <= recorded_at + interval '5 minutes')
      )`);
    await db.query(`CREATE INDEX ix_day_log_entries_operation ON day_log_entries (operation_id, id)`);
    await db.query(`
      CREATE FUNCTION fn_day_log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The day''s log is append-only: correct an entry with a new one'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_append_only';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_day_log_entries_append_only BEFORE UPDATE OR DELETE ON day_log_entries
        FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_append_only()`);
    await db.query(`
      CREATE TRIGGER tr_day_log_entries_no_truncate BEFORE TRUNCATE ON day_log_entries
        FOR EACH STATEMENT EXECUTE FUNCTION fn_day_log_entries_append_only()`);
    await db.query(`
      CREATE FUNCTION fn_day_log_entries_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        plan record;
      BEGIN
        SELECT status, ended_at, starts_at INTO plan FROM operations WHERE id = NEW.operation_id FOR SHARE;
        IF NOT (plan.status = 'ACTIVE' OR (plan.status IN ('COMPLETED', 'STOOD_DOWN') AND plan.ended_at > now() - interval '72 hours')) THEN
          RAISE EXCEPTION 'The day''s log is open only while the day of action is under way, and for 72 hours after it ends'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_open';
        END IF;
        IF NEW.happened_at < plan.starts_at - interval '24 hours' THEN
          RAISE EXCEPTION 'An entry records the day: it cannot have happened more than a day before the plan''s window opens'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_happened_early';
        END IF;
        IF NEW.location_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM operation_locations l WHERE l.id = NEW.location_id AND l.operation_id = NEW.operation_id
        ) THEN
          RAISE EXCEPTION 'The location is not one of this plan''s'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_location';
        END IF;
        -- A correction is of an entry of the same plan, kind and place, and as secret as the entry it corrects.
        IF NEW.corrects_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM day_log_entries e WHERE e.id = NEW.corrects_id AND e.operation_id = NEW.operation_id
             AND e.kind = NEW.kind AND e.location_id IS NOT DISTINCT FROM NEW.location_id
             AND (e.section = 'CORE' OR NEW.section = 'INTELLIGENCE')
        ) THEN
          RAISE EXCEPTION 'The entry corrected is not one of this plan''s log of the same kind and place'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_corrects';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_day_log_entries_check BEFORE INSERT ON day_log_entries
        FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_check()`);
    await db.query(`
      CREATE FUNCTION fn_day_log_entries_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('day_log', NEW.operation_id::text || ':' || NEW.id::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_day_log_entries_notify AFTER INSERT ON day_log_entries
        FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE day_log_entries`);
    await db.query(`DROP FUNCTION fn_day_log_entries_notify, fn_day_log_entries_check, fn_day_log_entries_append_only`);
    await db.query(`DROP TRIGGER tr_operations_ended_at ON operations`);
    await db.query(`DROP FUNCTION fn_operations_ended_at`);
    await db.query(`ALTER TABLE operations DROP COLUMN ended_at`);
  }
}
