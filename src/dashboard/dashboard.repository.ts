import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { OPERATION_STATUSES, PlanSection } from '../common/domain';
import { first } from '../database/query';
import { constants, identifier, join, sql, Sql } from '../database/sql';
import { ENDED, ownedBy, sees, visibleTo } from '../operations/visibility.sql';
import { hitWaits } from '../workflow/deconfliction.sql';
import { CHECK_SECTIONS, CPS_LEAD_TIME_DAYS } from '../workflow/readiness';
import { DASHBOARD_CHECKS, DashboardCheckId } from './readiness-checks';

/** Lower bounds, in whole days from engagement to the start, of the lead-time buckets after the first (0 to 2 days). */
export const LEAD_TIME_BOUNDS = [3, CPS_LEAD_TIME_DAYS, 14, 28] as const;

export interface MonthRow {
  month: string;
  total: number;
  led: number;
  supported: number;
  byStatus: Record<(typeof OPERATION_STATUSES)[number], number>;
  completed: number;
  stoodDown: number;
  arrests: number;
  potentialVictimsSafeguarded: number;
  nrmReferrals: number;
  premisesVisited: number;
}

export interface PeriodRow {
  months: MonthRow[];
  leadTime: { plans: number; inTime: number; medianDays: number | null; buckets: number[] };
  partners: { code: string; name: string; answered: number; medianHours: number; p90Hours: number }[];
}

export interface UpcomingRow {
  plans: number;
  ready: number;
  /** Plans failing each of DASHBOARD_CHECKS, in its order. */
  failing: number[];
}

/** The agency has a team on the plan that did not decline. */
const supportedBy = (agencyId: string) =>
  sql`EXISTS (SELECT 1 FROM deployments sd WHERE sd.operation_id = o.id AND sd.team_agency_id = ${agencyId} AND sd.status <> 'DECLINED')`;

/**
 * The plans (alias `o`) a dashboard counts: those the viewer may see (R14, through `visibleTo`),
 * and for a coordinator who is not also a manager, of those only the plans their agency owns or
 * supports with a team (a plan their agency created and handed to another lead counts for its
 * managers only).
 */
export function dashboardScope(viewer: AuthUser): Sql {
  if (hasRole(viewer, 'MANAGER')) return visibleTo(viewer);
  return sql`(${visibleTo(viewer)} AND (${ownedBy(viewer.agencyId)} OR ${supportedBy(viewer.agencyId)}))`;
}

/** A json object of each status's count among the grouped rows of `plans`. */
const statusCounts = join(
  OPERATION_STATUSES.map((status) => sql`${constants([status])}, count(*) FILTER (WHERE p.status = ${constants([status])})::int`),
  ', ',
);
const zeroStatuses = join(
  OPERATION_STATUSES.map((status) => sql`${constants([status])}, 0`),
  ', ',
);
/**
 * An outcome summed over the grouped rows of `plans` that hold outcomes: the completed days of
 * action, and those stood down with their outcomes so far (ck_operations_completed keeps outcomes
 * to those two).
 */
const outcome = (key: string) => sql`COALESCE(sum((p.outcomes->>${key})::int) FILTER (WHERE p.outcomes IS NOT NULL), 0)::int`;

/**
 * What the readiness of a plan `o` reads (src/workflow/readiness.service.ts builds the same facts
 * for one plan): its deployments that hold a team, its evidence requirements, its CPS involvement,
 * its locations and the deconfliction hits that still stand, unacknowledged. Each is one index probe
 * by the plan's id (aggregates, which Postgres runs per plan rather than hashing whole tables).
 */
const FACTS = sql`
  (SELECT count(*) FROM operation_locations l WHERE l.operation_id = o.id) AS locations,
  dep.confirmed, dep.requested, dep.safeguarding_teams, ev.requirements, ev.uncovered,
  (SELECT count(*) FROM cps_involvements c WHERE c.operation_id = o.id AND c.status = 'ENGAGED') AS engaged,
  (SELECT count(*) FROM deconfliction_hits h JOIN operations other ON other.id = h.other_operation_id
    WHERE h.operation_id = o.id AND ${hitWaits('h', 'other')}) AS open_hits
  FROM soon o
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.status = 'CONFIRMED') AS confirmed,
           count(*) FILTER (WHERE d.status = 'REQUESTED') AS requested,
           count(*) FILTER (WHERE d.status = 'CONFIRMED' AND (SELECT 'SAFEGUARDING' = ANY (t.capabilities) FROM teams t WHERE t.id = d.team_id)) AS safeguarding_teams,
           COALESCE(array_agg(d.team_id) FILTER (WHERE d.status = 'CONFIRMED'), '{}') AS confirmed_teams
      FROM deployments d WHERE d.operation_id = o.id) dep
  CROSS JOIN LATERAL (
    SELECT count(*) AS requirements,
           count(*) FILTER (WHERE e.priority = 'ESSENTIAL' AND (e.assigned_team_id IS NULL OR NOT e.assigned_team_id = ANY (dep.confirmed_teams))) AS uncovered
      FROM evidence_requirements e WHERE e.operation_id = o.id) ev`;

/**
 * Each blocking check the dashboard counts (readiness-checks.ts), as the condition on a plan's
 * facts `f` that it fails it: the same rule as src/workflow/readiness.ts, over the same rows.
 */
const FAILS: Record<DashboardCheckId, Sql> = {
  'lead-agency': sql`f.lead_agency_id IS NULL`,
  locations: sql`f.locations = 0`,
  'confirmed-deployment': sql`f.confirmed = 0`,
  'no-pending-requests': sql`f.requested > 0`,
  'cps-engaged': sql`f.engaged = 0`,
  'evidence-requirements': sql`f.requirements = 0`,
  'essential-evidence-assigned': sql`f.uncovered > 0`,
  safeguarding: sql`(f.expected_potential_victims > 0 AND (COALESCE(f.reception_centre, '') = '' OR f.safeguarding_teams = 0))`,
  deconfliction: sql`f.open_hits > 0`,
};
const checkColumn = (index: number) => identifier(`fails_${index}`);
/** Whether the viewer sees the section a check reads, as a column of `checked`. */
const SEEN: Record<PlanSection, Sql> = {
  CORE: sql`true`,
  SAFEGUARDING: sql`true`,
  TEAMS: sql`true`,
  PLACES: sql`places`,
  INTELLIGENCE: sql`intelligence`,
  PROSECUTION: sql`prosecution`,
};

/**
 * The dashboard's reads: one statement for everything about the period (the plans in scope that
 * start in it are read once, then grouped by month, joined to their CPS involvement and to the
 * partner answers on them), one for the readiness of the plans starting soon. Plain statements,
 * not prepared ones: each period gets a plan for its own size.
 */
@Injectable()
export class DashboardRepository {
  /**
   * Plans and outcomes per month (UK time, empty months as zeros), CPS lead times and partner
   * response times, of plans starting in [startsFrom, startsBefore). A partner's answer is a
   * request for a team of another agency than the asker's, confirmed or declined (a team of the
   * asker's own agency is confirmed at once, R7): hours from the request to the answer.
   */
  async period(
    manager: EntityManager,
    viewer: AuthUser,
    period: { firstMonth: string; lastMonth: string; startsFrom: Date; startsBefore: Date },
  ): Promise<PeriodRow> {
    const led = ownedBy(viewer.agencyId);
    const row = await first<PeriodRow>(
      manager,
      sql`WITH plans AS MATERIALIZED (
            SELECT o.id, o.status, o.starts_at, o.outcomes,
                   to_char(o.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
                   ${sees(viewer, 'PROSECUTION')} AS prosecution, ${sees(viewer, 'TEAMS')} AS teams,
                   ${led} AS led,
                   (NOT ${led} AND ${supportedBy(viewer.agencyId)}) AS supported
              FROM operations o
             WHERE o.starts_at >= ${period.startsFrom.toISOString()}::timestamptz AND o.starts_at < ${period.startsBefore.toISOString()}::timestamptz
               AND ${dashboardScope(viewer)}),
          per_month AS (
            SELECT p.month, count(*)::int AS total, count(*) FILTER (WHERE p.led)::int AS led, count(*) FILTER (WHERE p.supported)::int AS supported,
                   json_build_object(${statusCounts}) AS by_status,
                   count(*) FILTER (WHERE p.status = 'COMPLETED')::int AS completed,
                   count(*) FILTER (WHERE p.status = 'STOOD_DOWN')::int AS stood_down,
                   ${outcome('arrests')} AS arrests, ${outcome('potentialVictimsSafeguarded')} AS safeguarded,
                   ${outcome('nrmReferrals')} AS nrm, ${outcome('premisesVisited')} AS premises
              FROM plans p GROUP BY p.month),
          lead_times AS (
            SELECT EXTRACT(EPOCH FROM p.starts_at - c.engaged_at) / 86400 AS days
              FROM plans p JOIN cps_involvements c ON c.operation_id = p.id
             WHERE c.status = 'ENGAGED' AND p.status <> 'CANCELLED' AND p.prosecution),
          answers AS (
            SELECT d.team_agency_id, EXTRACT(EPOCH FROM d.responded_at - d.requested_at) / 3600 AS hours
              FROM plans p
              JOIN deployments d ON d.operation_id = p.id
              JOIN users asker ON asker.id = d.requested_by
             WHERE d.responded_at IS NOT NULL AND d.team_agency_id <> asker.agency_id
               AND (p.teams OR d.team_agency_id = ${viewer.agencyId}))
          SELECT
            (SELECT json_agg(json_build_object(
                      'month', m.month, 'total', COALESCE(c.total, 0), 'led', COALESCE(c.led, 0), 'supported', COALESCE(c.supported, 0),
                      'byStatus', COALESCE(c.by_status, json_build_object(${zeroStatuses})),
                      'completed', COALESCE(c.completed, 0), 'stoodDown', COALESCE(c.stood_down, 0), 'arrests', COALESCE(c.arrests, 0),
                      'potentialVictimsSafeguarded', COALESCE(c.safeguarded, 0), 'nrmReferrals', COALESCE(c.nrm, 0),
                      'premisesVisited', COALESCE(c.premises, 0)) ORDER BY m.month)
               FROM (SELECT to_char(g, 'YYYY-MM') AS month
                       FROM generate_series(${`${period.firstMonth}-01`}::date, ${`${period.lastMonth}-01`}::date, interval '1 month') AS g) m
               LEFT JOIN per_month c ON c.month = m.month) AS months,
            (SELECT json_build_object(
                      'plans', count(*), 'inTime', count(*) FILTER (WHERE l.days >= ${CPS_LEAD_TIME_DAYS}::int),
                      'medianDays', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY l.days))::numeric, 1),
                      'buckets', (SELECT array_agg(b.n ORDER BY b.bucket) FROM (
                                    SELECT bucket, count(x.days) AS n FROM generate_series(0, ${LEAD_TIME_BOUNDS.length}::int) AS bucket
                                      LEFT JOIN lead_times x ON width_bucket(floor(x.days), ${[...LEAD_TIME_BOUNDS]}::float8[]) = bucket
                                     GROUP BY bucket) b))
               FROM lead_times l) AS "leadTime",
            (SELECT COALESCE(json_agg(json_build_object(
                      'code', a.code, 'name', a.name, 'answered', r.answered, 'medianHours', r.median, 'p90Hours', r.p90) ORDER BY r.median DESC, a.code), '[]')
               FROM (SELECT team_agency_id, count(*)::int AS answered,
                            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY hours))::numeric, 1) AS median,
                            round((percentile_cont(0.9) WITHIN GROUP (ORDER BY hours))::numeric, 1) AS p90
                       FROM answers GROUP BY team_agency_id) r
               JOIN agencies a ON a.id = r.team_agency_id) AS partners`,
    );
    return row as PeriodRow;
  }

  /** The plans in scope starting within `days` from now that have not ended: how many, how many fail none of the checks, and how many fail each. */
  async upcoming(manager: EntityManager, viewer: AuthUser, days: number): Promise<UpcomingRow> {
    const fails = DASHBOARD_CHECKS.map((check, index) => sql`${FAILS[check.id]} AS ${checkColumn(index)}`);
    // Each check is counted over the plans whose section it reads the viewer sees (R14a); whether a plan is ready counts every check.
    const counts = DASHBOARD_CHECKS.map(
      (check, index) => sql`count(*) FILTER (WHERE ${checkColumn(index)} AND ${SEEN[CHECK_SECTIONS[check.id]]})::int`,
    );
    const anyFails = join(
      DASHBOARD_CHECKS.map((_, index) => checkColumn(index)),
      ' OR ',
    );
    const row = await first<UpcomingRow>(
      manager,
      sql`WITH soon AS MATERIALIZED (
            SELECT o.id, o.status, o.starts_at, o.ends_at, o.lead_agency_id, o.expected_potential_victims, o.reception_centre,
                   ${sees(viewer, 'PLACES')} AS places, ${sees(viewer, 'INTELLIGENCE')} AS intelligence, ${sees(viewer, 'PROSECUTION')} AS prosecution
              FROM operations o
             WHERE o.starts_at >= now() AND o.starts_at < now() + ${days}::int * interval '1 day'
               AND o.status NOT IN ${ENDED} AND ${dashboardScope(viewer)}),
          facts AS MATERIALIZED (SELECT o.lead_agency_id, o.expected_potential_victims, o.reception_centre, o.places, o.intelligence, o.prosecution, ${FACTS}),
          checked AS MATERIALIZED (SELECT ${join(fails, ', ')}, f.places, f.intelligence, f.prosecution FROM facts f)
          SELECT count(*)::int AS plans, count(*) FILTER (WHERE NOT (${anyFails}))::int AS ready, ARRAY[${join(counts, ', ')}] AS failing
            FROM checked`,
    );
    return row as UpcomingRow;
  }
}
