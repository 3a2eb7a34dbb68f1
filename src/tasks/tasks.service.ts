import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import type { OperationStatus } from '../common/domain';
import { counted } from '../common/labels';
import { ukDateTime, ukDay } from '../common/uk-time';
import { AppConfig } from '../config/app-config';
import { AdditionLimit } from '../operations/addition-limit';
import { PlansService } from '../operations/plans.service';
import { SignOffService } from '../workflow/sign-off.service';
import { TaskKind, TaskView } from './dto/task.dto';
import { AdditionLimitReportRow, TaskRow, TasksRepository } from './tasks.repository';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const URGENT_MS = 7 * DAY_MS;

/** The owner's task for a plan in each status, and what it says. */
const OWNERS_TASKS: Partial<Record<OperationStatus, [TaskKind, (row: TaskRow) => string]>> = {
  DRAFT: ['FINISH_PLAN', () => 'Finish the plan and submit it for review'],
  CHANGES_REQUESTED: ['MAKE_CHANGES', () => 'A manager asked for changes: make them and submit the plan again'],
  SUBMITTED: ['CHASE_APPROVAL', () => 'Starts within 7 days and is not approved yet: ask a manager of the lead agency to review it'],
  APPROVED: ['START_PLAN', () => 'The day of action is near: check readiness and start the plan'],
  ACTIVE: [
    'COMPLETE_PLAN',
    (row) =>
      row.endsAt.getTime() <= Date.now()
        ? `Record the outcomes and complete ${row.reference}: the day of action is over`
        : `Record the outcomes and complete ${row.reference} once the day of action is over`,
  ],
};

/** Why a sign-off waits, after "Sign off HMRC's part of OP-…" (a withdrawn one says what changed instead: `changedPart`). */
const SIGN_OFF_WHY: Record<'AWAITING' | 'DECLINED', string> = {
  AWAITING: ', or decline it with a reason, before the lead agency’s manager approves the plan',
  DECLINED: ': you declined it, and the plan was submitted again without changing it. Sign it off, or decline again',
};

/** The changes a task's summary names; the rest it counts. */
const CHANGES_NAMED = 3;

/**
 * A withdrawn sign-off's task, naming what changed in the agency's part: "OP-2026-0004: Glam Nails:
 * strike time 06:00 → 06:30 GMT — check and sign off again"; the first few changes and how many
 * more; or plainly that what changed is not shared with them. A plan back in draft or with changes
 * requested tells them at once, and that signing off waits for it to be submitted again.
 */
function changedPart(row: TaskRow, changes: string[]): string {
  const more = changes.length - CHANGES_NAMED;
  const named =
    changes.length === 0
      ? 'the plan changed since you signed off, in parts not shared with your agency'
      : [...changes.slice(0, CHANGES_NAMED), ...(more > 0 ? [`and ${more} more ${more === 1 ? 'change' : 'changes'}`] : [])].join('; ');
  const todo =
    row.status === 'SUBMITTED' ? 'check and sign off again' : 'check it now: you sign off again once the plan is submitted for review';
  return `${row.reference}: ${named} — ${todo}`;
}

/** What waits for the caller, by role (DESIGN §6, "Your tasks"): each task names the plan and what to do. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly plans: PlansService,
    private readonly signOffs: SignOffService,
    private readonly additions: AdditionLimit,
    private readonly tasks: TasksRepository,
  ) {}

  async forUser(viewer: AuthUser): Promise<TaskView[]> {
    const manager = this.dataSource.manager;
    const reads: Promise<TaskView[]>[] = [];
    if (hasRole(viewer, 'COORDINATOR')) {
      reads.push(
        this.tasks.ownersPlans(manager, viewer.agencyId, this.config.START_WINDOW_HOURS).then((rows) =>
          rows.map((row) => {
            const [kind, summary] = OWNERS_TASKS[row.status] as [TaskKind, (row: TaskRow) => string];
            return task(kind, summary(row), row);
          }),
        ),
        this.tasks
          .declinedTeams(manager, viewer.agencyId)
          .then((rows) =>
            rows.map((row) =>
              task(
                'TEAM_DECLINED',
                `${row.agencyCode} declined ${row.detail}${row.declineReason ? `: “${row.declineReason}”` : ''}. Ask for another team or for this one again, or submit the plan without it`,
                row,
                { deploymentId: row.deploymentId },
              ),
            ),
          ),
        this.tasks.hits(manager, viewer.agencyId).then((rows) =>
          rows.map((row) =>
            task('ACKNOWLEDGE_HIT', `Deconfliction hit with ${row.detail}: call its contact, then acknowledge it with a note`, row, {
              hitId: row.hitId,
            }),
          ),
        ),
        this.tasks
          .teamRequests(manager, viewer.agencyId, 'COORDINATOR')
          .then((rows) =>
            rows.map((row) => task('ANSWER_TEAM_REQUEST', `Confirm or decline ${row.detail}`, row, { deploymentId: row.deploymentId })),
          ),
        this.tasks.teamsReleased(manager, viewer.agencyId).then((rows) =>
          rows.map((row) =>
            task(
              'TEAM_RELEASED',
              `Your team ${row.detail} was released from ${row.reference} on ${ukDateTime(row.releasedAt as Date)}: it is free for other work`,
              row,
              {
                deploymentId: row.deploymentId,
              },
            ),
          ),
        ),
        this.tasks
          .evidenceToGather(manager, viewer.agencyId)
          .then((rows) =>
            rows.map((row) =>
              task('GATHER_EVIDENCE', `Gather the evidence and record it: ${row.detail}`, row, { requirementId: row.requirementId }),
            ),
          ),
      );
    }
    if (hasRole(viewer, 'CPS_LIAISON')) {
      reads.push(
        this.tasks
          .cpsRequests(manager)
          .then((rows) =>
            rows.map((row) =>
              task(
                'ACCEPT_CPS_REQUEST',
                `Accept or decline the request for early advice, needed by ${row.detail}; accepting today gives ${counted(daysBefore(row.startsAt), 'day')} before the start`,
                row,
              ),
            ),
          ),
        this.tasks
          .evidenceToDecide(manager, viewer.id)
          .then((rows) =>
            rows.map((row) =>
              task('DECIDE_EVIDENCE', `Accept or reject the gathered evidence: ${row.detail}`, row, { requirementId: row.requirementId }),
            ),
          ),
      );
    }
    if (hasRole(viewer, 'MANAGER')) {
      // A coordinator already answers the agency's requests above; a manager does only where the agency has no coordinator (R7).
      if (!hasRole(viewer, 'COORDINATOR')) {
        reads.push(
          this.tasks.teamRequests(manager, viewer.agencyId, 'MANAGER').then((rows) =>
            rows.map((row) =>
              task('ANSWER_TEAM_REQUEST', `Your agency has no coordinator, so you answer for it: confirm or decline ${row.detail}`, row, {
                deploymentId: row.deploymentId,
              }),
            ),
          ),
        );
      }
      reads.push(
        this.tasks
          .submittedForReview(manager, viewer.agencyId, viewer.id)
          .then((rows) =>
            rows.map((row) =>
              row.detail
                ? task(
                    'NEEDS_ANOTHER_MANAGER',
                    `Needs another manager: you ${row.detail} it, so another manager of your agency reviews it`,
                    row,
                  )
                : task('REVIEW_PLAN', 'Review the plan: approve it or ask for changes', row),
            ),
          ),
        this.tasks
          .partsToSignOff(manager, viewer.agencyId)
          .then(async (rows) => (await Promise.all(rows.map((row) => this.signOffTask(viewer, row)))).flat()),
        this.tasks.additionLimitReports(manager, viewer).then((reports) => reports.map(additionLimitTask)),
      );
    }
    const tasks = (await Promise.all(reads)).flat();
    // A task about a person rather than a plan comes first.
    const soonest = (a: TaskView, b: TaskView) =>
      a.operation && b.operation
        ? a.operation.startsAt.localeCompare(b.operation.startsAt) || a.operation.reference.localeCompare(b.operation.reference)
        : Number(!!a.operation) - Number(!!b.operation);
    return tasks.sort(soonest);
  }

  /** A manager of the agency has looked into a report of the daily limit: it leaves every manager's tasks. */
  async lookedInto(viewer: AuthUser, reportId: string): Promise<void> {
    await this.additions.lookedInto(viewer, reportId);
  }

  /** A part to sign off; one whose sign-off a change withdrew names the changes, as the plan shows them to the viewer (R14c). */
  private async signOffTask(viewer: AuthUser, row: TaskRow): Promise<TaskView[]> {
    if (row.signOffState !== 'WITHDRAWN') {
      return [
        task('SIGN_OFF_PART', `Sign off ${row.detail}’s part of ${row.reference}${SIGN_OFF_WHY[row.signOffState ?? 'AWAITING']}`, row),
      ];
    }
    const changes = await this.signOffs.changesSinceSignOff(viewer, await this.plans.get(viewer, row.id));
    // Signed off again between the two reads: nothing waits.
    return changes ? [task('SIGN_OFF_PART', changedPart(row, changes), row, { changes })] : [];
  }
}

/** Whole days from now until the plan starts. */
function daysBefore(startsAt: Date): number {
  return Math.max(0, Math.floor((startsAt.getTime() - Date.now()) / DAY_MS));
}

/**
 * A user of the manager's agency went past the daily limit on additions: who, how many, when, and
 * what to do. About a person rather than a plan: it names the plan of their last refused change
 * when there is one, and is never urgent.
 */
function additionLimitTask(report: AdditionLimitReportRow): TaskView {
  const { plan, ...facts } = report;
  const where = plan ? ` on ${plan.reference}` : ', creating a new plan';
  const summary =
    `${report.user.name} (${report.user.email}) went past the daily limit of ${counted(report.dailyLimit, 'identifier or postcode', 'identifiers and postcodes')} added to plans on ${ukDay(report.day)}: ` +
    `${counted(report.changesRefused, 'change was', 'changes were')} refused, which would have added ${report.additionsRefused.toLocaleString('en-GB')} more, the last at ${ukDateTime(report.lastRefusedAt)}${where}. ` +
    'Check with them that what they added is genuine (the plan’s history shows it), then mark this as looked into';
  return {
    kind: 'LOOK_INTO_ADDITIONS',
    ...(plan
      ? { operation: { ...plan, startsAt: new Date(plan.startsAt).toISOString(), endsAt: new Date(plan.endsAt).toISOString() } }
      : {}),
    summary,
    urgent: false,
    additionLimit: { ...facts, lastRefusedAt: new Date(report.lastRefusedAt).toISOString() },
  };
}

function task(
  kind: TaskKind,
  summary: string,
  row: TaskRow,
  ids: Pick<TaskView, 'deploymentId' | 'requirementId' | 'hitId' | 'changes'> = {},
): TaskView {
  const untilStart = row.startsAt.getTime() - Date.now();
  const { id, reference, name, status, version } = row;
  return {
    kind,
    operation: {
      id,
      reference,
      name,
      status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      ...(version === undefined ? {} : { version }),
    },
    summary,
    urgent: untilStart < URGENT_MS,
    ...(untilStart > 0 && untilStart < DAY_MS ? { startsInHours: Math.floor(untilStart / HOUR_MS) } : {}),
    ...ids,
  };
}
