import type { OperationView } from '../../operations/dto/plan-view.dto';
import { riskForm } from './risks.form';

describe('the risk form', () => {
  const plan = { risks: [{}, {}] } as unknown as OperationView;
  const fieldOf = (index: number | undefined, apiField: string) => {
    const { fields } = riskForm({}, index);
    return typeof fields === 'function' ? fields(plan).id(apiField) : fields.id(apiField);
  };

  it('adds a risk when no place in the register is posted, its problems being those of the risk after the last', () => {
    expect(riskForm({}, undefined).creates).toBe(true);
    expect([fieldOf(undefined, 'risks.2.hazard'), fieldOf(undefined, 'risks.0.hazard')]).toEqual(['hazard', '']);
  });

  it('changes the risk at the place posted, showing only that risk’s problems against the form', () => {
    expect(riskForm({}, 0).creates).toBe(false);
    expect([fieldOf(0, 'risks.0.likelihood'), fieldOf(0, 'risks.2.hazard')]).toEqual(['likelihood', '']);
  });
});
