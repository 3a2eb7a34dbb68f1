import type { RvPointView } from '../../operations/dto/order.dto';
import type { DeploymentView, OperationView } from '../../operations/dto/plan-view.dto';
import { changedTimings, EMPTY_RV, rvFormOf } from './order.form';
import { communicationsView, rvRemovalPage, timingsView } from './order.view';

const POINT: RvPointView = { id: 'rv-1', name: 'Car park', address: '1 High Street', meetAt: '2026-06-01T04:30:00Z' } as RvPointView;
const team = (id: string, status: DeploymentView['status'], seen = true) =>
  ({
    id,
    status,
    team: { id, name: id },
    agency: { id: 'a', name: 'A', code: 'A' },
    rvPoint: POINT,
    ...(seen ? { version: 1 } : {}),
  }) as unknown as DeploymentView;
const plan = (deployments: DeploymentView[] = []) =>
  ({ reference: 'OP-2026-0001', rvPoints: [POINT], deployments }) as unknown as OperationView;

describe('the operational order pages', () => {
  it('lists on the communications page only the teams taking part: requested or confirmed', () => {
    const view = communicationsView(
      plan([team('asked', 'REQUESTED'), team('on', 'CONFIRMED', false), team('declined', 'DECLINED'), team('released', 'RELEASED')]),
    );
    expect(view.teams.map((row) => [row.id, row.full, row.rvText])).toEqual([
      ['asked', true, 'Car park, Mon, 1 June 2026 at 05:30 BST'],
      ['on', false, 'Car park, Mon, 1 June 2026 at 05:30 BST'],
    ]);
  });

  it('changes an RV point only while it is on the plan, and shows each with its meeting time', () => {
    const changing = rvFormOf(plan(), 'rv-1');
    expect(changing).toEqual({
      id: 'rv-1',
      name: 'Car park',
      address: '1 High Street',
      meetAt: { day: '1', month: '6', year: '2026', time: '05:30' },
    });
    expect(rvFormOf(plan(), 'gone')).toEqual(EMPTY_RV);
    expect(timingsView(plan(), changing).changing).toBe('rv-1');
    expect(timingsView(plan(), { ...EMPTY_RV, id: 'gone' }).changing).toBeUndefined();
    expect(timingsView(plan(), EMPTY_RV).rvRows[0].meetText).toContain('05:30');
  });

  it('sends only the timings the person changed, a time left empty as none, and checks only the times they typed', () => {
    const none = { day: '', month: '', year: '', time: '' };
    const values = { briefingAt: { day: '31', month: '2', year: '2026', time: '09:00' }, briefingPlace: 'Station', debriefAt: none };
    expect(changedTimings(values, ['briefingPlace', 'debriefAt'])).toMatchObject({
      change: { timings: { briefingPlace: 'Station', debriefAt: null } },
      errors: [],
    });
    expect(changedTimings(values, ['briefingAt'])).toMatchObject({ errors: [{ field: 'briefingAt-day' }] });
  });

  it('says before an RV point is removed which one, and posts it back', () => {
    expect(rvRemovalPage(plan(), POINT)).toMatchObject({
      title: 'Remove Car park',
      action: '/plans/OP-2026-0001/timings/rv-points/remove',
      fields: { rvPointId: 'rv-1' },
      back: '/plans/OP-2026-0001/timings',
    });
  });
});
