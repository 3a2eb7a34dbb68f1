import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import type { OperationStatus } from '../common/domain';
import { AppConfig } from '../config/app-config';
import { TaskKind, TaskView } from './dto/task.dto';

const URGENT_MS = 7 * 24 * 3600 * 1000;

interface TaskRow {
  id: string;
  reference: string;
  name: string;
  status: OperationStatus;
  startsAt: Date;
  endsAt: Date;
  deploymentId?: string;
  requirementId?: string;
  hitId?: string;
  detail: string;
}

/** The plan's columns every task query selects (alias `o`). */
const PLAN = `o.id, o.reference, o.name, o.status, o.starts_at AS "startsAt", o.ends_at AS "endsAt"`;
/** Plans the caller's agency owns (R15): the lead, or the creator's agency while there is no lead. */
const OWNED_BY = (agency: string) => `(o.lead_agency_id = ${agency} OR (o.lead_agency_id IS NULL AND o.created_by_agency_id = ${agency}))`;
const OPEN_PLAN = `o.status NOT IN ('COMPLETED', 'CANCELLED')`;

/**
 * What waits for the caller, by role (DESIGN §6, "Your tasks"): each task names the plan and
 * what to do. Every query starts from what the caller's agency (or the liaison) is part of,
 * so a task never names a plan the caller may not see (R14).
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async forUser(viewer: AuthUser): Promise<TaskView[]> {
    const reads: Promise<TaskView[]>[] = [];
    if (hasRole(viewer, 'COORDINATOR')) reads.push(this.ownersTasks(viewer), this.hits(viewer), this.teamRequests(viewer), this.evidenceToGather(viewer));
    if (hasRole(viewer, 'CPS_LIAISON')) reads.push(this.cpsRequests(), this.evidenceToDecide(viewer));
    if (hasRole(viewer, 'MANAGER')) reads.push(this.plansToReview(viewer));
    const tasks = (await Promise.all(reads)).flat();
    return tasks.sort((a, b) => a.operation.startsAt.localeCompare(b.operation.startsAt) || a.operation.reference.localeCompare(b.operation.reference));
  }

  /** Drafts to finish, changes to make, submitted plans starting within 7 days still waiting for approval, approved plans to start, active ones to complete. */
  private async ownersTasks(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, '' AS detail FROM operations o
        WHERE ${OWNED_BY('$1')}
          AND ((o.status IN ('DRAFT', 'CHANGES_REQUESTED') AND o.ends_at > now())
            OR (o.status = 'SUBMITTED' AND o.starts_at < now() + interval '7 days' AND o.ends_at > now())
            OR (o.status = 'APPROVED' AND o.starts_at <= now() + $2 * interval '1 hour' AND o.ends_at > now())
            OR (o.status = 'ACTIVE' AND o.starts_at <= now()))`,
      [viewer.agencyId, this.config.START_WINDOW_HOURS],
    );
    const kinds: Partial<Record<OperationStatus, [TaskKind, string]>> = {
      DRAFT: ['FINISH_PLAN', 'Finish the plan and submit it for review'],
      CHANGES_REQUESTED: ['MAKE_CHANGES', 'A manager asked for changes: make them and submit the plan again'],
      SUBMITTED: ['CHASE_APPROVAL', 'Starts within 7 days and is not approved yet: ask a manager of the lead agency to review it'],
      APPROVED: ['START_PLAN', 'The day of action is near: check readiness and start the plan'],
      ACTIVE: ['COMPLETE_PLAN', 'The day of action is under way: record its outcomes and complete the plan'],
    };
    return rows.map((row) => {
      const [kind, summary] = kinds[row.status] as [TaskKind, string];
      return task(kind, row, summary);
    });
  }

  /** R13: hits recorded on this agency's open plans that stand now and are not acknowledged, approved plans included. */
  private async hits(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, h.id AS "hitId", other.reference AS detail
         FROM deconfliction_hits h
         JOIN operations o ON o.id = h.operation_id
         JOIN operations other ON other.id = h.other_operation_id
        WHERE ${OWNED_BY('$1')} AND ${OPEN_PLAN} AND o.ends_at > now()
          AND other.status <> 'CANCELLED'
          AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(o.starts_at, o.ends_at, '[)')
          AND EXISTS (SELECT 1 FROM operation_locations mine JOIN operation_locations theirs ON theirs.postcode = mine.postcode
                       WHERE mine.operation_id = o.id AND theirs.operation_id = other.id)
          AND NOT EXISTS (SELECT 1 FROM conflict_acknowledgements a WHERE a.operation_id = o.id AND a.other_operation_id = other.id)`,
      [viewer.agencyId],
    );
    return rows.map((row) =>
      task('ACKNOWLEDGE_HIT', row, `Deconfliction hit with ${row.detail}: call its contact, then acknowledge it with a note`, { hitId: row.hitId }),
    );
  }

  /** Requests for this agency's teams waiting for an answer (R7). */
  private async teamRequests(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, d.id AS "deploymentId", t.name || ' (' || d.headcount || ' officers)' AS detail
         FROM deployments d JOIN operations o ON o.id = d.operation_id JOIN teams t ON t.id = d.team_id
        WHERE d.team_agency_id = $1 AND d.status = 'REQUESTED' AND ${OPEN_PLAN}`,
      [viewer.agencyId],
    );
    return rows.map((row) => task('ANSWER_TEAM_REQUEST', row, `Confirm or decline ${row.detail}`, { deploymentId: row.deploymentId }));
  }

  /** Evidence assigned to this agency's teams (or rejected, to gather again), once the day has started and until the liaison closes it; only on plans the agency still takes part in. */
  private async evidenceToGather(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, r.id AS "requirementId", r.description AS detail
         FROM evidence_requirements r
         JOIN teams t ON t.id = r.assigned_team_id
         JOIN operations o ON o.id = r.operation_id
         JOIN cps_involvements c ON c.operation_id = o.id
        WHERE t.agency_id = $1 AND r.status IN ('ASSIGNED', 'REJECTED')
          AND o.status IN ('ACTIVE', 'COMPLETED') AND c.closed_at IS NULL
          AND EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = o.id AND d.team_agency_id = $1 AND d.status <> 'DECLINED')`,
      [viewer.agencyId],
    );
    return rows.map((row) => task('GATHER_EVIDENCE', row, `Gather the evidence and record it: ${row.detail}`, { requirementId: row.requirementId }));
  }

  /** Early-involvement requests open to every liaison. */
  private async cpsRequests(): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, COALESCE(to_char(c.advice_needed_by, 'YYYY-MM-DD'), 'the day of action') AS detail
         FROM cps_involvements c JOIN operations o ON o.id = c.operation_id
        WHERE c.status = 'REQUESTED' AND ${OPEN_PLAN}`,
    );
    return rows.map((row) => task('ACCEPT_CPS_REQUEST', row, `Accept or decline the request for early advice, needed by ${row.detail}`));
  }

  /** Gathered evidence waiting for this liaison's decision. */
  private async evidenceToDecide(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, r.id AS "requirementId", r.description AS detail
         FROM cps_involvements c
         JOIN evidence_requirements r ON r.operation_id = c.operation_id
         JOIN operations o ON o.id = c.operation_id
        WHERE c.status = 'ENGAGED' AND c.liaison_id = $1 AND c.closed_at IS NULL AND r.status = 'GATHERED'`,
      [viewer.id],
    );
    return rows.map((row) => task('DECIDE_EVIDENCE', row, `Accept or reject the gathered evidence: ${row.detail}`, { requirementId: row.requirementId }));
  }

  /** R12: submitted plans the agency leads that this manager neither created nor changed since they were last approved. */
  private async plansToReview(viewer: AuthUser): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${PLAN}, '' AS detail FROM operations o
        WHERE o.lead_agency_id = $1 AND o.status = 'SUBMITTED' AND o.created_by <> $2 AND NOT ($2 = ANY (o.content_editors))`,
      [viewer.agencyId, viewer.id],
    );
    return rows.map((row) => task('REVIEW_PLAN', row, 'Review the plan: approve it or ask for changes'));
  }
}

function task(kind: TaskKind, row: TaskRow, summary: string, ids: Pick<TaskView, 'deploymentId' | 'requirementId' | 'hitId'> = {}): TaskView {
  return {
    kind,
    operation: {
      id: row.id,
      reference: row.reference,
      name: row.name,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    },
    summary,
    urgent: row.startsAt.getTime() - Date.now() < URGENT_MS,
    ...ids,
  };
}
