import type { AuthUser } from '../common/auth/auth-user';
import { OPERATION_STATUSES, Role } from '../common/domain';
import { evidenceIsGathered, gatheringMayClose, PlanActionFacts, planActions, planHasEnded } from './plan-actions';

const now = new Date('2027-03-20T06:00:00Z');
const person = (id: string, agencyId: string, roles: Role[]): AuthUser => ({
  id,
  email: `${id}@test.local`,
  name: id,
  roles,
  agencyId,
  agencyCode: agencyId,
  agencyKind: 'POLICE',
});
const coordinator = person('coordinator', 'wmp', ['COORDINATOR']);
const manager = person('manager', 'wmp', ['MANAGER']);
const liaison = { ...person('liaison', 'cps', ['CPS_LIAISON']), agencyKind: 'CPS' as const };

const plan = (overrides: Partial<PlanActionFacts> = {}): PlanActionFacts => ({
  reference: 'OP-2027-0001',
  status: 'DRAFT',
  startsAt: new Date('2027-03-20T05:00:00Z'),
  leadAgencyId: 'wmp',
  createdByAgencyId: 'wmp',
  createdBy: 'coordinator',
  contentEditors: ['coordinator'],
  cpsInvolvement: { status: 'ENGAGED', liaison: { id: 'liaison' }, closedAt: null },
  ...overrides,
});

const offered = (viewer: AuthUser | null, facts: PlanActionFacts) =>
  Object.entries(planActions(viewer, facts, now))
    .filter(([, yes]) => yes)
    .map(([action]) => action);

describe('planActions', () => {
  it('offers the owner’s moves to a coordinator of the owning agency, and the review to a manager of the lead agency who did not work on it', () => {
    expect(offered(coordinator, plan())).toEqual(['submit', 'cancel', 'edit']);
    expect(offered(manager, plan({ status: 'SUBMITTED' }))).toEqual(['approve', 'requestChanges']);
    expect(offered(coordinator, plan({ status: 'SUBMITTED' }))).toEqual(['withdraw', 'cancel']);
  });

  it('keeps the review from a manager who created or changed the plan, or of another agency than the lead (R12)', () => {
    const both = person('both', 'wmp', ['COORDINATOR', 'MANAGER']);
    expect(offered(both, plan({ status: 'SUBMITTED', createdBy: 'both' }))).toEqual(['withdraw', 'cancel']);
    expect(offered(manager, plan({ status: 'SUBMITTED', contentEditors: ['manager'] }))).toEqual([]);
    expect(offered(person('other', 'nca', ['MANAGER']), plan({ status: 'SUBMITTED' }))).toEqual([]);
    expect(offered(manager, plan({ status: 'SUBMITTED', leadAgencyId: null }))).toEqual([]);
  });

  it('offers completion only once the window has opened, and standing down at any time under way', () => {
    expect(offered(coordinator, plan({ status: 'ACTIVE' }))).toEqual(['complete', 'standDown']);
    expect(offered(coordinator, plan({ status: 'ACTIVE', startsAt: new Date('2027-03-20T07:00:00Z') }))).toEqual(['standDown']);
  });

  it('offers nothing on a plan that has ended but the engaged liaison’s closing of evidence gathering, once completed or stood down', () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'STOOD_DOWN'] as const) expect(offered(coordinator, plan({ status }))).toEqual([]);
    for (const status of ['COMPLETED', 'STOOD_DOWN'] as const) {
      expect(offered(liaison, plan({ status }))).toEqual(['closeEvidenceGathering']);
      expect(
        offered(
          liaison,
          plan({ status, cpsInvolvement: { status: 'ENGAGED', liaison: { id: 'liaison' }, closedAt: '2027-04-01T00:00:00Z' } }),
        ),
      ).toEqual([]);
    }
    for (const status of ['ACTIVE', 'CANCELLED'] as const) expect(offered(liaison, plan({ status }))).toEqual([]);
  });

  it('lets the engaged liaison set evidence while the plan is edited, and nobody else', () => {
    expect(offered(liaison, plan())).toEqual(['setEvidence']);
    expect(offered(liaison, plan({ status: 'SUBMITTED' }))).toEqual([]);
    expect(offered(person('another', 'cps', ['CPS_LIAISON']), plan())).toEqual([]);
    expect(offered(liaison, plan({ cpsInvolvement: { status: 'REQUESTED', liaison: null, closedAt: null } }))).toEqual([]);
  });

  it('offers nothing to the service’s own reads', () => {
    expect(offered(null, plan())).toEqual([]);
  });

  it('judges evidence by how far the day of action got: gathered from its start, closed once it is over, never on a plan cancelled before it', () => {
    const where = (rule: (status: (typeof OPERATION_STATUSES)[number]) => boolean) => OPERATION_STATUSES.filter(rule);
    expect(where(planHasEnded)).toEqual(['COMPLETED', 'CANCELLED', 'STOOD_DOWN']);
    expect(where(evidenceIsGathered)).toEqual(['ACTIVE', 'COMPLETED', 'STOOD_DOWN']);
    expect(where(gatheringMayClose)).toEqual(['COMPLETED', 'STOOD_DOWN']);
  });
});
