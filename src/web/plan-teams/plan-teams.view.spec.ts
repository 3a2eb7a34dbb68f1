import type { AuthUser } from '../../common/auth/auth-user';
import type { DeploymentView, OperationView } from '../../operations/dto/plan-view.dto';
import type { TeamView } from '../../reference-data/dto/team.dto';
import { EMPTY } from './plan-teams.form';
import { releasePage, TeamsFacts, teamsView } from './plan-teams.view';

const OWNER = { id: 'agency-owner', name: 'Northshire Police', code: 'NSP' };
const PARTNER = { id: 'agency-partner', name: 'Gangmasters Authority', code: 'GLAA' };
const viewer = (agency: { id: string }, roles: AuthUser['roles']): AuthUser =>
  ({ id: 'user', email: 'u@example.org', name: 'U', roles, agencyId: agency.id, agencyCode: 'X', agencyKind: 'POLICE' }) as AuthUser;
const team = (id: string, agency: typeof OWNER): TeamView => ({
  id,
  agencyId: agency.id,
  agencyCode: agency.code,
  name: `Team ${id}`,
  capabilities: ['ENTRY'],
  capacity: 6,
});
const deployment = (
  id: string,
  agency: typeof OWNER,
  status: DeploymentView['status'],
  bookedElsewhere: DeploymentView['bookedElsewhere'] = null,
) =>
  ({
    id,
    team: { id, name: `Team ${id}`, capacity: 6 },
    agency,
    status,
    bookedElsewhere,
    powers: [],
    rvPoint: null,
    headcount: 2,
    startsAt: '2031-03-01T05:00:00.000Z',
    endsAt: '2031-03-01T17:00:00.000Z',
    requestedBy: { name: 'Olive Owner' },
    requestedAt: '2031-02-01T09:00:00.000Z',
  }) as unknown as DeploymentView;
const plan = (deployments: DeploymentView[]) =>
  ({ reference: 'OP-2026-0001', owningAgency: OWNER, deployments, rvPoints: [] }) as unknown as OperationView;
const facts = (overrides: Partial<TeamsFacts>): TeamsFacts => ({
  plan: plan([]),
  viewer: viewer(OWNER, ['COORDINATOR']),
  teams: [],
  busy: new Map(),
  choices: [],
  answerers: new Map(),
  ...overrides,
});

describe('the teams page of a plan', () => {
  it('says a team confirmed for another plan at the same time only while it is on this one, and in words what it is booked for elsewhere', () => {
    const view = teamsView(
      facts({
        plan: plan([
          deployment('a', OWNER, 'REQUESTED', 'CONFIRMED'),
          deployment('b', OWNER, 'RELEASED', 'CONFIRMED'),
          deployment('c', OWNER, 'CONFIRMED', 'REQUESTED'),
          deployment('d', OWNER, 'CONFIRMED'),
        ]),
      }),
      EMPTY,
    );
    expect(view.deployments.map((row) => [row.active, row.confirmedElsewhere, row.elsewhereText])).toEqual([
      [true, true, 'Confirmed for another plan: confirming here is refused'],
      [false, false, 'Confirmed for another plan: confirming here is refused'],
      [true, false, 'Also requested by another plan'],
      [true, false, 'Free'],
    ]);
  });

  it('ticks the premises a team is allocated to, and lists each team’s premises in the plan’s order, or says they are not shared', () => {
    const locations = [
      { id: 'loc-1', label: 'Car wash', postcode: 'B12 9QA' },
      { id: 'loc-2', label: 'House', postcode: 'B11 1AA' },
    ];
    const allocated = (id: string, locationIds?: string[]) => ({ ...deployment(id, OWNER, 'CONFIRMED'), locationIds }) as DeploymentView;
    const withLocations = { ...plan([allocated('a', ['loc-2', 'loc-1']), allocated('b', []), allocated('c')]), locations } as OperationView;
    const view = teamsView(facts({ plan: withLocations }), { ...EMPTY, locationIds: ['loc-2'] });
    expect(view.locationItems).toEqual([
      { value: 'loc-1', text: 'Car wash (B12 9QA)', checked: false },
      { value: 'loc-2', text: 'House (B11 1AA)', checked: true },
    ]);
    expect(view.deployments.map((row) => row.premisesText)).toEqual([
      'Car wash (B12 9QA), House (B11 1AA)',
      'None',
      'Not shared with your agency',
    ]);
    expect(teamsView(facts({ plan: plan([allocated('a', ['loc-1'])]) }), EMPTY)).toMatchObject({
      locationItems: [],
      deployments: [{ premisesText: 'Not shared with your agency' }],
    });
  });

  it('offers the requests for the viewer’s agency to its coordinator, or to its manager while it has no coordinator, and to nobody else', () => {
    const requests = plan([
      deployment('a', PARTNER, 'REQUESTED'),
      deployment('b', PARTNER, 'CONFIRMED'),
      deployment('c', OWNER, 'REQUESTED'),
    ]);
    const answered = (roles: AuthUser['roles'], answerer: 'COORDINATOR' | 'MANAGER' | 'NOBODY') =>
      teamsView(
        facts({ plan: requests, viewer: viewer(PARTNER, roles), answerers: new Map([[PARTNER.id, answerer]]) }),
        EMPTY,
      ).toAnswer.map((row) => row.id);
    expect(answered(['COORDINATOR'], 'COORDINATOR')).toEqual(['a']);
    expect(answered(['MANAGER'], 'COORDINATOR')).toEqual([]);
    expect(answered(['MANAGER'], 'MANAGER')).toEqual(['a']);
    expect(answered(['COORDINATOR'], 'NOBODY')).toEqual([]);
  });

  it('shows the partner answering a request the premises it is allocated to, only when their agency sees the places', () => {
    const locations = [
      { id: 'loc-1', label: 'Car wash', postcode: 'B12 9QA' },
      { id: 'loc-2', label: 'House', postcode: 'B11 1AA' },
    ];
    const asked = (locationIds?: string[]) => ({ ...deployment('a', PARTNER, 'REQUESTED'), locationIds }) as DeploymentView;
    const answering = (request: DeploymentView, seen?: typeof locations) =>
      teamsView(
        facts({
          plan: { ...plan([request]), locations: seen } as OperationView,
          viewer: viewer(PARTNER, ['COORDINATOR']),
          answerers: new Map([[PARTNER.id, 'COORDINATOR']]),
        }),
        EMPTY,
      ).toAnswer[0].askedRows.map((row) => [row.key.text, row.value.text]);
    expect(answering(asked(['loc-1', 'loc-2']), locations)).toContainEqual(['Premises', 'Car wash (B12 9QA), House (B11 1AA)']);
    expect(answering(asked([]), locations)).toContainEqual(['Premises', 'None']);
    expect(answering(asked(), undefined).map(([key]) => key)).toEqual([
      'When',
      'Officers',
      'Tasking',
      'Powers needed',
      'RV point',
      'Call sign',
      'Asked by',
      'Elsewhere at this time',
    ]);
  });

  it('says who answers a request when the agency has no coordinator', () => {
    const view = teamsView(
      facts({
        plan: plan([deployment('a', PARTNER, 'REQUESTED'), deployment('b', PARTNER, 'CONFIRMED')]),
        answerers: new Map([[PARTNER.id, 'MANAGER']]),
      }),
      EMPTY,
    );
    expect(view.deployments.map((row) => row.answeredBy)).toEqual([
      'Gangmasters Authority has no coordinator: a manager of Gangmasters Authority will confirm or decline this request',
      '',
    ]);
  });

  it('offers only the teams not on the plan of agencies the support policy allows, and names the refused agencies with the reason', () => {
    const allowed = { agency: { ...OWNER }, support: { permitted: true, rule: 'R2', reason: '' } };
    const refused = {
      agency: { ...PARTNER },
      support: { permitted: false, rule: 'R2', reason: 'It does not support labour exploitation' },
    };
    const view = teamsView(
      facts({
        plan: plan([deployment('on', OWNER, 'CONFIRMED')]),
        teams: [team('on', OWNER), team('free', OWNER), team('busy', OWNER), team('partner', PARTNER)],
        busy: new Map([['busy', 'REQUESTED']]),
        choices: [allowed, refused] as TeamsFacts['choices'],
      }),
      { ...EMPTY, teamId: 'busy' },
    );
    expect(view.items.map((item) => [item.value, item.checked, item.hint.text])).toEqual([
      ['free', false, 'Entry. 6 officers. Free in this plan’s window.'],
      ['busy', true, 'Entry. 6 officers. Requested by another plan at this time.'],
    ]);
    expect(view.notOffered).toEqual([
      { key: { text: 'Gangmasters Authority' }, value: { text: 'It does not support labour exploitation' } },
    ]);
  });

  it('says before a team is released that a partner agency is told, and not the plan’s own', () => {
    const partnerTeam = deployment('a', PARTNER, 'CONFIRMED');
    expect(releasePage(plan([partnerTeam]), partnerTeam).doing).toBe(
      'Releasing Team a (Gangmasters Authority) takes the team off this plan and frees it for other plans. Gangmasters Authority is told on Your tasks. Evidence assigned to the team goes back to having no team.',
    );
    const ownTeam = deployment('b', OWNER, 'CONFIRMED');
    expect(releasePage(plan([ownTeam]), ownTeam)).toMatchObject({
      title: 'Release Team b',
      action: '/plans/OP-2026-0001/teams/release',
      fields: { deploymentId: 'b' },
    });
    expect(releasePage(plan([ownTeam]), ownTeam).doing).not.toContain('is told');
  });
});
