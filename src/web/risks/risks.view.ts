import { label } from '../../common/labels';
import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ConfirmationPage } from '../plan-page';
import { awaitsAcceptance, needsSeniorAcceptance } from '../../operations/order';

/** Highest residual first. */
const RESIDUAL_RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** A risk of the register as the page lists it: its place in the plan's register, its name, and who accepted it in words. */
export interface RiskRow extends RiskView {
  index: number;
  name: string;
  acceptedText: string;
}

export function hazardName(risk: Pick<RiskView, 'hazard' | 'hazardDetail'>): string {
  return risk.hazard === 'OTHER' ? risk.hazardDetail || label('hazard', 'OTHER') : label('hazard', risk.hazard);
}

/** A high residual risk needs a senior officer's acceptance before the plan is submitted (the readiness check). */

/** The register, highest residual risk first (then highest score), and the high risks nobody has accepted yet. */
export function risksView(plan: OperationView): { register: RiskRow[]; unaccepted: string[] } {
  const register = plan.risks
    .map((risk, index) => ({
      ...risk,
      index,
      name: hazardName(risk),
      acceptedText: risk.acceptedBy || (needsSeniorAcceptance(risk.residual) ? 'Not accepted yet' : '–'),
    }))
    .sort((a, b) => RESIDUAL_RANK[a.residual] - RESIDUAL_RANK[b.residual] || b.score - a.score || a.index - b.index);
  return { register, unaccepted: register.filter(awaitsAcceptance).map((risk) => risk.name) };
}

/** What removing the risk at `index` does, said before it is done. */
export function removalPage(plan: OperationView, index: number): ConfirmationPage {
  const risk = plan.risks[index];
  const back = `/plans/${plan.reference}/risks`;
  return {
    title: `Remove the risk: ${hazardName(risk)}`,
    doing: `Removing ${hazardName(risk)} takes it out of the risk register with its control measures${risk.acceptedBy ? ` and ${risk.acceptedBy}’s acceptance` : ''}.`,
    action: back,
    fields: { remove: String(index) },
    button: 'Remove the risk',
    back,
  };
}
