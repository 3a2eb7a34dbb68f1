import { MigrationInterface, QueryRunner } from 'typeorm';

const OFFENCES = `'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR','MSA_S2_HUMAN_TRAFFICKING','MSA_S4_OFFENCE_WITH_INTENT','OTHER'`;
const EVIDENCE_TYPES = `'VICTIM_ACCOUNT','WITNESS_STATEMENT','FINANCIAL_RECORDS','DIGITAL_DEVICES','COMMUNICATIONS_DATA','CCTV','DOCUMENTS','SCENE_PHOTOGRAPHY','MEDICAL','INTELLIGENCE'`;

/** Early CPS involvement in a plan, and the evidence requirements the assigned liaison sets. */
export class CpsInvolvement1764350000000 implements MigrationInterface {
  name = 'CpsInvolvement1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cps_involvements (
        operation_id uuid PRIMARY KEY,
        status text NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        liaison_id uuid,
        engaged_at timestamptz,
        withdrawn_at timestamptz,
        CONSTRAINT fk_cps_involvements_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_cps_involvements_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT fk_cps_involvements_liaison FOREIGN KEY (liaison_id) REFERENCES users (id),
        CONSTRAINT ck_cps_involvements_status CHECK (status IN ('REQUESTED','ENGAGED','WITHDRAWN')),
        CONSTRAINT ck_cps_involvements_engaged CHECK ((status = 'ENGAGED') = (liaison_id IS NOT NULL AND engaged_at IS NOT NULL))
      )`);
    // Liaisons look for the requests open to all of them.
    await db.query(`CREATE INDEX ix_cps_involvements_open ON cps_involvements (operation_id) WHERE status = 'REQUESTED'`);
    await db.query(`CREATE INDEX ix_cps_involvements_liaison ON cps_involvements (liaison_id) WHERE status = 'ENGAGED'`);

    await db.query(`
      CREATE TABLE evidence_requirements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        offence text NOT NULL,
        offence_other varchar(500),
        evidence_type text NOT NULL,
        description varchar(2000) NOT NULL,
        priority text NOT NULL,
        assigned_team_id uuid,
        status text NOT NULL DEFAULT 'OPEN',
        gathered_note varchar(2000),
        gathered_by uuid,
        gathered_at timestamptz,
        decided_by uuid,
        decided_at timestamptz,
        rejection_reason varchar(1000),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_evidence_requirements_operation FOREIGN KEY (operation_id) REFERENCES operations (id),
        CONSTRAINT fk_evidence_requirements_team FOREIGN KEY (assigned_team_id) REFERENCES teams (id),
        CONSTRAINT fk_evidence_requirements_gathered_by FOREIGN KEY (gathered_by) REFERENCES users (id),
        CONSTRAINT fk_evidence_requirements_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT fk_evidence_requirements_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_evidence_requirements_offence CHECK (offence IN (${OFFENCES})),
        CONSTRAINT ck_evidence_requirements_other CHECK ((offence = 'OTHER') = (offence_other IS NOT NULL)),
        CONSTRAINT ck_evidence_requirements_type CHECK (evidence_type IN (${EVIDENCE_TYPES})),
        CONSTRAINT ck_evidence_requirements_priority CHECK (priority IN ('ESSENTIAL','DESIRABLE')),
        CONSTRAINT ck_evidence_requirements_status CHECK (status IN ('OPEN','ASSIGNED','GATHERED','ACCEPTED','REJECTED')),
        CONSTRAINT ck_evidence_requirements_assigned CHECK (status = 'OPEN' OR assigned_team_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX ix_evidence_requirements_operation ON evidence_requirements (operation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evidence_requirements`);
    await db.query(`DROP TABLE cps_involvements`);
  }
}
