import ICAL from 'ical.js';
import ical, { VEvent } from 'node-ical';
import { COMPLETED_RELEASE, CANCELLED_RELEASE, OWNER_RELEASE } from '../common/release-reasons';
import type { OwnedPlanRow, TeamDeploymentRow } from './calendar.repository';
import { deploymentEventStatus, eventClass, FEED_DESCRIPTION, feedCalendar, planEventStatus } from './feed-calendar';

const plan: OwnedPlanRow = {
  id: '5d7c1d1e-0000-4000-8000-000000000001',
  reference: 'OP-2027-0042',
  name: 'Car washes; Sparkhill, "north"\nline two',
  status: 'APPROVED',
  version: 7,
  startsAt: new Date('2027-06-01T04:00:00Z'),
  endsAt: new Date('2027-06-01T16:00:00Z'),
  updatedAt: new Date('2027-05-20T10:00:00Z'),
  cancelReason: null,
  classification: 'OFFICIAL-SENSITIVE',
  handlingInstruction: 'Not for release',
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
  planId: plan.id,
  reference: plan.reference,
  planName: plan.name,
  planStatus: 'APPROVED',
  planVersion: 7,
  planStartsAt: plan.startsAt,
  planEndsAt: plan.endsAt,
  classification: 'OFFICIAL-SENSITIVE',
  handlingInstruction: 'Not for release',
};

function events(text: string): Record<string, VEvent> {
  return ical.sync.parseICS(text) as unknown as Record<string, VEvent>;
}

describe('the calendar feed’s events', () => {
  it('are tentative until approved, confirmed once approved (and after completion), cancelled with the plan', () => {
    expect(['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'].map((status) => planEventStatus(status as 'DRAFT'))).toEqual([
      'TENTATIVE',
      'TENTATIVE',
      'TENTATIVE',
    ]);
    expect(['APPROVED', 'ACTIVE', 'COMPLETED'].map((status) => planEventStatus(status as 'APPROVED'))).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(planEventStatus('CANCELLED')).toBe('CANCELLED');
    expect(planEventStatus('STOOD_DOWN')).toBe('CANCELLED');
  });

  it('say why a day of action was stood down', () => {
    const stoodDown = { ...plan, status: 'STOOD_DOWN' as const, cancelReason: 'The subjects left the address overnight' };
    const event = events(feedCalendar({ agencyCode: 'WMP', siteUrl: 'https://planner.example', plans: [stoodDown], deployments: [] }))[
      `${plan.id}@planner`
    ];
    expect(event.status).toBe('CANCELLED');
    expect(event.description).toBe(
      [
        'OFFICIAL-SENSITIVE: Not for release',
        'Status: Stood down',
        'Stood down: The subjects left the address overnight',
        'Window: Tue, 1 June 2027 at 05:00 BST to 17:00 BST',
        'Plan page: https://planner.example/plans/OP-2027-0042',
      ].join('\n'),
    );
  });

  it('keep a team that went on the day, and cancel one released before it', () => {
    expect(deploymentEventStatus({ status: 'CONFIRMED', releasedOnCompletion: false, planStatus: 'ACTIVE' })).toBe('CONFIRMED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: true, planStatus: 'COMPLETED' })).toBe('CONFIRMED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: false, planStatus: 'CANCELLED' })).toBe('CANCELLED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: false, planStatus: 'APPROVED' })).toBe('CANCELLED');
    expect(deploymentEventStatus({ status: 'RELEASED', releasedOnCompletion: false, planStatus: 'STOOD_DOWN' })).toBe('CANCELLED');
  });

  it('parse back with stable UIDs, sequences, UTC times and the text escaped', () => {
    const released = {
      ...deployment,
      id: '5d7c1d1e-0000-4000-8000-000000000003',
      status: 'RELEASED' as const,
      releaseReason: OWNER_RELEASE,
      version: 3,
    };
    const completed = {
      ...deployment,
      id: '5d7c1d1e-0000-4000-8000-000000000004',
      status: 'RELEASED' as const,
      releaseReason: COMPLETED_RELEASE,
      releasedOnCompletion: true,
    };
    const text = feedCalendar({
      agencyCode: 'WMP',
      siteUrl: 'https://planner.example',
      plans: [plan],
      deployments: [deployment, released, completed],
    });
    expect(text).toContain('DTSTART:20270601T040000Z');
    const parsed = events(text);
    const planEvent = parsed[`${plan.id}@planner`];
    expect(planEvent).toMatchObject({ type: 'VEVENT', sequence: 7, status: 'CONFIRMED', summary: `OP-2027-0042: ${plan.name}` });
    expect(planEvent.start?.toISOString()).toBe('2027-06-01T04:00:00.000Z');
    expect(planEvent.description).toBe(
      [
        'OFFICIAL-SENSITIVE: Not for release',
        'Status: Approved',
        'Window: Tue, 1 June 2027 at 05:00 BST to 17:00 BST',
        'Plan page: https://planner.example/plans/OP-2027-0042',
      ].join('\n'),
    );
    expect(planEvent.location).toBeUndefined();
    expect(text).not.toContain('LOCATION');
    expect(parsed[`${deployment.id}@planner`]).toMatchObject({
      sequence: 9,
      status: 'CONFIRMED',
      summary: 'HMRC Birmingham on OP-2027-0042',
    });
    expect(parsed[`${deployment.id}@planner`].description).toBe(
      [
        'OFFICIAL-SENSITIVE: Not for release',
        'Team: HMRC Birmingham (Confirmed)',
        'Team window: Tue, 1 June 2027 at 06:00 BST to 11:00 BST',
        `Plan: OP-2027-0042: ${plan.name} (Approved)`,
        'Plan window: Tue, 1 June 2027 at 05:00 BST to 17:00 BST',
        'Plan page: https://planner.example/plans/OP-2027-0042',
      ].join('\n'),
    );
    expect(parsed[`${released.id}@planner`]).toMatchObject({ sequence: 10, status: 'CANCELLED' });
    expect(parsed[`${released.id}@planner`].description).toContain(`Released: ${OWNER_RELEASE}`);
    expect(parsed[`${completed.id}@planner`]).toMatchObject({ status: 'CONFIRMED' });
    expect(parsed[`${completed.id}@planner`].description).not.toContain(CANCELLED_RELEASE);
  });

  it('begin with the plan’s marking and are CONFIDENTIAL for an OFFICIAL-SENSITIVE plan, PRIVATE for an OFFICIAL one', () => {
    const official = {
      ...plan,
      id: '5d7c1d1e-0000-4000-8000-000000000005',
      classification: 'OFFICIAL' as const,
      handlingInstruction: null,
    };
    const officialTeam = {
      ...deployment,
      id: '5d7c1d1e-0000-4000-8000-000000000006',
      classification: 'OFFICIAL' as const,
      handlingInstruction: null,
    };
    const parsed = events(
      feedCalendar({
        agencyCode: 'WMP',
        siteUrl: 'https://planner.example',
        plans: [plan, official],
        deployments: [deployment, officialTeam],
      }),
    );
    const sensitive = [parsed[`${plan.id}@planner`], parsed[`${deployment.id}@planner`]];
    const plain = [parsed[`${official.id}@planner`], parsed[`${officialTeam.id}@planner`]];
    for (const event of sensitive) {
      expect(event.class).toBe('CONFIDENTIAL');
      expect(String(event.description).split('\n')[0]).toBe('OFFICIAL-SENSITIVE: Not for release');
    }
    for (const event of plain) {
      expect(event.class).toBe('PRIVATE');
      expect(String(event.description).split('\n')[0]).toBe('OFFICIAL');
    }
    expect(eventClass({ classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null })).toBe('CONFIDENTIAL');
    expect(eventClass({ classification: 'OFFICIAL', handlingInstruction: 'Not for release' })).toBe('PRIVATE');
  });

  it('read back whole with ical.js, a strict RFC 5545 parser: every line ends in CRLF, the last too, and the calendar’s own text is escaped', () => {
    const completedPlan = { ...plan, status: 'COMPLETED' as const };
    const wentOnTheDay = {
      ...deployment,
      status: 'RELEASED' as const,
      releaseReason: COMPLETED_RELEASE,
      releasedOnCompletion: true,
      planStatus: 'COMPLETED' as const,
    };
    const text = feedCalendar({
      agencyCode: 'WMP',
      siteUrl: 'https://planner.example',
      plans: [completedPlan],
      deployments: [wentOnTheDay],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // The calendar's name and description are TEXT, as calendar apps read them (RFC 7986's NAME and DESCRIPTION).
    Object.assign(ICAL.design.icalendar.property, { 'x-wr-calname': { defaultType: 'text' }, 'x-wr-caldesc': { defaultType: 'text' } });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe(FEED_DESCRIPTION);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Days of action – WMP');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const byUid = Object.fromEntries(events.map((event) => [event.uid, event]));
    // A completed plan and the team that went on its day agree: both stood, and the team is told as confirmed.
    expect(byUid[`${plan.id}@planner`].component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid[`${plan.id}@planner`].description).toContain('Status: Completed');
    expect(byUid[`${plan.id}@planner`].summary).toBe(`OP-2027-0042: ${plan.name}`);
    expect(byUid[`${deployment.id}@planner`].component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid[`${deployment.id}@planner`].description).toContain('Team: HMRC Birmingham (Confirmed)');
    expect(byUid[`${deployment.id}@planner`].description).toContain(`Plan: OP-2027-0042: ${plan.name} (Completed)`);
  });
});
