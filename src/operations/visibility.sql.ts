import { AuthUser, hasRole } from '../common/auth/auth-user';
import { ENDED_STATUSES, NEVER_INTELLIGENCE_KINDS, PLAN_SECTIONS, PlanSection, seenByDefault } from '../common/domain';
import { OWNER_RELEASE } from '../common/release-reasons';
import { constants, identifier, join, sql, Sql } from '../database/sql';

/**
 * The statuses of a plan that has ended (completed, cancelled or stood down) as a SQL list, for
 * `status NOT IN ${ENDED}`: the one place queries read ENDED_STATUSES from.
 */
export const ENDED = sql`(${constants(ENDED_STATUSES)})`;

/**
 * A deployment (alias `vd`) that keeps its agency on the plan: asked for, agreed, or released
 * with the plan's end. Declined, or released by the owner, the agency has left the plan (R14).
 */
const STAYS_ON_PLAN = sql`vd.status <> 'DECLINED' AND (vd.status <> 'RELEASED' OR vd.release_reason IS DISTINCT FROM ${OWNER_RELEASE})`;

/**
 * R14 as one reusable SQL fragment: the operations (alias `o`) the viewer may see.
 * Every query that reads an operation includes it, so one the viewer may not see
 * is simply not found. Admins manage reference data, not operations.
 */
export function visibleTo(viewer: AuthUser, alias = 'o'): Sql {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return sql`false`;
  const o = identifier(alias);
  const conditions = [
    sql`${o}.created_by_agency_id = ${viewer.agencyId}`,
    sql`${o}.lead_agency_id = ${viewer.agencyId}`,
    sql`EXISTS (SELECT 1 FROM deployments vd WHERE vd.operation_id = ${o}.id AND vd.team_agency_id = ${viewer.agencyId} AND ${STAYS_ON_PLAN})`,
    sql`EXISTS (SELECT 1 FROM plan_section_grants vg WHERE vg.operation_id = ${o}.id AND vg.agency_id = ${viewer.agencyId})`,
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    // Every liaison while the request is open on a plan still to happen; then only the one who accepted it. (An open
    // request on a plan that has ended, left by a version before ending a plan withdrew it, shows it to no liaison.)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM cps_involvements vc WHERE vc.operation_id = ${o}.id
            AND ((vc.status = 'REQUESTED' AND ${o}.status NOT IN ${ENDED}) OR (vc.status = 'ENGAGED' AND vc.liaison_id = ${viewer.id})))`,
    );
  }
  return sql`(${join(conditions, ' OR ')})`;
}

/**
 * The newest operations the viewer may see, as a query of `(id, created_at)`: one branch
 * per condition of `visibleTo`, each read newest first from its own index and cut at
 * `limit`, so that a page costs the same however many operations there are. `filters`
 * are conditions on `o`; `before` is the keyset (created_at, id) the page starts below.
 * The caller still applies `visibleTo` to what it reads.
 */
export function newestVisible(viewer: AuthUser, page: { filters: Sql[]; before?: { at: string; id: string }; limit: number }): Sql {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON'))
    return sql`SELECT NULL::uuid AS id, NULL::timestamptz AS created_at WHERE false`;
  const branch = (from: Sql, at: Sql, id: Sql, conditions: Sql[]) => {
    const where = [...conditions, ...page.filters];
    if (page.before) where.push(sql`(${at}, ${id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)`);
    return sql`(SELECT DISTINCT ${id} AS id, ${at} AS created_at FROM ${from} WHERE ${join(where, ' AND ')} ORDER BY ${at} DESC, ${id} DESC LIMIT ${page.limit})`;
  };
  const operations = sql`operations o`;
  const byOperation = [sql`o.created_at`, sql`o.id`] as const;
  const branches = [
    branch(operations, ...byOperation, [sql`o.created_by_agency_id = ${viewer.agencyId}`]),
    branch(operations, ...byOperation, [sql`o.lead_agency_id = ${viewer.agencyId}`]),
    branch(sql`deployments vd JOIN operations o ON o.id = vd.operation_id`, sql`vd.operation_created_at`, sql`vd.operation_id`, [
      sql`vd.team_agency_id = ${viewer.agencyId}`,
      STAYS_ON_PLAN,
    ]),
    branch(sql`plan_section_grants vg JOIN operations o ON o.id = vg.operation_id`, ...byOperation, [
      sql`vg.agency_id = ${viewer.agencyId}`,
    ]),
  ];
  if (hasRole(viewer, 'CPS_LIAISON')) {
    const involvement = sql`cps_involvements vc JOIN operations o ON o.id = vc.operation_id`;
    branches.push(
      branch(involvement, sql`vc.operation_created_at`, sql`vc.operation_id`, [
        sql`vc.status = 'REQUESTED'`,
        sql`o.status NOT IN ${ENDED}`,
      ]),
      branch(involvement, sql`vc.operation_created_at`, sql`vc.operation_id`, [
        sql`vc.status = 'ENGAGED'`,
        sql`vc.liaison_id = ${viewer.id}`,
      ]),
    );
  }
  return join(branches, ' UNION ');
}

/**
 * R14: an agency keeps its own deployment records (alias `d`), whatever became of the plan for it
 * (declined, or released by the owner), for its users who work on plans (admins see none, R15).
 */
export function ownRecord(viewer: AuthUser, alias = 'd'): Sql {
  if (!hasRole(viewer, 'COORDINATOR', 'MANAGER', 'CPS_LIAISON')) return sql`false`;
  return sql`${identifier(alias)}.team_agency_id = ${viewer.agencyId}`;
}

/** R15 as a SQL fragment: the operations (alias `o`) the agency owns: it leads them, or created them while there is no lead. */
export function ownedBy(agencyId: string, alias = 'o'): Sql {
  const o = identifier(alias);
  return sql`(${o}.lead_agency_id = ${agencyId} OR (${o}.lead_agency_id IS NULL AND ${o}.created_by_agency_id = ${agencyId}))`;
}

/** The whole plan, read for the service's own rules (readiness counts what a partner may not see) and never shown as it is. */
export const WHOLE_PLAN = 'whole-plan';
/** Who a plan is read for: a viewer, whose sections the read holds to, or the service itself. */
export type Reader = AuthUser | typeof WHOLE_PLAN;

/**
 * The agency that holds a plan (alias `o`): its owner (R15: the lead, or the creator's agency while
 * there is no lead), which sees every section of it (R14a). A creator that handed the lead on reads
 * it as any other agency on it does, unless the owner shares more.
 */
export function holds(viewer: Reader, alias = 'o'): Sql {
  if (viewer === WHOLE_PLAN) return sql`true`;
  // Never NULL (a plan with no lead yet): a NULL here would read as "not" in one place and slip past a NOT in another.
  return sql`COALESCE(${ownedBy(viewer.agencyId, alias)}, false)`;
}

function granted(viewer: AuthUser, section: PlanSection, o: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM plan_section_grants sg WHERE sg.operation_id = ${o}.id AND sg.agency_id = ${viewer.agencyId} AND sg.section = ${constants([section])})`;
}

/**
 * R14a as one SQL fragment per section: whether the viewer, who may see the operation (alias `o`,
 * within `visibleTo`), may see this section of it. Every query that reads a section's content puts
 * it into its SELECT or WHERE, so what is not shared never leaves the database.
 * - Core and Safeguarding: every agency on the plan.
 * - Places: the holders and law-enforcement partners; others when granted.
 * - Teams (in full): the holders, and partners granted it. A partner always sees its own teams in
 *   full (`seesDeployment`) and others' as team, agency and status.
 * - Intelligence: the holders, and partners granted it (never victim support or a local authority).
 * - Prosecution: the holders, the engaged CPS liaison, and partners granted it. A partner sees the
 *   requirements assigned to its own teams (`seesRequirement`).
 */
export function sees(viewer: Reader, section: PlanSection, alias = 'o'): Sql {
  if (viewer === WHOLE_PLAN || seenByDefault(viewer.agencyKind, section)) return sql`true`;
  const o = identifier(alias);
  const either = (...conditions: Sql[]) => sql`(${join(conditions, ' OR ')})`;
  switch (section) {
    case 'CORE':
    case 'SAFEGUARDING':
    case 'PLACES':
    case 'TEAMS':
      return either(holds(viewer, alias), granted(viewer, section, o));
    case 'INTELLIGENCE':
      return NEVER_INTELLIGENCE_KINDS.includes(viewer.agencyKind)
        ? holds(viewer, alias)
        : either(holds(viewer, alias), granted(viewer, section, o));
    case 'PROSECUTION':
      return hasRole(viewer, 'CPS_LIAISON')
        ? either(
            holds(viewer, alias),
            granted(viewer, section, o),
            sql`EXISTS (SELECT 1 FROM cps_involvements sc WHERE sc.operation_id = ${o}.id AND sc.status = 'ENGAGED' AND sc.liaison_id = ${viewer.id})`,
          )
        : either(holds(viewer, alias), granted(viewer, section, o));
  }
}

/** The sections of the operation (alias `o`) the viewer may see, as a text[] in PLAN_SECTIONS' order. */
export function sectionsSeen(viewer: Reader, alias = 'o'): Sql {
  return sql`array_remove(ARRAY[${join(
    PLAN_SECTIONS.map((section) => sql`CASE WHEN ${sees(viewer, section, alias)} THEN ${constants([section])} END`),
    ', ',
  )}]::text[], NULL)`;
}

/** Whether the viewer sees a deployment (alias `d`) of the operation `o` in full: all of Teams, or a team of its own agency. */
export function seesDeployment(viewer: Reader, alias = 'd', operation = 'o'): Sql {
  if (viewer === WHOLE_PLAN) return sql`true`;
  return sql`(${sees(viewer, 'TEAMS', operation)} OR ${identifier(alias)}.team_agency_id = ${viewer.agencyId})`;
}

/** Why a partner declined is for the holders and the declining agency alone (R14a), whatever else was granted. */
export function seesDeclineReason(viewer: Reader, agencyColumn: string, operation = 'o'): Sql {
  if (viewer === WHOLE_PLAN) return sql`true`;
  return sql`(${holds(viewer, operation)} OR ${identifier(agencyColumn)} = ${viewer.agencyId})`;
}
