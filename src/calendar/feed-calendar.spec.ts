import ical, { VEvent } from 'node-ical';
import { COMPLETED_RELEASE, CANCELLED_RELEASE, OWNER_RELEASE } from '../deployments/release-reasons';
import type { OwnedPlanRow, TeamDeploymentRow } from './calendar.repository';
import { deploymentEventStatus, feedCalendar, planEventStatus } from './feed-calendar';

const plan: OwnedPlanRow = {
  id: '5d7c1d1e-0000-4000-8000-000000000001',
  reference: 'OP-2027-0042',
  name: 'Car washes; Sparkhill, "north"\nline two',
  status: 'APPROVED',
  version: 7,
  startsAt: new Date('2027-06-01T04:00:00Z'),
  endsAt: new Date('2027-06-01T16:00:00Z'),
  updatedAt: new Date('2027-05-20T10:00:00Z'),
  briefingAt: new Date('2027-06-01T04:30:00Z'),
  briefingPlace: 'Lloyd House',
  debriefAt: null,
  leadAgency: 'West Midlands Police',
  rvPoints: [{ name: 'RV1', address: 'Stratford Road', meetAt: '2027-06-01T05:00:00.000Z' }],
  teams: [{ team: 'Entry team 1', agency: 'WMP', headcount: 6, callSign: 'Tango 1' }],
};

const deployment: TeamDeploymentRow = {
  id: '5d7c1d1e-0000-4000-8000-000000000002',
  status: 'CONFIRMED',
  releaseReason: null,
  releasedOnCompletion: false,
  version: 2,
  startsAt: new Date('2027-06-01T05:00:00Z'),
  endsAt: new Date('2027-06-01T10:00:00Z'),
  updatedAt: new Date('2027-05-21T10:00:00Z'),
  team: 'HMRC Birmingham',
  headcount: 1,
  tasking: 'Tax checks',
  callSign: null,
  rvName: null,
  rvAddress: null,
  rvAt: null,
  planId: plan.id,
  reference: plan.reference,
  planName: plan.name,
  planStatus: 'APPROVED',
  planVersion: 7,
  planStartsAt: plan.startsAt,
  planEndsAt: plan.endsAt,
  owningAgency: 'West Midlands Police',
};

function events(text: string): Record<string, VEvent> {
  return ical.sync.parseICS(text) as unknown as Record<string, VEvent>;
}

describe('the calendar feed’s events', () => {
  it('are tentative until approved, confirmed once approved (and after completion), cancelled with the plan', () => {
    expect(['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'].map((status) => planEventStatus(status as 'DRAFT'))).toEqual(['TENTATIVE', 'TENTATIVE', 'TENTATIVE']);
    expect(['APPROVED', 'ACTIVE', 'COMPLETED'].map((status) => planEventStatus(status as 'APPROVED'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect(planEventStatus('CANCELLED')).toBe('CANCELLED');
  });

  it('keep a team that went on the day, and cancel one released before it', () => {
    expect(deploymentEventStatus({ status: 'CONFIRMED', releasedOnCompletion: false, planStatus: 'ACTIVE' })).toBe('CONFIRMED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: true, planStatus: 'COMPLETED' })).toBe('CONFIRMED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: false, planStatus: 'CANCELLED' })).toBe('CANCELLED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: false, planStatus: 'APPROVED' })).toBe('CANCELLED');
  });

  it('parse back with stable UIDs, sequences, UTC times and the text escaped', () => {
    const released = { ...deployment, id: '5d7c1d1e-0000-4000-8000-000000000003', status: 'RELEASED' as const, releaseReason: OWNER_RELEASE, version: 3 };
    const completed = { ...deployment, id: '5d7c1d1e-0000-4000-8000-000000000004', status: 'RELEASED' as const, releaseReason: COMPLETED_RELEASE, releasedOnCompletion: true };
    const text = feedCalendar({ agencyCode: 'WMP', siteUrl: 'https://planner.example', plans: [plan], deployments: [deployment, released, completed] });
    expect(text).toContain('DTSTART:20270601T040000Z');
    const parsed = events(text);
    const planEvent = parsed[`${plan.id}@planner`];
    expect(planEvent).toMatchObject({ type: 'VEVENT', sequence: 7, status: 'CONFIRMED', summary: `OP-2027-0042: ${plan.name}` });
    expect(planEvent.start?.toISOString()).toBe('2027-06-01T04:00:00.000Z');
    expect(planEvent.description).toContain('Briefing: 05:30 BST at Lloyd House');
    expect(planEvent.description).toContain('Window: Tue, 1 June 2027 at 05:00 BST to 17:00 BST');
    expect(planEvent.description).toContain('- RV1, Stratford Road: 06:00 BST');
    expect(planEvent.description).toContain('- Entry team 1 (WMP), 6 officers, call sign Tango 1');
    expect(parsed[`${deployment.id}@planner`]).toMatchObject({ sequence: 9, status: 'CONFIRMED', summary: 'HMRC Birmingham on OP-2027-0042' });
    expect(parsed[`${released.id}@planner`]).toMatchObject({ sequence: 10, status: 'CANCELLED' });
    expect(parsed[`${released.id}@planner`].description).toContain(`Released: ${OWNER_RELEASE}`);
    expect(parsed[`${completed.id}@planner`]).toMatchObject({ status: 'CONFIRMED' });
    expect(parsed[`${completed.id}@planner`].description).not.toContain(CANCELLED_RELEASE);
  });
});
