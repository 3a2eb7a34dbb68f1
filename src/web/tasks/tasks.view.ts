import type { TaskKind, TaskView } from '../../tasks/dto/task.dto';

/**
 * Where each kind of task is done, under the plan's address: its page, or the sub-page that shows
 * what it is about; a released team's own record (its agency may no longer see the plan).
 */
const WHERE: Record<TaskKind, (task: TaskView) => string> = {
  FINISH_PLAN: () => '',
  MAKE_CHANGES: () => '',
  CHASE_APPROVAL: () => '',
  START_PLAN: () => '',
  COMPLETE_PLAN: () => '',
  ACKNOWLEDGE_HIT: () => '/conflicts',
  ANSWER_TEAM_REQUEST: () => '/teams',
  GATHER_EVIDENCE: () => '/evidence',
  ACCEPT_CPS_REQUEST: () => '/cps',
  DECIDE_EVIDENCE: () => '/evidence',
  REVIEW_PLAN: () => '/review',
  NEEDS_ANOTHER_MANAGER: () => '/review',
  SIGN_OFF_PART: () => '/sign-off',
  TEAM_RELEASED: (task) => `/teams/${task.deploymentId}`,
  TEAM_DECLINED: () => '/teams',
  // What the user added is in the history of the plan they were changing.
  LOOK_INTO_ADDITIONS: () => '/history',
};

/** The tag of a task's urgency: its words, and its colour (every urgency asks for attention alike). */
export interface UrgencyTag {
  text: string;
  classes: string;
}

/** A task as the list shows it: where it is done, and its urgency. */
export type TaskRow = TaskView & { href?: string; urgency?: UrgencyTag };

/**
 * The urgency of a task, in words: an active plan is under way; one starting within a day says
 * in how many hours; one within 7 days says so; one whose window opened without it being started
 * says that; none for a plan further off, or whose day is over.
 */
function urgencyText(task: TaskView, now: number): string | undefined {
  const plan = task.operation;
  if (!plan) return undefined;
  if (plan.status === 'ACTIVE') return 'Under way';
  if (!task.urgent || Date.parse(plan.endsAt) <= now) return undefined;
  if (task.startsInHours === 0) return 'Starts within the hour';
  if (task.startsInHours !== undefined) return `Starts in ${task.startsInHours} ${task.startsInHours === 1 ? 'hour' : 'hours'}`;
  return Date.parse(plan.startsAt) > now ? 'Starts within 7 days' : 'Due to start now';
}

/** The user's tasks as the page lists them, at `now` (milliseconds). */
export function taskRows(tasks: TaskView[], now: number): TaskRow[] {
  return tasks.map((task) => {
    const urgency = urgencyText(task, now);
    return {
      ...task,
      href: task.operation && `/plans/${task.operation.reference}${WHERE[task.kind](task)}`,
      urgency: urgency ? { text: urgency, classes: 'govuk-tag--red' } : undefined,
    };
  });
}
