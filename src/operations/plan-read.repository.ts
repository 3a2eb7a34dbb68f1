import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { ACTIVE_DEPLOYMENT_STATUSES } from '../common/domain';
import { agencyJson, isoUtc, personJson } from '../database/json';
import { first, query } from '../database/query';
import { constants, named, sql } from '../database/sql';
import { windowsOverlap } from '../database/windows';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { CpsInvolvementView, DeploymentView, EvidenceEventView, EvidenceRequirementView } from './dto/plan-view.dto';
import { FirstResponderView, RiskView, RvPointView, SignOffView } from './dto/order.dto';
import { OPERATION_COLUMNS, OperationRow } from './operation-row';
import { visibleTo } from './visibility.sql';

type Person = { id: string; name: string; email: string };
type Timestamps<K extends string> = Record<K, string | null>;

/** The plan row with what it joins to, as the read model selects it. */
export type PlanRow = OperationRow & {
  leadAgency: AgencyView | null;
  createdByAgency: AgencyView;
  createdByPerson: Person;
  updatedByPerson: Person;
  approvedByPerson: Person | null;
  rvPoints: RvPointView[];
  risks: Omit<RiskView, 'score'>[];
  firstResponderViews: FirstResponderView[];
  signOffs: SignOffView[];
  cpsInvolvement: (Omit<CpsInvolvementView, 'requestedAt' | 'engagedAt' | 'declinedAt' | 'closedAt'> & Timestamps<'requestedAt' | 'engagedAt' | 'declinedAt' | 'closedAt'>) | null;
};

export type DeploymentRow = Omit<DeploymentView, 'startsAt' | 'endsAt' | 'requestedAt' | 'respondedAt' | 'releasedAt'> &
  Record<'startsAt' | 'endsAt' | 'requestedAt', Date> &
  Record<'respondedAt' | 'releasedAt', Date | null>;

export type EvidenceRow = Omit<EvidenceRequirementView, 'suggestedCapability' | 'warning' | 'gatheredAt' | 'decidedAt' | 'history'> &
  Record<'gatheredAt' | 'decidedAt', Date | null> & { history: (EvidenceEventView & { at: string })[] };

/** The audit actions that are steps of a requirement's life (each note and rejection, not only the last). */
const EVIDENCE_STEPS = sql`'evidence.added', 'evidence.assigned', 'evidence.gathered', 'evidence.accepted', 'evidence.rejected'`;

/**
 * The read model of a whole plan: the plan, its locations, its deployments and its evidence
 * requirements, each one query (reading the tables of the modules built on operations; only
 * they write them). Hand-written SQL, sent as named prepared statements: these reads run on
 * every request for a plan, and planning their joins would cost more than running them.
 */
export const PlanReadRepository = {
  /**
   * `viewer` is the R14 check; 'already-checked' is for a change that has just locked the plan as
   * its owner. The web UI's pages name a plan by its reference.
   */
  plan(manager: EntityManager, viewer: AuthUser | 'already-checked', which: string | { reference: string }): Promise<PlanRow | undefined> {
    const match = typeof which === 'string' ? sql`o.id = ${which}` : sql`o.reference = ${which.reference}`;
    return first(
      manager,
      named(sql`SELECT ${OPERATION_COLUMNS},
                       ${agencyJson('la')} AS "leadAgency", ${agencyJson('ca')} AS "createdByAgency",
                       ${personJson('cu')} AS "createdByPerson", ${personJson('uu')} AS "updatedByPerson",
                       CASE WHEN c.operation_id IS NULL THEN NULL ELSE json_build_object(
                         'status', c.status, 'requestedAt', c.requested_at, 'requestNote', c.request_note, 'adviceNeededBy', c.advice_needed_by,
                         'engagedAt', c.engaged_at, 'liaison', ${personJson('lu')},
                         'leadTimeDays', floor(extract(epoch FROM (o.starts_at - c.engaged_at)) / 86400)::int,
                         'declineReason', c.decline_reason, 'declinedAt', c.declined_at, 'declinedBy', ${personJson('du')},
                         'closedAt', c.closed_at) END AS "cpsInvolvement",
                       ${personJson('au')} AS "approvedByPerson",
                       (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'name', r.name, 'address', r.address, 'meetAt', ${isoUtc('r.meet_at')})
                                                 ORDER BY r.meet_at, r.name), '[]')
                          FROM rv_points r WHERE r.operation_id = o.id) AS "rvPoints",
                       (SELECT COALESCE(json_agg(json_build_object('hazard', k.hazard, 'hazardDetail', k.hazard_detail, 'likelihood', k.likelihood,
                                                 'impact', k.impact, 'controls', k.controls, 'residual', k.residual, 'owner', k.owner,
                                                 'acceptedBy', k.accepted_by) ORDER BY k.position), '[]')
                          FROM operation_risks k WHERE k.operation_id = o.id) AS risks,
                       (SELECT COALESCE(json_agg(json_build_object('name', f.v->>'name', 'agency', ${agencyJson('fa')}, 'phone', f.v->>'phone')
                                                 ORDER BY f.n), '[]')
                          FROM jsonb_array_elements(o.first_responders) WITH ORDINALITY AS f(v, n)
                          JOIN agencies fa ON fa.id = (f.v->>'agencyId')::uuid) AS "firstResponderViews",
                       (SELECT COALESCE(json_agg(json_build_object(
                                 'agency', ${agencyJson('pa')},
                                 /* A decision holds for the part it was given on: a change withdraws a sign-off, and answers a decline. */
                                 'state', CASE WHEN s.decision IS NULL THEN 'AWAITING' WHEN s.part_digest = agency_part_digest(o.id, pa.id) THEN s.decision
                                               WHEN s.decision = 'DECLINED' THEN 'AWAITING' ELSE 'WITHDRAWN' END,
                                 'decision', s.decision, 'by', ${personJson('su')}, 'at', ${isoUtc('s.decided_at')}, 'reason', s.reason) ORDER BY pa.code), '[]')
                          FROM agencies pa
                          LEFT JOIN partner_sign_offs s ON s.operation_id = o.id AND s.agency_id = pa.id
                          LEFT JOIN users su ON su.id = s.decided_by
                         WHERE pa.id <> COALESCE(o.lead_agency_id, o.created_by_agency_id)
                           AND pa.id IN (SELECT sd.team_agency_id FROM deployments sd WHERE sd.operation_id = o.id AND sd.status = 'CONFIRMED')) AS "signOffs"
                  FROM operations o
                  LEFT JOIN agencies la ON la.id = o.lead_agency_id
                  JOIN agencies ca ON ca.id = o.created_by_agency_id
                  JOIN users cu ON cu.id = o.created_by
                  JOIN users uu ON uu.id = o.updated_by
                  LEFT JOIN cps_involvements c ON c.operation_id = o.id
                  LEFT JOIN users lu ON lu.id = c.liaison_id
                  LEFT JOIN users du ON du.id = c.declined_by
                  LEFT JOIN users au ON au.id = o.approved_by
                 WHERE ${match} AND ${viewer === 'already-checked' ? sql`true` : visibleTo(viewer)}`),
    );
  },

  /** An operation's deployments, or one of them; each says whether its team is booked on another plan at the same time. */
  deployments(manager: EntityManager, of: { operationId: string } | { deploymentId: string }): Promise<DeploymentRow[]> {
    const which = 'operationId' in of ? sql`d.operation_id = ${of.operationId}` : sql`d.id = ${of.deploymentId}`;
    return query(
      manager,
      named(sql`SELECT d.id, d.version, json_build_object('id', t.id, 'name', t.name, 'capabilities', t.capabilities, 'capacity', t.capacity) AS team,
                       ${agencyJson('a')} AS agency, d.headcount, d.tasking, d.powers, d.call_sign AS "callSign",
                       CASE WHEN rv.id IS NULL THEN NULL ELSE json_build_object(
                         'id', rv.id, 'name', rv.name, 'address', rv.address, 'meetAt', ${isoUtc('rv.meet_at')}) END AS "rvPoint",
                       d.starts_at AS "startsAt", d.ends_at AS "endsAt",
                       d.follows_operation_window AS "followsOperationWindow", d.status, ${personJson('rq')} AS "requestedBy",
                       d.requested_at AS "requestedAt", ${personJson('rs')} AS "respondedBy",
                       d.responded_at AS "respondedAt", d.decline_reason AS "declineReason", d.released_at AS "releasedAt",
                       d.release_reason AS "releaseReason",
                       CASE WHEN d.status IN (${constants(ACTIVE_DEPLOYMENT_STATUSES)}) THEN (
                         SELECT min(x.status) /* CONFIRMED sorts before REQUESTED */ FROM deployments x
                          WHERE x.team_id = d.team_id AND x.operation_id <> d.operation_id AND x.status IN (${constants(ACTIVE_DEPLOYMENT_STATUSES)})
                            AND ${windowsOverlap('x', 'd')}) END AS "bookedElsewhere"
                  FROM deployments d
                  JOIN teams t ON t.id = d.team_id
                  JOIN agencies a ON a.id = d.team_agency_id
                  JOIN users rq ON rq.id = d.requested_by
                  LEFT JOIN users rs ON rs.id = d.responded_by
                  LEFT JOIN rv_points rv ON rv.id = d.rv_point_id
                 WHERE ${which}
                 ORDER BY d.requested_at, d.id`),
    );
  },

  /** An operation's evidence requirements, or one of them, with who gathers each and every step it went through. */
  evidence(manager: EntityManager, of: { operationId: string } | { requirementId: string }): Promise<EvidenceRow[]> {
    const which = 'operationId' in of ? sql`r.operation_id = ${of.operationId}` : sql`r.id = ${of.requirementId}`;
    return query(
      manager,
      named(sql`SELECT r.id, r.version, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description,
                       r.priority, r.status,
                       CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
                         'id', t.id, 'name', t.name, 'capabilities', t.capabilities, 'agency', ${agencyJson('a')}) END AS "assignedTeam",
                       r.gathered_note AS "gatheredNote", ${personJson('g')} AS "gatheredBy", r.gathered_at AS "gatheredAt",
                       ${personJson('dcd')} AS "decidedBy", r.decided_at AS "decidedAt", r.rejection_reason AS "rejectionReason",
                       COALESCE((SELECT json_agg(json_build_object(
                                   'status', e.after->>'status', 'note', e.after->>'note', 'reason', e.after->>'reason', 'team', e.after->>'team',
                                   'by', ${personJson('eu')}, 'at', e.at) ORDER BY e.seq)
                                   FROM audit_events e JOIN users eu ON eu.id = e.actor_id
                                  WHERE e.operation_id = r.operation_id AND e.action IN (${EVIDENCE_STEPS})
                                    AND e.after->>'requirementId' = r.id::text), '[]') AS history
                  FROM evidence_requirements r
                  LEFT JOIN teams t ON t.id = r.assigned_team_id
                  LEFT JOIN agencies a ON a.id = t.agency_id
                  LEFT JOIN users g ON g.id = r.gathered_by
                  LEFT JOIN users dcd ON dcd.id = r.decided_by
                 WHERE ${which}
                 ORDER BY r.created_at, r.id`),
    );
  },
};
