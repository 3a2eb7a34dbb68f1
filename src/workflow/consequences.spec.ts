import type { OperationView } from '../operations/dto/plan-view.dto';
import { afterTheChange, beforeTheChange, consequencesOf, listed } from './consequences';

const agency = (code: string, name = `${code} agency`) => ({ id: code, code, name, kind: 'HMRC' as const });
const plan = (overrides: Partial<OperationView>): OperationView =>
  ({ status: 'DRAFT', owningAgency: agency('MPS', 'Metropolitan Police'), signOffs: [], deployments: [], ...overrides }) as OperationView;
const deployment = (id: string, code: string, status: string) => ({ id, team: { id, name: `Team ${id}` }, agency: agency(code), status });

describe('the consequences of a change to a plan', () => {
  it('finds the approval withdrawn, sign-offs withdrawn, partners asked again, teams released and the lead handed on', () => {
    const before = plan({
      status: 'APPROVED',
      signOffs: [
        { agency: agency('BF', 'Border Force'), state: 'SIGNED_OFF' },
        { agency: agency('SA', 'The Salvation Army'), state: 'SIGNED_OFF' },
      ] as OperationView['signOffs'],
      deployments: [
        deployment('1', 'BF', 'CONFIRMED'),
        deployment('2', 'SA', 'CONFIRMED'),
        deployment('3', 'GLAA', 'REQUESTED'),
      ] as OperationView['deployments'],
    });
    const after = plan({
      status: 'DRAFT',
      owningAgency: agency('NCA', 'National Crime Agency'),
      signOffs: [
        { agency: agency('BF', 'Border Force'), state: 'WITHDRAWN' },
        { agency: agency('SA', 'The Salvation Army'), state: 'SIGNED_OFF' },
      ] as OperationView['signOffs'],
      deployments: [
        deployment('1', 'BF', 'REQUESTED'),
        deployment('2', 'SA', 'CONFIRMED'),
        deployment('3', 'GLAA', 'RELEASED'),
      ] as OperationView['deployments'],
    });
    const found = consequencesOf(before, after);
    expect(found).toEqual([
      { kind: 'RETURNS_TO_DRAFT' },
      { kind: 'SIGN_OFFS_WITHDRAWN', agencies: ['Border Force'] },
      { kind: 'ASKED_AGAIN', agencies: ['BF agency'] },
      { kind: 'TEAMS_RELEASED', teams: ['Team 3 (GLAA agency)'] },
      { kind: 'LEAD_HANDED_ON', to: 'National Crime Agency' },
    ]);
    expect(beforeTheChange('Saving', 'OP-2026-0004', found.slice(0, 2))).toBe(
      'Saving OP-2026-0004 returns the plan to draft and withdraws its approval: a manager must approve it again; withdraws the sign-off of Border Force, who must sign off again.',
    );
  });

  it('finds nothing when nothing others rely on changes', () => {
    const same = plan({ deployments: [deployment('1', 'BF', 'CONFIRMED')] as OperationView['deployments'] });
    expect(consequencesOf(same, same)).toEqual([]);
  });

  it('says afterwards only what it knows, in its own words', () => {
    expect(afterTheChange(['RETURNS_TO_DRAFT', 'made up'])).toBe(
      'Saved. The plan went back to draft and its approval was withdrawn: a manager must approve it again.',
    );
    expect(afterTheChange(['made up'])).toBeUndefined();
    expect([listed(['A']), listed(['A', 'B']), listed(['A', 'B', 'C'])]).toEqual(['A', 'A and B', 'A, B and C']);
  });
});
