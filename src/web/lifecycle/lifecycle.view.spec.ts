import type { OperationView } from '../../operations/dto/plan-view.dto';
import { cancelView, completeView, standDownView, teamsHeld, unavailable } from './lifecycle.view';

const owner = { id: 'a-wmp', name: 'West Midlands Police', code: 'WMP' };
const plan = (status: string, extra: Partial<Record<keyof OperationView, unknown>> = {}) =>
  ({
    reference: 'OP-2031-0001',
    status,
    startsAt: '2031-03-01T05:00:00.000Z',
    owningAgency: owner,
    deployments: [],
    cpsInvolvement: null,
    ...extra,
  }) as unknown as OperationView;
const before = new Date('2031-02-01T00:00:00.000Z');
const after = new Date('2031-03-02T00:00:00.000Z');

describe('the lifecycle pages', () => {
  it('say why a move is not possible from where the plan stands, in the lifecycle’s own words', () => {
    expect(unavailable(plan('DRAFT'), 'start', after)).toBe(
      'OP-2031-0001 is a draft: it cannot be started yet; only an approved plan can be.',
    );
    expect(unavailable(plan('COMPLETED'), 'cancel', after)).toMatch(/^OP-2031-0001 is completed: it can no longer be cancelled/);
  });

  it('say a day under way cannot be completed before it starts', () => {
    expect(unavailable(plan('ACTIVE'), 'complete', before)).toBe(
      'OP-2031-0001 starts Sat, 1 March 2031 at 05:00 GMT; it can be completed only after it has started.',
    );
  });

  it('say who may make a move the plan allows, when the reader may not', () => {
    expect(unavailable(plan('ACTIVE'), 'complete', after)).toBe('Only a coordinator of West Midlands Police can do this.');
  });

  it('list the teams ending the plan releases: those requested or confirmed', () => {
    const deployments = ['REQUESTED', 'CONFIRMED', 'DECLINED', 'RELEASED'].map((status) => ({ status }));
    expect(teamsHeld(plan('ACTIVE', { deployments })).map((d) => d.status)).toEqual(['REQUESTED', 'CONFIRMED']);
    expect(cancelView(plan('DRAFT', { deployments }), after).released).toHaveLength(2);
  });

  it('warn that standing down withdraws a CPS request nobody answered, and only then', () => {
    expect(standDownView(plan('ACTIVE', { cpsInvolvement: { status: 'REQUESTED' } }), after).cpsRequestOpen).toBe(true);
    expect(standDownView(plan('ACTIVE', { cpsInvolvement: { status: 'ENGAGED' } }), after).cpsRequestOpen).toBe(false);
    expect(standDownView(plan('ACTIVE'), after).cpsRequestOpen).toBe(false);
  });

  it('start completing from the log’s figures, each field saying what the log counted', () => {
    const logged = { arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 0 };

    expect(completeView(undefined, logged)).toEqual({
      fromLog: true,
      values: { arrests: '3', potentialVictimsSafeguarded: '2', nrmReferrals: '1', premisesVisited: '0' },
      logged: {
        arrests: 'The day’s log counted 3',
        potentialVictimsSafeguarded: 'The day’s log counted 2',
        nrmReferrals: 'The day’s log counted 1',
        premisesVisited: 'The day’s log counted 0',
      },
    });
  });

  it('keep what the owner typed when the completion is shown again, and leave the fields empty when nothing was logged', () => {
    const typed = { arrests: '4', potentialVictimsSafeguarded: '', nrmReferrals: 'x', premisesVisited: '1', notes: '' };

    expect(completeView(typed, { arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 0 }).values).toBe(typed);
    expect(completeView(undefined, null)).toEqual({
      fromLog: false,
      values: { arrests: '', potentialVictimsSafeguarded: '', nrmReferrals: '', premisesVisited: '' },
      logged: {},
    });
  });
});
