import { isActiveDeployment } from '../../common/domain';
import { DomainError } from '../../common/errors/domain-error';
import { counted, label } from '../../common/labels';
import { validationError } from '../../common/validation';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { DeploymentInFull, seenInFull } from '../../operations/plan-views';
import { FieldMap } from '../form-errors';
import { formList, formText } from '../forms';
import { FieldError } from '../page';
import type { EditForm } from '../plan-page';
import { DateTimeFields, dateTimeOf, instantOf, isBlank } from '../plan-form';

export const TEAM_FIELDS: FieldMap = {
  id: (field) => (field === 'version' ? '' : field === 'startsAt' || field === 'endsAt' ? `${field}-day` : field.split('.')[0]),
  messages: {
    teamId: 'Select a team',
    headcount: 'Enter the number of officers, a whole number from 1 to the team’s capacity',
    rvPointId: 'Select one of this plan’s RV points, or none',
    callSign: 'Enter a call sign of at most 40 characters',
    locationIds: 'Select only premises of this plan',
  },
};

/** The parts of a team's order the request and change forms share: tasking, powers, RV point, call sign, premises. */
export type OrderForm = { tasking: string; powers: string[]; rvPointId: string; callSign: string; locationIds: string[] };

export interface TeamsForm extends OrderForm {
  teamId: string;
  headcount: string;
  startsAt?: DateTimeFields;
  endsAt?: DateTimeFields;
}

export const EMPTY: TeamsForm = { teamId: '', headcount: '', tasking: '', powers: [], rvPointId: '', callSign: '', locationIds: [] };

const orderFormOf = (form: unknown): OrderForm => ({
  tasking: formText(form, 'tasking'),
  powers: formList(form, 'powers'),
  rvPointId: formText(form, 'rvPointId'),
  callSign: formText(form, 'callSign'),
  locationIds: formList(form, 'locationIds'),
});
const orderBody = (values: OrderForm) => ({
  tasking: values.tasking,
  powers: values.powers,
  rvPointId: values.rvPointId || null,
  callSign: values.callSign,
  locationIds: values.locationIds,
});

const ORDER_LABELS: Record<keyof OrderForm, string> = {
  tasking: 'Tasking',
  powers: 'Powers the tasking needs',
  rvPointId: 'RV point',
  callSign: 'Call sign',
  locationIds: 'Premises',
};

/** A team's order as the form shows it: the powers by their names, the premises by how many. */
function orderWords(key: keyof OrderForm, value: unknown): string {
  if (key === 'powers') return (value as string[]).map((power) => label('power', power)).join(', ') || 'None';
  if (key === 'locationIds') return (value as string[]).length ? counted((value as string[]).length, 'location') : 'None';
  return String(value || '(empty)');
}

/** A team on the plan whose order may change, as the viewer sees it in full: requested or confirmed. */
export function activeDeployment(plan: OperationView, deploymentId: string): DeploymentInFull {
  const deployment = plan.deployments
    .filter(seenInFull)
    .find((candidate) => candidate.id === deploymentId && isActiveDeployment(candidate.status));
  if (!deployment) throw DomainError.notFound('Team on this plan', deploymentId);
  return deployment;
}

/** The tasking form's fields as the plan holds them now, of a team the viewer sees in full. */
export function taskingOf(deploymentId: string): (plan: OperationView) => OrderForm {
  return (plan) => {
    const deployment = activeDeployment(plan, deploymentId);
    return {
      tasking: deployment.tasking,
      powers: deployment.powers,
      rvPointId: deployment.rvPoint?.id ?? '',
      callSign: deployment.callSign ?? '',
      locationIds: deployment.locationIds ?? [],
    };
  };
}

/**
 * The request a team form as posted: what was typed, the form's own errors, and the part of the
 * plan's window asked for (both ends given, in UK time; none given, the whole window, which the team then follows).
 */
export function teamRequestOf(body: unknown): { values: TeamsForm; errors: FieldError[]; window: Record<string, string> } {
  const values: TeamsForm = {
    teamId: formText(body, 'teamId'),
    headcount: formText(body, 'headcount').trim(),
    ...orderFormOf(body),
    startsAt: dateTimeOf(body, 'startsAt'),
    endsAt: dateTimeOf(body, 'endsAt'),
  };
  const errors: FieldError[] = [];
  const window: Record<string, string> = {};
  for (const field of ['startsAt', 'endsAt'] as const) {
    const fields = values[field]!;
    if (isBlank(fields)) continue;
    const { iso, error } = instantOf(field, fields);
    if (error) errors.push(error);
    else window[field] = iso!;
  }
  if (!values.teamId) errors.push({ field: 'teamId', text: 'Select a team' });
  if (!/^\d{1,4}$/.test(values.headcount) || Number(values.headcount) < 1)
    errors.push({ field: 'headcount', text: TEAM_FIELDS.messages!.headcount });
  return { values, errors, window };
}

/** A team request as the API takes it. */
export function requestBody(version: number, request: { values: TeamsForm; window: Record<string, string> }): Record<string, unknown> {
  return {
    version,
    teamId: request.values.teamId,
    headcount: Number(request.values.headcount),
    ...orderBody(request.values),
    ...request.window,
  };
}

/** The form changing a team's part in the order, as posted, and how it is merged with the team's order as it is now (R10). */
export function taskingForm(body: unknown, deploymentId: string): EditForm<OrderForm> {
  return { current: taskingOf(deploymentId), posted: orderFormOf(body), labels: ORDER_LABELS, fields: TEAM_FIELDS, words: orderWords };
}

/** A partner's answer to a request for their agency's team: which request, against which version of it (R7), and a reason to decline. */
export function answerOf(body: unknown) {
  return {
    deploymentId: formText(body, 'deploymentId'),
    version: Number(formText(body, 'deploymentVersion')),
    reason: formText(body, 'reason'),
    confirms: formText(body, 'answer') === 'confirm',
  };
}

export type Answer = ReturnType<typeof answerOf>;

/** A reason to decline is entered against the one request it answers. */
export function answerFields(deploymentId: string): FieldMap {
  return { id: (field) => (field === 'reason' ? `reason-${deploymentId}` : '') };
}

export const REQUEST_GONE: FieldError = { field: '', text: 'That request is no longer on this plan: the list below is up to date' };

/** The fields of a team's order the person changed, as the API takes them, against the plan's version now. */
export function changedOrderBody(version: number, values: OrderForm, mine: (keyof OrderForm)[]): Record<string, unknown> {
  return { version, ...Object.fromEntries(Object.entries(orderBody(values)).filter(([key]) => mine.includes(key as keyof OrderForm))) };
}

/** POWER_NOT_HELD is about the powers chosen: shown against them. */
export async function againstPowers<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POWER_NOT_HELD')
      throw validationError([{ field: 'powers', problems: [error.message] }]);
    throw error;
  }
}
