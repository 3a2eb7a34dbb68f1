import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reviews (four eyes), the lifecycle's records (approval, outcomes, cancellation) and deconfliction. */
export class Review1764360000000 implements MigrationInterface {
  name = 'Review1764360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE operations
        ADD COLUMN approved_by uuid,
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN outcomes jsonb,
        ADD COLUMN cancel_reason varchar(1000),
        ADD CONSTRAINT fk_operations_approved_by FOREIGN KEY (approved_by) REFERENCES users (id),
        ADD CONSTRAINT ck_operations_approved CHECK ((status = 'APPROVED' OR status = 'ACTIVE' OR status = 'COMPLETED') <= (approved_by IS NOT NULL)),
        ADD CONSTRAINT ck_operations_cancelled CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
        ADD CONSTRAINT ck_operations_completed CHECK ((status = 'COMPLETED') = (outcomes IS NOT NULL))`);

    await db.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        decision text NOT NULL,
        comment varchar(4000) NOT NULL,
        reviewer_id uuid NOT NULL,
        version_reviewed int NOT NULL,
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_reviews_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id),
        CONSTRAINT ck_reviews_decision CHECK (decision IN ('APPROVE','REQUEST_CHANGES'))
      )`);
    await db.query(`CREATE INDEX ix_reviews_operation ON reviews (operation_id, reviewed_at)`);

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
    // Deconfliction looks for overlapping windows among operations sharing a postcode.
    await db.query(`CREATE INDEX ix_operations_window ON operations USING gist (tstzrange(starts_at, ends_at, '[)'))`);
    await db.query(`CREATE INDEX ix_operation_locations_postcode_operation ON operation_locations (postcode, operation_id)`);
    await db.query(`DROP INDEX ix_operation_locations_postcode`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_operation_locations_postcode ON operation_locations (postcode)`);
    await db.query(`DROP INDEX ix_operation_locations_postcode_operation`);
    await db.query(`DROP INDEX ix_operations_window`);
    await db.query(`DROP TABLE conflict_acknowledgements`);
    await db.query(`DROP TABLE reviews`);
    await db.query(`
      ALTER TABLE operations
        DROP CONSTRAINT ck_operations_completed, DROP CONSTRAINT ck_operations_cancelled, DROP CONSTRAINT ck_operations_approved,
        DROP CONSTRAINT fk_operations_approved_by,
        DROP COLUMN cancel_reason, DROP COLUMN outcomes, DROP COLUMN approved_at, DROP COLUMN approved_by`);
  }
}
