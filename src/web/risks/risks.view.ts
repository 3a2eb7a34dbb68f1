import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { ConfirmationPage } from '../plan-page';
import { awaitsAcceptance, hazardName, registerOrder } from '../../operations/order';

/** A risk of the register as the page lists it: its place in the plan's register, its name, and who accepted it in words. */
export interface RiskRow extends RiskView {
  index: number;
  name: string;
  acceptedText: string;
}

/** The register, highest residual risk first (then highest score), and the high risks nobody has accepted yet. */
export function risksView(plan: OperationView): { register: RiskRow[]; unaccepted: string[] } {
  const register = registerOrder(
    plan.risks.map((risk, index) => ({
      ...risk,
      index,
      name: hazardName(risk),
      acceptedText: awaitsAcceptance(risk) ? 'Not accepted yet' : risk.acceptedBy?.trim() || '–',
    })),
  );
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
