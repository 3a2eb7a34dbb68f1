import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ConflictView } from '../../workflow/dto/workflow.dto';
import { conflictsView, cpsView } from './cps.view';

type Plan = Parameters<typeof cpsView>[0];

function plan(status: string | null, edit: boolean): Plan {
  return { cpsInvolvement: status === null ? null : ({ status } as Plan['cpsInvolvement']), actions: { edit } as OperationView['actions'] };
}

describe('the early CPS involvement page', () => {
  it('lets the owner ask when nothing was asked, or the last request was withdrawn or declined', () => {
    for (const status of [null, 'WITHDRAWN', 'DECLINED']) {
      expect(cpsView(plan(status, true), false)).toEqual({ mayAnswer: false, mayWithdraw: false, mayRequest: true });
    }
  });

  it('lets the owner withdraw a request that waits, and a liaison answer it; nobody asks again meanwhile', () => {
    expect(cpsView(plan('REQUESTED', true), false)).toEqual({ mayAnswer: false, mayWithdraw: true, mayRequest: false });
    expect(cpsView(plan('REQUESTED', false), true)).toEqual({ mayAnswer: true, mayWithdraw: false, mayRequest: false });
  });

  it('offers nothing once a liaison is engaged', () => {
    expect(cpsView(plan('ENGAGED', true), true)).toEqual({ mayAnswer: false, mayWithdraw: false, mayRequest: false });
  });

  it('offers the owner’s moves only to someone who may change the plan', () => {
    expect(cpsView(plan(null, false), false)).toEqual({ mayAnswer: false, mayWithdraw: false, mayRequest: false });
    expect(cpsView(plan('REQUESTED', false), false)).toEqual({ mayAnswer: false, mayWithdraw: false, mayRequest: false });
  });
});

describe('the deconfliction page', () => {
  const hit = {
    hitId: 'h1',
    reference: 'OP-2027-0002',
    kinds: ['PHONE'],
    raisedAt: '2027-01-01T10:00:00.000Z',
    stands: true,
    acknowledgement: null,
  } as unknown as ConflictView;

  it('shows each hit in words, and says whether the plan’s intelligence is shared with the viewer', () => {
    const view = conflictsView({ sections: ['INTELLIGENCE'] } as Pick<OperationView, 'sections'>, [hit]);
    expect(view.hitsShared).toBe(true);
    expect(view.hits).toEqual([expect.objectContaining({ hitId: 'h1', state: 'To acknowledge', overlapText: '' })]);
    expect(conflictsView({ sections: [] } as unknown as Pick<OperationView, 'sections'>, []).hitsShared).toBe(false);
  });
});
