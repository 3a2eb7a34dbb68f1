import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { UpdateOperationDto } from '../operations/dto/operation.dto';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlanEditingService } from '../operations/plan-editing.service';
import { checkedBody, FieldMap } from './form-errors';
import type { FormValues } from './form-merge';
import { FieldError } from './page';
import type { Save } from './plan-page';

/**
 * What an edit form changes of the plan, as the API takes it (without the version), with the form's
 * own errors and where the API's fields are on the form; or why the whole form is refused.
 */
export type PlanChange = { change: Record<string, unknown>; fields: FieldMap; errors?: FieldError[] } | { refused: FieldError };

/** The form's own errors, then the API's, as they come. */
export const asTheyCome = (ours: FieldError[], theirs: FieldError[] = []): FieldError[] => [...ours, ...theirs];

/**
 * Saves an edit form (PlanPages.edit) as a change to the plan, against its version now: checked as
 * the API checks it, the form's own errors and the API's coming back together in `order`.
 */
export function savePlanChange<V extends FormValues>(
  editing: PlanEditingService,
  request: AuthenticatedRequest,
  changeOf: (values: V, mine: (keyof V & string)[], plan: OperationView) => PlanChange,
  order: (ours: FieldError[], theirs?: FieldError[]) => FieldError[] = asTheyCome,
): Save<V> {
  return async (values, mine, plan) => {
    const planned = changeOf(values, mine, plan);
    if ('refused' in planned) return [planned.refused];
    const checked = await checkedBody(
      UpdateOperationDto,
      { version: plan.version, ...planned.change },
      planned.errors ?? [],
      planned.fields,
      order,
    );
    if (checked.errors) return checked.errors;
    await editing.update(request.user!, plan.id, checked.input);
  };
}
