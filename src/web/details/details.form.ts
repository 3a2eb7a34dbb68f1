import { BRIEFING_SECTIONS } from '../../common/domain';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { formText } from '../forms';
import {
  inOrder,
  LOCATION_FORM_ORDER,
  LOCATION_LABELS,
  locationBody,
  locationFields,
  LocationFields,
  locationFieldsOf,
  locationFormOf,
  locationFormValues,
  locationFormValuesOf,
  storedLocation,
} from '../order-form';
import type { FieldError } from '../page';
import type { EditForm } from '../plan-page';
import type { PlanChange } from '../plan-change';
import { DETAILS_LABELS, detailsBody, detailsValues, DetailsValues, PLAN_FIELDS, planFormValues, planFormValuesOf } from '../plan-form';

/** The details form's fields as the plan holds them: the briefing sections the reader sees (R14a). */
export function detailsOf(plan: OperationView): DetailsValues {
  return detailsValues(
    planFormValuesOf(plan),
    BRIEFING_SECTIONS.filter((section) => plan.briefing[section] !== undefined),
  );
}

/** The details form as posted, and how it is merged with the plan as it is now (R10). */
export function detailsForm(body: unknown): EditForm<DetailsValues> {
  return {
    current: detailsOf,
    posted: detailsValues(planFormValues(body), BRIEFING_SECTIONS),
    labels: DETAILS_LABELS,
    fields: PLAN_FIELDS,
  };
}

/** Only the fields the person changed (`mine`), as the plan's update (savePlanChange checks it as the API does). */
export function detailsChange(values: DetailsValues, mine: (keyof DetailsValues)[]): PlanChange {
  const { body, errors } = detailsBody(values, mine);
  return { change: body, errors, fields: PLAN_FIELDS };
}

export const NO_LEAD_CHOSEN: FieldError = { field: 'agencyId', text: 'Select the agency that will lead the operation' };

/** The place in a list that `change` names, if there is one. */
export function indexIn(list: unknown[], change: string | undefined): number | undefined {
  return change !== undefined && /^\d{1,2}$/.test(change) && Number(change) < list.length ? Number(change) : undefined;
}

/** The location form's fields as the plan holds them now: the location at `index`, or none to add one. */
export function locationAt(index: number | undefined): (plan: OperationView) => LocationFields {
  return (plan) => locationFieldsOf(locationFormValuesOf(index === undefined ? undefined : plan.locations?.[index]));
}

/** Which location a post names: the one it removes (`remove`), else the one it changes (`index`); none to add one. */
export function postedLocation(body: unknown): { remove: boolean; index?: number } {
  const remove = formText(body, 'remove');
  const indexText = remove || formText(body, 'index');
  return { remove: remove !== '', index: /^\d{1,2}$/.test(indexText) ? Number(indexText) : undefined };
}

/** The location form as posted, and how it is merged with the location as it is now (R10); with no index, it adds one. */
export function locationForm(body: unknown, index: number | undefined): EditForm<LocationFields> {
  return {
    current: locationAt(index),
    posted: locationFieldsOf(locationFormValues(body)),
    labels: LOCATION_LABELS,
    fields: (plan: OperationView) => locationFields(index ?? (plan.locations ?? []).length),
    creates: index === undefined,
  };
}

/**
 * The whole list of locations with the one at `index` (or a new one) as typed, as the plan's update.
 * The API replaces the whole list, so every other location goes back with all it has (strike time,
 * entry basis, warrant, site commander): nothing else changes. Only the owner changes locations, and
 * sees them all; anyone else is refused by the change itself.
 */
export function locationsChange(values: LocationFields, plan: OperationView, index: number | undefined): PlanChange {
  const locations: unknown[] = (plan.locations ?? []).map(storedLocation);
  const at = index !== undefined && index < locations.length ? index : locations.length;
  const posted = locationBody(locationFormOf(values));
  // The location form asks neither its id nor its site commander (the command page does): a location changed keeps both,
  // and so the teams allocated there.
  const stored = plan.locations?.[at];
  locations[at] = { ...posted.location, id: stored?.id, siteCommander: stored?.siteCommander ?? null };
  return { change: { locations }, errors: posted.errors, fields: locationFields(at) };
}

/** The location form's errors in the order its fields appear, its own and the API's together. */
export const inLocationOrder = (ours: FieldError[], theirs?: FieldError[]): FieldError[] => inOrder(LOCATION_FORM_ORDER, ours, theirs);

/** The plan's locations as the API takes them, less the one at `index` (all of them when there is none). */
export function locationsWithout(plan: OperationView, index: number | undefined): unknown[] {
  return (plan.locations ?? []).map(storedLocation).filter((_location, position) => position !== index);
}
