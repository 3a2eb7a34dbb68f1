import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deconfliction hit says what matched when it was raised, and nothing more later (R13). One
 * table holds every hit, of places and of subjects: a hit is one pair of plans, one row for each
 * side under the hit's one id, each side with its own acknowledgement; on both rows, what was
 * shared at that moment (the kinds, the postcodes, the overlap of the windows to the UK day).
 * Reading a hit never looks at the other plan again.
 *
 * The hits recorded before are carried over: a pair's hit of place and its subject hits become one
 * hit, its postcodes those its raising recorded in the history (or, for the hits recorded without
 * an event, those shared now), the overlap that of the windows now when they overlap (unknown
 * otherwise); a side is acknowledged only if every part of it was, with every note.
 *
 * And the daily limit on additions to match: a user refused for going past it is reported to
 * their agency's managers, one report per user per UK day, until a manager has looked into it.
 */
export class HitFacts1764510000000 implements MigrationInterface {
  name = 'HitFacts1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE hits (
        id uuid NOT NULL,
        operation_id uuid NOT NULL,
        other_operation_id uuid NOT NULL,
        kinds text[] NOT NULL,
        shared_postcodes text[] NOT NULL DEFAULT '{}',
        overlap_from date,
        overlap_to date,
        raised_at timestamptz NOT NULL DEFAULT now(),
        raised_by uuid NOT NULL,
        acknowledgement_note text,
        acknowledged_by uuid,
        acknowledged_at timestamptz,
        CONSTRAINT pk_deconfliction_hits PRIMARY KEY (id, operation_id),
        CONSTRAINT uq_deconfliction_hits_side UNIQUE (id, operation_id, other_operation_id),
        -- One pair is one hit for what it shares (R13): two changes raising the same match at once record it once.
        CONSTRAINT uq_deconfliction_hits_facts UNIQUE (operation_id, other_operation_id, kinds, shared_postcodes),
        CONSTRAINT fk_deconfliction_hits_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_deconfliction_hits_other FOREIGN KEY (other_operation_id) REFERENCES operations (id),
        CONSTRAINT fk_deconfliction_hits_raised_by FOREIGN KEY (raised_by) REFERENCES users (id),
        CONSTRAINT fk_deconfliction_hits_acknowledged_by FOREIGN KEY (acknowledged_by) REFERENCES users (id),
        -- Every side has the other side: the same hit, seen from the other plan.
        CONSTRAINT fk_deconfliction_hits_other_side FOREIGN KEY (id, other_operation_id, operation_id)
          REFERENCES hits (id, operation_id, other_operation_id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT ck_deconfliction_hits_other CHECK (operation_id <> other_operation_id),
        CONSTRAINT ck_deconfliction_hits_kinds CHECK (
          cardinality(kinds) > 0 AND kinds <@ ARRAY['PLACE','PERSON','PHONE','VEHICLE','EMAIL']::text[]),
        CONSTRAINT ck_deconfliction_hits_postcodes CHECK (cardinality(shared_postcodes) = 0 OR 'PLACE' = ANY (kinds)),
        CONSTRAINT ck_deconfliction_hits_overlap CHECK (
          (overlap_from IS NULL) = (overlap_to IS NULL) AND overlap_from <= overlap_to AND (overlap_from IS NULL OR 'PLACE' = ANY (kinds))),
        CONSTRAINT ck_deconfliction_hits_acknowledgement CHECK (
          (acknowledgement_note IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_by IS NULL) = (acknowledged_at IS NULL))
      )`);
    await db.query(`
      INSERT INTO hits (id, operation_id, other_operation_id, kinds, shared_postcodes, overlap_from, overlap_to, raised_at, raised_by,
                        acknowledgement_note, acknowledged_by, acknowledged_at)
      WITH parts AS (
        SELECT h.operation_id AS me, h.other_operation_id AS other, 'PLACE' AS kind, h.raised_at, h.raised_by,
               a.note, a.acknowledged_by AS by, a.acknowledged_at AS at
          FROM deconfliction_hits h
          LEFT JOIN conflict_acknowledgements a ON a.operation_id = h.operation_id AND a.other_operation_id = h.other_operation_id
        UNION ALL
        SELECT operation_id, other_operation_id, kind, raised_at, raised_by, acknowledgement_note, acknowledged_by, acknowledged_at
          FROM subject_hits),
      pairs AS (
        SELECT least(me, other) AS a, greatest(me, other) AS b, array_agg(DISTINCT kind) AS kinds,
               min(raised_at) AS raised_at, (array_agg(raised_by ORDER BY raised_at))[1] AS raised_by
          FROM parts GROUP BY 1, 2),
      facts AS (
        SELECT gen_random_uuid() AS id, p.a, p.b, p.raised_at, p.raised_by,
               ARRAY(SELECT k FROM unnest(ARRAY['PLACE','PERSON','PHONE','VEHICLE','EMAIL']) WITH ORDINALITY AS o(k, n) WHERE k = ANY (p.kinds) ORDER BY n) AS kinds,
               CASE WHEN 'PLACE' = ANY (p.kinds) THEN COALESCE(
                 (SELECT array_agg(DISTINCT pc ORDER BY pc)
                    FROM audit_events e
                    CROSS JOIN LATERAL jsonb_array_elements_text(
                      CASE WHEN jsonb_typeof(e.after -> 'sharedPostcodes') = 'array' THEN e.after -> 'sharedPostcodes' ELSE '[]' END) pc
                   WHERE e.action = 'deconfliction.hit-raised'
                     AND ((e.operation_id = p.a AND e.after ->> 'other' = ob.reference) OR (e.operation_id = p.b AND e.after ->> 'other' = oa.reference))),
                 (SELECT array_agg(DISTINCT la.postcode::text ORDER BY la.postcode::text)
                    FROM operation_locations la JOIN operation_locations lb ON lb.postcode = la.postcode AND lb.operation_id = p.b
                   WHERE la.operation_id = p.a),
                 '{}') ELSE '{}' END AS postcodes,
               CASE WHEN 'PLACE' = ANY (p.kinds) AND tstzrange(oa.starts_at, oa.ends_at, '[)') && tstzrange(ob.starts_at, ob.ends_at, '[)')
                    THEN (greatest(oa.starts_at, ob.starts_at) AT TIME ZONE 'Europe/London')::date END AS overlap_from,
               CASE WHEN 'PLACE' = ANY (p.kinds) AND tstzrange(oa.starts_at, oa.ends_at, '[)') && tstzrange(ob.starts_at, ob.ends_at, '[)')
                    THEN ((least(oa.ends_at, ob.ends_at) - interval '1 microsecond') AT TIME ZONE 'Europe/London')::date END AS overlap_to
          FROM pairs p JOIN operations oa ON oa.id = p.a JOIN operations ob ON ob.id = p.b),
      sides AS (
        SELECT f.*, s.me, s.other FROM facts f CROSS JOIN LATERAL (VALUES (f.a, f.b), (f.b, f.a)) AS s(me, other))
      SELECT s.id, s.me, s.other, s.kinds, s.postcodes, s.overlap_from, s.overlap_to, s.raised_at, s.raised_by, ack.note, ack.by, ack.at
        FROM sides s
        LEFT JOIN LATERAL (
          SELECT (SELECT string_agg(n.note, E'\\n' ORDER BY n.first_at)
                    FROM (SELECT q.note, min(q.at) AS first_at FROM parts q WHERE q.me = s.me AND q.other = s.other GROUP BY q.note) n) AS note,
                 (array_agg(p.by ORDER BY p.at DESC))[1] AS by, max(p.at) AS at
            FROM parts p WHERE p.me = s.me AND p.other = s.other
          HAVING bool_and(p.at IS NOT NULL)) ack ON true`);
    await db.query(`DROP TABLE conflict_acknowledgements`);
    await db.query(`DROP TABLE deconfliction_hits`);
    await db.query(`DROP TABLE subject_hits`);
    await db.query(`ALTER TABLE hits RENAME TO deconfliction_hits`);
    await db.query(`CREATE INDEX ix_deconfliction_hits_other ON deconfliction_hits (other_operation_id)`);

    await db.query(`
      CREATE TABLE addition_limit_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        uk_day date NOT NULL,
        -- The plan of the last refused change; none when that change was a new plan.
        operation_id uuid,
        daily_limit int NOT NULL,
        changes_refused int NOT NULL DEFAULT 1,
        additions_refused int NOT NULL,
        first_refused_at timestamptz NOT NULL DEFAULT now(),
        last_refused_at timestamptz NOT NULL DEFAULT now(),
        looked_into_by uuid,
        looked_into_at timestamptz,
        CONSTRAINT uq_addition_limit_reports_user_day UNIQUE (user_id, uk_day),
        CONSTRAINT fk_addition_limit_reports_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT fk_addition_limit_reports_agency FOREIGN KEY (agency_id) REFERENCES agencies (id),
        CONSTRAINT fk_addition_limit_reports_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_addition_limit_reports_looked_into_by FOREIGN KEY (looked_into_by) REFERENCES users (id),
        CONSTRAINT ck_addition_limit_reports_counts CHECK (daily_limit >= 1 AND changes_refused >= 1 AND additions_refused >= 1),
        CONSTRAINT ck_addition_limit_reports_times CHECK (first_refused_at <= last_refused_at),
        CONSTRAINT ck_addition_limit_reports_looked_into CHECK ((looked_into_by IS NULL) = (looked_into_at IS NULL))
      )`);
    // Managers read their agency's reports that wait for them.
    await db.query(`CREATE INDEX ix_addition_limit_reports_waiting ON addition_limit_reports (agency_id) WHERE looked_into_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE addition_limit_reports`);
    await db.query(`ALTER TABLE deconfliction_hits RENAME TO hits`);
    await db.query(`DROP INDEX ix_deconfliction_hits_other`);
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
    await db.query(`
      INSERT INTO deconfliction_hits (operation_id, other_operation_id, raised_at, raised_by)
      SELECT DISTINCT ON (operation_id, other_operation_id) operation_id, other_operation_id, raised_at, raised_by
        FROM hits WHERE 'PLACE' = ANY (kinds) ORDER BY operation_id, other_operation_id, raised_at`);
    await db.query(`
      CREATE TABLE conflict_acknowledgements (
        operation_id uuid NOT NULL,
        other_operation_id uuid NOT NULL,
        note varchar(2000) NOT NULL,
        acknowledged_by uuid NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_conflict_acknowledgements PRIMARY KEY (operation_id, other_operation_id),
        CONSTRAINT fk_conflict_acknowledgements_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_conflict_acknowledgements_other FOREIGN KEY (other_operation_id) REFERENCES operations (id),
        CONSTRAINT fk_conflict_acknowledgements_by FOREIGN KEY (acknowledged_by) REFERENCES users (id),
        CONSTRAINT ck_conflict_acknowledgements_other CHECK (operation_id <> other_operation_id)
      )`);
    await db.query(`
      INSERT INTO conflict_acknowledgements (operation_id, other_operation_id, note, acknowledged_by, acknowledged_at)
      SELECT DISTINCT ON (operation_id, other_operation_id) operation_id, other_operation_id, left(acknowledgement_note, 2000), acknowledged_by, acknowledged_at
        FROM hits WHERE 'PLACE' = ANY (kinds) AND acknowledged_at IS NOT NULL ORDER BY operation_id, other_operation_id, acknowledged_at DESC`);
    await db.query(`
      CREATE TABLE subject_hits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES operations (id),
        other_operation_id uuid NOT NULL REFERENCES operations (id),
        kind text NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        raised_by uuid NOT NULL REFERENCES users (id),
        acknowledgement_note varchar(2000),
        acknowledged_by uuid REFERENCES users (id),
        acknowledged_at timestamptz,
        CONSTRAINT uq_subject_hits UNIQUE (operation_id, other_operation_id, kind),
        CONSTRAINT ck_subject_hits_other CHECK (operation_id <> other_operation_id),
        CONSTRAINT ck_subject_hits_kind CHECK (kind IN ('PERSON','PHONE','VEHICLE','EMAIL')),
        CONSTRAINT ck_subject_hits_acknowledgement CHECK (
          (acknowledgement_note IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_by IS NULL) = (acknowledged_at IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_subject_hits_other ON subject_hits (other_operation_id)`);
    await db.query(`
      INSERT INTO subject_hits (operation_id, other_operation_id, kind, raised_at, raised_by, acknowledgement_note, acknowledged_by, acknowledged_at)
      SELECT DISTINCT ON (h.operation_id, h.other_operation_id, k) h.operation_id, h.other_operation_id, k, h.raised_at, h.raised_by,
             left(h.acknowledgement_note, 2000), h.acknowledged_by, h.acknowledged_at
        FROM hits h CROSS JOIN LATERAL unnest(h.kinds) AS k
       WHERE k <> 'PLACE' ORDER BY h.operation_id, h.other_operation_id, k, h.raised_at`);
    await db.query(`DROP TABLE hits`);
  }
}
