import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEventView } from '../audit/dto/audit.dto';
import { AuthUser } from '../common/auth/auth-user';
import { personJson } from '../database/json';
import { query } from '../database/query';
import { named, sql, Sql } from '../database/sql';
import { holds, sees } from './visibility.sql';

/** What every agency on the plan may read of another agency's deployment, in an event about it (R14a). */
const TEAM_AGENCY_STATUS = sql`ARRAY['deploymentId', 'team', 'agency', 'status']`;

/**
 * An event's `before` or `after` (`p`, jsonb) as the viewer may read it: a change to the plan, and a
 * team's part in the order, lose the locations (the team's premises) unless the viewer sees Places, and the briefing's Information and the risks derived
 * from intelligence unless they see Intelligence; an event about another agency's deployment, and
 * each team a cancelled or completed plan released, keeps its team, agency and status unless they
 * see Teams; a decline's reason stays with the owner and the declining agency.
 */
function readable(viewer: AuthUser, p: Sql): Sql {
  const planChange = sql`(${p}
    - CASE WHEN v.places THEN '{}'::text[] ELSE ARRAY['locations'] END
    #- CASE WHEN v.intelligence THEN '{}'::text[] ELSE ARRAY['briefing', 'information'] END)`;
  const withoutIntelligentRisks = sql`CASE WHEN v.intelligence OR jsonb_typeof(${planChange}->'risks') IS DISTINCT FROM 'array' THEN ${planChange}
    ELSE jsonb_set(${planChange}, '{risks}', COALESCE((SELECT jsonb_agg(r) FROM jsonb_array_elements(${p}->'risks') r
                                                         WHERE NOT COALESCE((r->>'intelligenceDerived')::boolean, false)), '[]'::jsonb)) END`;
  const deploymentPart = sql`(${p} - CASE WHEN v.places THEN '{}'::text[] ELSE ARRAY['locationIds'] END)`;
  const teamOnly = sql`(SELECT COALESCE(jsonb_object_agg(k, x), '{}'::jsonb) FROM jsonb_each(${p}) f(k, x) WHERE k = ANY (${TEAM_AGENCY_STATUS}))`;
  // The teams a cancelled or completed plan released, each as the reader may see it.
  const releasedTeams = sql`jsonb_set(${p}, '{releasedTeams}', COALESCE((
    SELECT jsonb_agg(CASE WHEN r->>'agency' IS NOT DISTINCT FROM ${viewer.agencyCode} THEN r
                          ELSE (SELECT COALESCE(jsonb_object_agg(k, x), '{}'::jsonb) FROM jsonb_each(r) f(k, x) WHERE k = ANY (${TEAM_AGENCY_STATUS})) END)
      FROM jsonb_array_elements(${p}->'releasedTeams') r), '[]'::jsonb))`;
  return sql`CASE
    WHEN ${p} IS NULL OR jsonb_typeof(${p}) <> 'object' THEN ${p}
    WHEN e.action IN ('operation.created', 'operation.updated') THEN ${withoutIntelligentRisks}
    WHEN jsonb_typeof(${p}->'releasedTeams') = 'array' AND NOT v.teams THEN ${releasedTeams}
    /* Being asked to confirm again names only teams and agencies, and why: every agency on the plan reads it. */
    WHEN e.action LIKE 'deployment.%' AND e.action <> 'deployment.asked-again'
         AND NOT (v.teams OR hd.team_agency_id IS NOT DISTINCT FROM ${viewer.agencyId}) THEN ${teamOnly}
    WHEN e.action = 'deployment.declined' AND NOT (v.holds OR hd.team_agency_id IS NOT DISTINCT FROM ${viewer.agencyId}) THEN ${deploymentPart} - 'reason'
    WHEN e.action = 'operation.sign-off-declined' AND NOT (v.holds OR ${p}->>'agency' IS NOT DISTINCT FROM ${viewer.agencyCode}) THEN ${p} - 'reason'
    WHEN e.action LIKE 'deployment.%' THEN ${deploymentPart}
    ELSE ${p} END`;
}

/**
 * A plan's history as the viewer may read it (R14c): each event is filtered by the section it
 * touches, in the query, so a partner never learns from the history what it cannot read in the plan.
 */
@Injectable()
export class PlanHistoryRepository {
  /** The history of an operation the caller has checked the viewer may see, oldest first. */
  async history(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<RecordedEventView[]> {
    const rows = await query<RecordedEventView & { at: Date }>(
      manager,
      named(sql`SELECT seq, action, at, before, after, actor, "actorAgency" FROM (
                  SELECT e.seq, e.action, e.at, ${readable(viewer, sql`e.before`)} AS before, ${readable(viewer, sql`e.after`)} AS after,
                         ${personJson('u')} AS actor, json_build_object('id', a.id, 'code', a.code, 'name', a.name) AS "actorAgency",
                         CASE
                           WHEN e.action LIKE 'subject.%' OR e.action LIKE 'deconfliction.%' THEN v.intelligence
                           WHEN e.action LIKE 'cps.%' THEN v.prosecution
                           WHEN e.action LIKE 'evidence.%' THEN v.prosecution OR ht.agency_id IS NOT DISTINCT FROM ${viewer.agencyId}
                           WHEN e.action = 'operation.sharing-changed' THEN v.holds OR e.after->'agency'->>'id' = ${viewer.agencyId}::text
                           ELSE true END AS readable
                    FROM audit_events e
                    JOIN operations o ON o.id = e.operation_id
                    CROSS JOIN LATERAL (SELECT ${holds(viewer)} AS holds, ${sees(viewer, 'PLACES')} AS places, ${sees(viewer, 'TEAMS')} AS teams,
                                               ${sees(viewer, 'INTELLIGENCE')} AS intelligence, ${sees(viewer, 'PROSECUTION')} AS prosecution) v
                    JOIN users u ON u.id = e.actor_id
                    JOIN agencies a ON a.id = e.actor_agency_id
                    LEFT JOIN deployments hd ON e.action LIKE 'deployment.%' AND hd.id = (COALESCE(e.after, e.before)->>'deploymentId')::uuid
                    LEFT JOIN evidence_requirements hr ON e.action LIKE 'evidence.%' AND hr.id = (COALESCE(e.after, e.before)->>'requirementId')::uuid
                    LEFT JOIN teams ht ON ht.id = hr.assigned_team_id
                   WHERE e.operation_id = ${operationId}) h
                 /* A change of the plan that touched only what the viewer may not read is no change to them. */
                 WHERE readable AND NOT (action = 'operation.updated' AND before IS NOT DISTINCT FROM after)
                 ORDER BY seq`),
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /**
   * What the ids and agency codes of a history stand for, in one query for the whole history:
   * agencies by id and by code, teams and RV points by id (reference data and the plan's Core,
   * which every reader of the history may read), and locations by id, by label: a history holds
   * location ids only for a reader who sees Places (`readable`).
   */
  async names(manager: EntityManager, refs: { ids: string[]; codes: string[] }): Promise<Map<string, string>> {
    if (refs.ids.length === 0 && refs.codes.length === 0) return new Map();
    const rows = await query<{ ref: string; name: string }>(
      manager,
      named(sql`SELECT a.id::text AS ref, a.name FROM agencies a WHERE a.id = ANY (${refs.ids}::uuid[])
                UNION ALL SELECT a.code, a.name FROM agencies a WHERE a.code = ANY (${refs.codes}::text[])
                UNION ALL SELECT t.id::text, t.name FROM teams t WHERE t.id = ANY (${refs.ids}::uuid[])
                UNION ALL SELECT r.id::text, r.name FROM rv_points r WHERE r.id = ANY (${refs.ids}::uuid[])
                UNION ALL SELECT l.id::text, l.label FROM operation_locations l WHERE l.id = ANY (${refs.ids}::uuid[])`),
    );
    return new Map(rows.map((row) => [row.ref, row.name]));
  }
}
