import { EntityManager } from 'typeorm';
import { prepared } from '../database/prepared';
import { EvidenceEventView, EvidenceRequirementView } from './dto/cps.dto';
import { capabilityWarning, SUGGESTED_CAPABILITY } from './evidence-fit';

const person = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email) END`;

type Row = Omit<EvidenceRequirementView, 'suggestedCapability' | 'warning' | 'gatheredAt' | 'decidedAt' | 'history'> & {
  gatheredAt: Date | null;
  decidedAt: Date | null;
  history: (EvidenceEventView & { at: string })[];
};

/** The steps of a requirement's life, as the audit trail recorded them (each note and rejection, not only the last). */
const EVIDENCE_STEPS = `'evidence.added','evidence.assigned','evidence.gathered','evidence.accepted','evidence.rejected'`;

/** An operation's evidence requirements (or one of them), with who gathers each and any capability warning. */
export async function evidenceViews(
  manager: EntityManager,
  of: { operationId: string } | { requirementId: string },
): Promise<EvidenceRequirementView[]> {
  const rows: Row[] = await manager.query(
    prepared(`SELECT r.id, r.version, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description, r.priority, r.status,
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
              'id', t.id, 'name', t.name, 'capabilities', t.capabilities,
              'agency', json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind)) END AS "assignedTeam",
            r.gathered_note AS "gatheredNote", ${person('g')} AS "gatheredBy", r.gathered_at AS "gatheredAt",
            ${person('dcd')} AS "decidedBy", r.decided_at AS "decidedAt", r.rejection_reason AS "rejectionReason",
            COALESCE((SELECT json_agg(json_build_object(
                        'status', e.after->>'status', 'note', e.after->>'note', 'reason', e.after->>'reason', 'team', e.after->>'team',
                        'by', json_build_object('id', eu.id, 'name', eu.name, 'email', eu.email), 'at', e.at) ORDER BY e.seq)
                        FROM audit_events e JOIN users eu ON eu.id = e.actor_id
                       WHERE e.operation_id = r.operation_id AND e.action IN (${EVIDENCE_STEPS})
                         AND e.after->>'requirementId' = r.id::text), '[]') AS history
       FROM evidence_requirements r
       LEFT JOIN teams t ON t.id = r.assigned_team_id
       LEFT JOIN agencies a ON a.id = t.agency_id
       LEFT JOIN users g ON g.id = r.gathered_by
       LEFT JOIN users dcd ON dcd.id = r.decided_by
      WHERE ${'operationId' in of ? 'r.operation_id' : 'r.id'} = $1
      ORDER BY r.created_at, r.id`),
    ['operationId' in of ? of.operationId : of.requirementId],
  );
  return rows.map((row) => ({
    ...row,
    suggestedCapability: SUGGESTED_CAPABILITY[row.evidenceType],
    warning: row.assignedTeam ? capabilityWarning(row.evidenceType, row.assignedTeam) : null,
    gatheredAt: row.gatheredAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    history: row.history.map((step) => ({ ...step, at: new Date(step.at).toISOString() })),
  }));
}
