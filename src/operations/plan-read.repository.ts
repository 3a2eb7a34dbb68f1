import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ACTIVE_DEPLOYMENT_STATUSES, GRANTABLE_SECTIONS, PlanSection } from '../common/domain';
import { agencyJson, isoUtc, personJson } from '../database/json';
import { first, query } from '../database/query';
import { constants, named, sql, Sql } from '../database/sql';
import { windowsOverlap } from '../database/windows';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { StoredLocationView } from './dto/operation.dto';
import { CpsInvolvementView, DeploymentView, EvidenceEventView, EvidenceRequirementView, SharingView } from './dto/plan-view.dto';
import { FirstResponderView, RiskView, RvPointView, SignOffView } from './dto/order.dto';
import { operationColumns, OperationRow } from './operation-row';
import { holds, Reader, sees, sectionsSeen, seesDeclineReason, seesDeployment, visibleTo, WHOLE_PLAN } from './visibility.sql';

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
  /** The sections the reader sees (R14a): what the view may show. */
  sections: PlanSection[];
  /** The Places section: null for a reader it is not shared with. */
  locations: StoredLocationView[] | null;
  /** Whether the reader sees the plan's CPS involvement: its Prosecution section, or a liaison the request is open to. */
  cpsShown: boolean;
  cpsInvolvement:
    | (Omit<CpsInvolvementView, 'requestedAt' | 'engagedAt' | 'declinedAt' | 'closedAt'> &
        Timestamps<'requestedAt' | 'engagedAt' | 'declinedAt' | 'closedAt'>)
    | null;
  /** The sections granted to partners: for the plan's holders only, null for anyone else. */
  sharing: SharingView[] | null;
};

type Whole<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;
type FullDeployment = Whole<
  DeploymentView,
  | 'version'
  | 'headcount'
  | 'tasking'
  | 'powers'
  | 'rvPoint'
  | 'callSign'
  | 'followsOperationWindow'
  | 'requestedBy'
  | 'respondedBy'
  | 'releaseReason'
  | 'bookedElsewhere'
>;

/**
 * A deployment as the read selects it: `full` when the reader sees it in full (R14a: all of Teams,
 * or a team of the reader's agency), else only team, agency and status are filled in; the decline
 * reason comes as its own property, for a reader who may read it, and not at all otherwise.
 */
export type DeploymentRow = Omit<FullDeployment, 'startsAt' | 'endsAt' | 'requestedAt' | 'respondedAt' | 'releasedAt' | 'declineReason'> &
  Record<'startsAt' | 'endsAt' | 'requestedAt', Date> &
  Record<'respondedAt' | 'releasedAt', Date | null> & { full: boolean; declineReason: { declineReason: string | null } | null };

export type EvidenceRow = Omit<EvidenceRequirementView, 'suggestedCapability' | 'warning' | 'gatheredAt' | 'decidedAt' | 'history'> &
  Record<'gatheredAt' | 'decidedAt', Date | null> & { history: (EvidenceEventView & { at: string })[] };

/** The audit actions that are steps of a requirement's life (each note and rejection, not only the last). */
const EVIDENCE_STEPS = sql`'evidence.added', 'evidence.assigned', 'evidence.gathered', 'evidence.accepted', 'evidence.rejected'`;

/**
 * The read model of a whole plan: the plan with its locations, its deployments, and its evidence
 * requirements, each one query (reading the tables of the modules built on operations; only
 * they write them), each holding to the sections its reader sees (R14a). Hand-written SQL, sent as named prepared statements: these reads run on
 * every request for a plan, and planning their joins would cost more than running them.
 */
@Injectable()
export class PlanReadRepository {
  /**
   * The plan as `reader` may see it: only the sections it sees leave the database (R14a). `scope`
   * 'visible' finds it only if the reader may see it at all (R14); 'already-checked' is for a change
   * that has just locked the plan as its owner, and for the service's own whole read. The web UI's
   * pages name a plan by its reference.
   */
  plan(
    manager: EntityManager,
    reader: Reader,
    which: string | { reference: string },
    scope: 'visible' | 'already-checked' = 'visible',
  ): Promise<PlanRow | undefined> {
    const match = typeof which === 'string' ? sql`o.id = ${which}` : sql`o.reference = ${which.reference}`;
    const visible = scope === 'already-checked' || reader === WHOLE_PLAN ? sql`true` : visibleTo(reader);
    const liaison = reader !== WHOLE_PLAN && reader.roles.includes('CPS_LIAISON');
    return first(
      manager,
      named(sql`SELECT ${operationColumns(
        /* The briefing's Information is the Intelligence section's (R14a): present, if only as '', for a reader who sees it; absent otherwise. */
        sql`CASE WHEN 'INTELLIGENCE' = ANY (vis.sections) THEN jsonb_build_object('information', COALESCE(o.briefing->>'information', '')) || o.briefing
                                  ELSE o.briefing - 'information' END`,
      )},
                       vis.sections,
                       ${agencyJson('la')} AS "leadAgency", ${agencyJson('ca')} AS "createdByAgency",
                       ${personJson('cu')} AS "createdByPerson", ${personJson('uu')} AS "updatedByPerson",
                       vis.cps_shown AS "cpsShown",
                       /* The Places section (R14a): the locations, or nothing for a reader it is not shared with. */
                       CASE WHEN 'PLACES' = ANY (vis.sections) THEN (
                         SELECT COALESCE(json_agg(json_build_object(
                                  'id', l.id, 'label', l.label, 'address', l.address, 'postcode', l.postcode, 'strikeAt', ${isoUtc('l.strike_at')},
                                  'entry', CASE WHEN l.entry_basis IS NULL THEN NULL ELSE json_build_object(
                                    'basis', l.entry_basis,
                                    'warrant', CASE WHEN l.entry_basis = 'WARRANT' THEN json_build_object(
                                      'type', l.warrant_type, 'court', l.warrant_court, 'reference', l.warrant_reference,
                                      'expiresAt', ${isoUtc('l.warrant_expires_at')}) END,
                                    'power', l.statutory_power) END,
                                  'siteCommander', l.site_commander) ORDER BY l.position), '[]')
                           FROM operation_locations l WHERE l.operation_id = o.id) END AS locations,
                       CASE WHEN c.operation_id IS NULL OR NOT vis.cps_shown THEN NULL ELSE json_build_object(
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
                                                 'acceptedBy', k.accepted_by, 'intelligenceDerived', k.intelligence) ORDER BY k.position), '[]')
                          FROM operation_risks k WHERE k.operation_id = o.id AND (NOT k.intelligence OR 'INTELLIGENCE' = ANY (vis.sections))) AS risks,
                       (SELECT COALESCE(json_agg(json_build_object('name', f.v->>'name', 'agency', ${agencyJson('fa')}, 'phone', f.v->>'phone')
                                                 ORDER BY f.n), '[]')
                          FROM jsonb_array_elements(o.first_responders) WITH ORDINALITY AS f(v, n)
                          JOIN agencies fa ON fa.id = (f.v->>'agencyId')::uuid) AS "firstResponderViews",
                       (SELECT COALESCE(json_agg(jsonb_build_object(
                                 'agency', ${agencyJson('pa')},
                                 /* A decision holds for the part it was given on: a change withdraws a sign-off, and answers a decline. */
                                 'state', CASE WHEN s.decision IS NULL THEN 'AWAITING' WHEN s.part_digest = agency_part_digest(o.id, pa.id) THEN s.decision
                                               WHEN s.decision = 'DECLINED' THEN 'AWAITING' ELSE 'WITHDRAWN' END,
                                 'decision', s.decision, 'by', ${personJson('su')}, 'at', ${isoUtc('s.decided_at')})
                                 || CASE WHEN ${seesDeclineReason(reader, 'pa.id')} THEN jsonb_build_object('reason', s.reason) ELSE '{}' END
                                 ORDER BY pa.code), '[]')
                          FROM agencies pa
                          LEFT JOIN partner_sign_offs s ON s.operation_id = o.id AND s.agency_id = pa.id
                          LEFT JOIN users su ON su.id = s.decided_by
                         WHERE pa.id <> COALESCE(o.lead_agency_id, o.created_by_agency_id)
                           AND pa.id IN (SELECT sd.team_agency_id FROM deployments sd WHERE sd.operation_id = o.id AND sd.status = 'CONFIRMED')) AS "signOffs",
                       CASE WHEN ${holds(reader)} THEN (
                         SELECT COALESCE(json_agg(json_build_object('agency', ${agencyJson('ga')}, 'sections', g.sections, 'reason', g.reason,
                                                                    'by', ${personJson('gu')}, 'at', ${isoUtc('g.at')}) ORDER BY ga.code), '[]')
                           FROM (SELECT agency_id, array_agg(section ORDER BY array_position(ARRAY[${constants(GRANTABLE_SECTIONS)}], section)) AS sections,
                                        (array_agg(reason ORDER BY granted_at DESC))[1] AS reason, (array_agg(granted_by ORDER BY granted_at DESC))[1] AS granted_by,
                                        max(granted_at) AS at
                                   FROM plan_section_grants WHERE operation_id = o.id GROUP BY agency_id) g
                           JOIN agencies ga ON ga.id = g.agency_id JOIN users gu ON gu.id = g.granted_by) END AS sharing
                  FROM operations o
                  CROSS JOIN LATERAL (SELECT sections, ('PROSECUTION' = ANY (sections) ${liaison ? sql`OR EXISTS (SELECT 1 FROM cps_involvements rc WHERE rc.operation_id = o.id AND rc.status = 'REQUESTED')` : sql``}) AS cps_shown
                                        FROM (SELECT ${sectionsSeen(reader)} AS sections) seen) vis
                  LEFT JOIN agencies la ON la.id = o.lead_agency_id
                  JOIN agencies ca ON ca.id = o.created_by_agency_id
                  JOIN users cu ON cu.id = o.created_by
                  JOIN users uu ON uu.id = o.updated_by
                  LEFT JOIN cps_involvements c ON c.operation_id = o.id
                  LEFT JOIN users lu ON lu.id = c.liaison_id
                  LEFT JOIN users du ON du.id = c.declined_by
                  LEFT JOIN users au ON au.id = o.approved_by
                 WHERE ${match} AND ${visible}`),
    );
  }

  /**
   * An operation's deployments, or one of them, as `reader` may see each (R14a): in full (then also
   * whether its team is booked on another plan at the same time), or as team, agency and status.
   */
  deployments(manager: EntityManager, reader: Reader, of: { operationId: string } | { deploymentId: string }): Promise<DeploymentRow[]> {
    const which = 'operationId' in of ? sql`d.operation_id = ${of.operationId}` : sql`d.id = ${of.deploymentId}`;
    const shown = (column: Sql) => sql`CASE WHEN v.full THEN ${column} END`;
    return query(
      manager,
      named(sql`SELECT d.id, v.full, ${shown(sql`d.version`)} AS version,
                       json_build_object('id', t.id, 'name', t.name, 'capabilities', t.capabilities, 'capacity', t.capacity) AS team,
                       ${agencyJson('a')} AS agency, ${shown(sql`d.headcount`)} AS headcount, ${shown(sql`d.tasking`)} AS tasking,
                       ${shown(sql`d.powers`)} AS powers, ${shown(sql`d.call_sign`)} AS "callSign",
                       CASE WHEN v.full AND v.places THEN ARRAY(
                         SELECT l.id FROM deployment_locations dl JOIN operation_locations l ON l.id = dl.location_id
                          WHERE dl.deployment_id = d.id ORDER BY l.position) END AS "locationIds",
                       CASE WHEN rv.id IS NULL OR NOT v.full THEN NULL ELSE json_build_object(
                         'id', rv.id, 'name', rv.name, 'address', rv.address, 'meetAt', ${isoUtc('rv.meet_at')}) END AS "rvPoint",
                       ${shown(sql`d.starts_at`)} AS "startsAt", ${shown(sql`d.ends_at`)} AS "endsAt",
                       ${shown(sql`d.follows_operation_window`)} AS "followsOperationWindow", d.status,
                       CASE WHEN v.full THEN ${personJson('rq')} END AS "requestedBy",
                       ${shown(sql`d.requested_at`)} AS "requestedAt", CASE WHEN v.full THEN ${personJson('rs')} END AS "respondedBy",
                       ${shown(sql`d.responded_at`)} AS "respondedAt",
                       CASE WHEN v.reason THEN json_build_object('declineReason', d.decline_reason) END AS "declineReason",
                       ${shown(sql`d.released_at`)} AS "releasedAt", ${shown(sql`d.release_reason`)} AS "releaseReason",
                       CASE WHEN v.full AND d.status IN (${constants(ACTIVE_DEPLOYMENT_STATUSES)}) THEN (
                         SELECT min(x.status) /* CONFIRMED sorts before REQUESTED */ FROM deployments x
                          WHERE x.team_id = d.team_id AND x.operation_id <> d.operation_id AND x.status IN (${constants(ACTIVE_DEPLOYMENT_STATUSES)})
                            AND ${windowsOverlap('x', 'd')}) END AS "bookedElsewhere"
                  FROM deployments d
                  JOIN operations o ON o.id = d.operation_id
                  CROSS JOIN LATERAL (SELECT ${seesDeployment(reader)} AS full, ${seesDeclineReason(reader, 'd.team_agency_id')} AS reason,
                                                     ${sees(reader, 'PLACES')} AS places) v
                  JOIN teams t ON t.id = d.team_id
                  JOIN agencies a ON a.id = d.team_agency_id
                  JOIN users rq ON rq.id = d.requested_by
                  LEFT JOIN users rs ON rs.id = d.responded_by
                  LEFT JOIN rv_points rv ON rv.id = d.rv_point_id
                 WHERE ${which}
                 ORDER BY d.requested_at, d.id`),
    );
  }

  /**
   * An operation's evidence requirements, or one of them, with who gathers each and every step it
   * went through: all of them for a reader who sees the Prosecution section, else those assigned to
   * the reader's own agency's teams (R14a).
   */
  evidence(manager: EntityManager, reader: Reader, of: { operationId: string } | { requirementId: string }): Promise<EvidenceRow[]> {
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
                  JOIN operations o ON o.id = r.operation_id
                  LEFT JOIN teams t ON t.id = r.assigned_team_id
                  LEFT JOIN agencies a ON a.id = t.agency_id
                  LEFT JOIN users g ON g.id = r.gathered_by
                  LEFT JOIN users dcd ON dcd.id = r.decided_by
                 WHERE ${which} AND (${sees(reader, 'PROSECUTION')} ${reader === WHOLE_PLAN ? sql`` : sql`OR t.agency_id = ${reader.agencyId}`})
                 ORDER BY r.created_at, r.id`),
    );
  }
}
