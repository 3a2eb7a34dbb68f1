import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { removalPage, risksView } from './risks.view';

const risk = (overrides: Partial<RiskView>): RiskView => ({
  hazard: 'DOGS',
  hazardDetail: null,
  likelihood: 2,
  impact: 2,
  score: 4,
  controls: 'Dog handler with the entry team',
  residual: 'LOW',
  owner: 'PS Jones',
  acceptedBy: null,
  intelligenceDerived: false,
  ...overrides,
});
const planWith = (risks: RiskView[]) => ({ reference: 'OP-2026-0001', risks }) as unknown as OperationView;

describe('the risk register page', () => {
  it('lists the highest residual risk first, then the highest score, keeping each risk’s place in the register', () => {
    const plan = planWith([
      risk({ residual: 'LOW', score: 20 }),
      risk({ residual: 'HIGH', score: 6, acceptedBy: 'Supt Clarke' }),
      risk({ residual: 'MEDIUM', score: 9 }),
      risk({ residual: 'HIGH', score: 12, acceptedBy: 'Supt Clarke' }),
    ]);
    expect(risksView(plan).register.map((row) => [row.residual, row.score, row.index])).toEqual([
      ['HIGH', 12, 3],
      ['HIGH', 6, 1],
      ['MEDIUM', 9, 2],
      ['LOW', 20, 0],
    ]);
  });

  it('says a high residual risk nobody accepted (or only a blank name) is not accepted yet, and names it as holding the plan back', () => {
    const plan = planWith([
      risk({ hazard: 'OTHER', hazardDetail: 'Unsafe stairs', residual: 'HIGH' }),
      risk({ residual: 'HIGH', acceptedBy: 'Supt Clarke' }),
      risk({ hazard: 'WEAPONS', residual: 'HIGH', acceptedBy: ' ' }),
      risk({ residual: 'MEDIUM' }),
    ]);
    const view = risksView(plan);
    expect(view.unaccepted).toEqual(['Unsafe stairs', 'Weapons']);
    // The register says what holds the plan back, the same rule as the list above it and the readiness check.
    expect(view.register.map((row) => row.acceptedText)).toEqual(['Not accepted yet', 'Supt Clarke', 'Not accepted yet', '–']);
  });

  it('says before a risk is removed what goes with it, and posts its place back', () => {
    const page = removalPage(planWith([risk({}), risk({ hazard: 'OTHER', hazardDetail: 'Unsafe stairs', acceptedBy: 'Supt Clarke' })]), 1);
    expect(page).toEqual({
      title: 'Remove the risk: Unsafe stairs',
      doing: 'Removing Unsafe stairs takes it out of the risk register with its control measures and Supt Clarke’s acceptance.',
      action: '/plans/OP-2026-0001/risks',
      fields: { remove: '1' },
      button: 'Remove the risk',
      back: '/plans/OP-2026-0001/risks',
    });
  });
});
