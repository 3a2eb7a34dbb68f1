import { isActiveDeployment } from '../../common/domain';
import { ukDateTime } from '../../common/uk-time';
import { rvText } from '../../workflow/briefing';
import type { RvPointView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { seenInFull } from '../../operations/plan-views';
import type { ConfirmationPage } from '../plan-page';
import type { RvForm } from './order.form';

/** The timings page's RV points, each with its meeting time in words, and the one being changed, if it is still on the plan. */
export function timingsView(plan: OperationView, rv: RvForm) {
  const rvRows = plan.rvPoints.map((point) => ({ ...point, meetText: ukDateTime(point.meetAt) }));
  const changing = plan.rvPoints.some((point) => point.id === rv.id) ? rv.id : undefined;
  return { rvRows, changing };
}

/** The teams taking part (requested or confirmed, as the deployments service counts them), each with where it meets, for the communications page. */
export function communicationsView(plan: OperationView) {
  const teams = plan.deployments
    .filter((deployment) => isActiveDeployment(deployment.status))
    .map((deployment) => ({
      ...deployment,
      full: seenInFull(deployment),
      rvText: deployment.rvPoint ? rvText(deployment.rvPoint) : '',
    }));
  return { teams };
}

/** What removing an RV point does, said before it is done. */
export function rvRemovalPage(plan: OperationView, point: RvPointView): ConfirmationPage {
  return {
    title: `Remove ${point.name}`,
    doing: `Removing ${point.name}, ${point.address} (${ukDateTime(point.meetAt)}) takes it off the plan’s timings.`,
    action: `/plans/${plan.reference}/timings/rv-points/remove`,
    fields: { rvPointId: point.id },
    button: 'Remove the RV point',
    back: `/plans/${plan.reference}/timings`,
  };
}
