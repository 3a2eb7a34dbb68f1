import { validationError } from '../common/validation';
import { windowProblems } from '../operations/window';
import { ukDateTime } from '../common/uk-time';

/** The plan window rule for a deployment: its own window (the plan's unless given) lies inside the plan's. */
export function deploymentWindow(
  plan: { startsAt: Date; endsAt: Date },
  given: { startsAt?: string; endsAt?: string },
): { startsAt: Date; endsAt: Date } {
  const startsAt = given.startsAt ? new Date(given.startsAt) : plan.startsAt;
  const endsAt = given.endsAt ? new Date(given.endsAt) : plan.endsAt;
  const problems: { field: string; problems: string[] }[] = [];
  const own = windowProblems(startsAt, endsAt);
  if (own.length) problems.push({ field: 'endsAt', problems: own });
  if (startsAt < plan.startsAt || endsAt > plan.endsAt) {
    problems.push({
      field: given.startsAt ? 'startsAt' : 'endsAt',
      problems: [`the deployment must lie inside the operation's window, ${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`],
    });
  }
  if (problems.length) throw validationError(problems);
  return { startsAt, endsAt };
}
