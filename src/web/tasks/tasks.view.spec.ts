import type { TaskView } from '../../tasks/dto/task.dto';
import { taskRows } from './tasks.view';

const NOW = Date.parse('2027-03-01T09:00:00Z');
const hoursFromNow = (hours: number) => new Date(NOW + hours * 3600_000).toISOString();

function task(changes: Partial<TaskView> = {}, plan: Partial<NonNullable<TaskView['operation']>> = {}): TaskView {
  return {
    kind: 'FINISH_PLAN',
    summary: 'Finish the plan',
    urgent: false,
    operation: {
      id: 'p1',
      reference: 'OP-2027-0001',
      name: 'Harbour',
      status: 'DRAFT',
      startsAt: hoursFromNow(24 * 30),
      endsAt: hoursFromNow(24 * 30 + 8),
      ...plan,
    },
    ...changes,
  } as TaskView;
}

describe('the tasks page view', () => {
  it('links each task to where it is done under its plan, and a released team to its own record', () => {
    const [finish, hit, released] = taskRows(
      [task(), task({ kind: 'ACKNOWLEDGE_HIT' }), task({ kind: 'TEAM_RELEASED', deploymentId: 'd7' })],
      NOW,
    );
    expect(finish.href).toBe('/plans/OP-2027-0001');
    expect(hit.href).toBe('/plans/OP-2027-0001/conflicts');
    expect(released.href).toBe('/plans/OP-2027-0001/teams/d7');
  });

  it('gives a task without a plan no link and no urgency', () => {
    const [row] = taskRows([task({ kind: 'LOOK_INTO_ADDITIONS', operation: undefined })], NOW);
    expect(row.href).toBeUndefined();
    expect(row.urgency).toBeUndefined();
  });

  it('says how soon the plan starts, in a red tag the view chooses', () => {
    const rows = taskRows(
      [
        task({ urgent: true, startsInHours: 0 }, { startsAt: hoursFromNow(0.5) }),
        task({ urgent: true, startsInHours: 1 }, { startsAt: hoursFromNow(1.5) }),
        task({ urgent: true, startsInHours: 5 }, { startsAt: hoursFromNow(5.5) }),
        task({ urgent: true }, { startsAt: hoursFromNow(48) }),
        task({ urgent: true }, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3) }),
        task({}, { status: 'ACTIVE', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3) }),
      ],
      NOW,
    );
    expect(rows.map((row) => row.urgency?.text)).toEqual([
      'Starts within the hour',
      'Starts in 1 hour',
      'Starts in 5 hours',
      'Starts within 7 days',
      'Due to start now',
      'Under way',
    ]);
    expect(new Set(rows.map((row) => row.urgency?.classes))).toEqual(new Set(['govuk-tag--red']));
  });

  it('has no urgency for a plan further off than 7 days, or whose day is over', () => {
    const rows = taskRows([task(), task({ urgent: true }, { startsAt: hoursFromNow(-10), endsAt: hoursFromNow(-2) })], NOW);
    expect(rows.map((row) => row.urgency)).toEqual([undefined, undefined]);
  });
});
