export const MAX_WINDOW_HOURS = 72;

/** What is wrong with an operation's window, in words; empty when it is fine. */
export function windowProblems(startsAt: Date, endsAt: Date): string[] {
  if (endsAt.getTime() <= startsAt.getTime()) return ['The end must be after the start'];
  const hours = (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
  if (hours > MAX_WINDOW_HOURS)
    return [`A day of action may last at most ${MAX_WINDOW_HOURS} hours, and this one lasts ${Math.ceil(hours)}`];
  return [];
}
