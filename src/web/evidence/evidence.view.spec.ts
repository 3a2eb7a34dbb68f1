import type { AuthUser } from '../../common/auth/auth-user';
import type { EvidenceStatus, OperationStatus } from '../../common/domain';
import type { EvidenceRequirementView, OperationView } from '../../operations/dto/plan-view.dto';
import { evidenceView } from './evidence.view';

const OWNER = { id: 'agency-owner', code: 'NSP' };
const GATHERER = { id: 'agency-gatherer', code: 'GLAA' };
const person = (id: string, agencyId: string, roles: AuthUser['roles']): AuthUser => ({ id, agencyId, roles }) as AuthUser;
const LIAISON = person('liaison', 'agency-cps', ['CPS_LIAISON']);
const requirement = (id: string, status: EvidenceStatus, offence = 'MSA_S2_HUMAN_TRAFFICKING') =>
  ({ id, status, offence, assignedTeam: { id: 'team', name: 'Team', agency: GATHERER } }) as unknown as EvidenceRequirementView;
const plan = (status: OperationStatus, requirements: EvidenceRequirementView[], cps = 'ENGAGED') =>
  ({
    status,
    canEdit: true,
    owningAgency: OWNER,
    cpsInvolvement: { status: cps, liaison: { id: LIAISON.id } },
    evidenceRequirements: requirements,
    deployments: [
      { status: 'CONFIRMED', team: { id: 'team-1', name: 'Entry team' }, agency: OWNER },
      { status: 'REQUESTED', team: { id: 'team-2', name: 'Search team' }, agency: GATHERER },
    ],
  }) as unknown as OperationView;
const ALL: EvidenceStatus[] = ['OPEN', 'ASSIGNED', 'GATHERED', 'ACCEPTED', 'REJECTED'];
const everyStatus = ALL.map((status) => requirement(status, status));
const offered = (view: ReturnType<typeof evidenceView>, move: 'mayChange' | 'mayAssign' | 'mayGather' | 'mayDecide') =>
  view.groups
    .flatMap((group) => group.requirements)
    .filter((row) => row[move])
    .map((row) => row.id);

describe('the evidence page of a plan', () => {
  it('offers the engaged liaison changes to open and assigned requirements and a decision on gathered ones, and nothing to record', () => {
    const view = evidenceView(plan('ACTIVE', everyStatus), LIAISON);
    expect(offered(view, 'mayChange')).toEqual(['OPEN', 'ASSIGNED']);
    expect(offered(view, 'mayDecide')).toEqual(['GATHERED']);
    expect(offered(view, 'mayAssign')).toEqual([]);
    expect(offered(view, 'mayGather')).toEqual([]);
    expect(view.engaged).toBe(true);
  });

  it('offers a liaison no longer engaged nothing', () => {
    const view = evidenceView(plan('ACTIVE', everyStatus, 'WITHDRAWN'), LIAISON);
    expect([...offered(view, 'mayChange'), ...offered(view, 'mayDecide')]).toEqual([]);
    expect(view.engaged).toBe(false);
  });

  it('offers the owner’s coordinator to assign open and assigned requirements to one of the confirmed teams', () => {
    const view = evidenceView(plan('APPROVED', everyStatus), person('owner', OWNER.id, ['COORDINATOR']));
    expect(offered(view, 'mayAssign')).toEqual(['OPEN', 'ASSIGNED']);
    expect(view.teams).toEqual([{ value: 'team-1', text: 'Entry team (NSP)' }]);
    expect(offered(evidenceView(plan('APPROVED', everyStatus), person('manager', OWNER.id, ['MANAGER'])), 'mayAssign')).toEqual([]);
  });

  it('offers the assigned team’s coordinator to record assigned or rejected evidence from the day of action on, and not before', () => {
    const coordinator = person('gatherer', GATHERER.id, ['COORDINATOR']);
    expect(offered(evidenceView(plan('ACTIVE', everyStatus), coordinator), 'mayGather')).toEqual(['ASSIGNED', 'REJECTED']);
    expect(offered(evidenceView(plan('COMPLETED', everyStatus), coordinator), 'mayGather')).toEqual(['ASSIGNED', 'REJECTED']);
    expect(offered(evidenceView(plan('APPROVED', everyStatus), coordinator), 'mayGather')).toEqual([]);
  });

  it('groups the requirements by offence in the order of the offences, leaving out offences with none', () => {
    const view = evidenceView(
      plan('DRAFT', [
        requirement('a', 'OPEN', 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR'),
        requirement('b', 'OPEN', 'MSA_S2_HUMAN_TRAFFICKING'),
        requirement('c', 'OPEN', 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR'),
      ]),
      LIAISON,
    );
    expect(view.groups.map((group) => [group.offence, group.requirements.map((row) => row.id)])).toEqual([
      ['MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', ['a', 'c']],
      ['MSA_S2_HUMAN_TRAFFICKING', ['b']],
    ]);
  });
});
