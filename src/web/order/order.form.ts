import type { OperationView } from '../../operations/dto/plan-view.dto';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { dateTimeFieldsOf, inOrder, NO_TIME, optionalInstantAt } from '../order-form';
import { FieldError } from '../page';
import type { PlanChange } from '../plan-change';
import type { EditForm } from '../plan-page';
import { DateTimeFields, dateTimeOf, instantOf } from '../plan-form';

export type TimingsForm = {
  briefingAt: DateTimeFields;
  briefingPlace: string;
  debriefAt: DateTimeFields;
};

export interface RvForm {
  /** The RV point being changed; absent to add one. */
  id?: string;
  name: string;
  address: string;
  meetAt: DateTimeFields;
}

export type CommunicationsForm = { radioChannel: string; controlRoomNumber: string };

export const TIMINGS_ORDER = ['briefingAt', 'briefingPlace', 'debriefAt'];
export const TIMINGS_LABELS: Record<keyof TimingsForm, string> = {
  briefingAt: 'Briefing time',
  briefingPlace: 'Briefing place',
  debriefAt: 'Debrief time',
};
export const TIMINGS_FIELDS: FieldMap = {
  id: (field) =>
    ({ 'timings.briefingAt': 'briefingAt-day', 'timings.briefingPlace': 'briefingPlace', 'timings.debriefAt': 'debriefAt-day' })[field] ??
    '',
};
const RV_ORDER = ['rv-name', 'rv-address', 'meetAt'];
export const RV_FIELDS: FieldMap = { id: (field) => ({ name: 'rv-name', address: 'rv-address', meetAt: 'meetAt-day' })[field] ?? '' };
const COMMUNICATIONS_FIELDS: FieldMap = {
  id: (field) => ({ 'communications.radioChannel': 'radioChannel', 'communications.controlRoomNumber': 'controlRoomNumber' })[field] ?? '',
  messages: {
    radioChannel: 'Enter a radio channel or talkgroup of at most 200 characters',
    controlRoomNumber: 'Enter a control room number of at most 40 characters',
  },
};
const COMMUNICATIONS_LABELS: Record<keyof CommunicationsForm, string> = {
  radioChannel: 'Radio channel or talkgroup',
  controlRoomNumber: 'Control room number',
};
export const EMPTY_RV: RvForm = { name: '', address: '', meetAt: { ...NO_TIME } };
export const RV_GONE: FieldError = { field: '', text: 'That RV point is no longer on this plan: the list below is up to date' };

/** The plan's timings as the form shows them, in UK time. */
export function timingsOf(plan: OperationView): TimingsForm {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return { briefingAt: dateTimeFieldsOf(briefingAt), briefingPlace: briefingPlace ?? '', debriefAt: dateTimeFieldsOf(debriefAt) };
}

/** The plan's communications as the form shows them. */
export function communicationsOf(plan: OperationView): CommunicationsForm {
  const { radioChannel, controlRoomNumber } = plan.communications;
  return { radioChannel: radioChannel ?? '', controlRoomNumber: controlRoomNumber ?? '' };
}

export const postedTimings = (body: unknown): TimingsForm => ({
  briefingAt: dateTimeOf(body, 'briefingAt'),
  briefingPlace: formText(body, 'briefingPlace'),
  debriefAt: dateTimeOf(body, 'debriefAt'),
});

const postedCommunications = (body: unknown): CommunicationsForm => ({
  radioChannel: formText(body, 'radioChannel'),
  controlRoomNumber: formText(body, 'controlRoomNumber'),
});

/** The communications form as posted, and how it is merged with the plan as it is now (R10). */
export function communicationsForm(body: unknown): EditForm<CommunicationsForm> {
  return { current: communicationsOf, posted: postedCommunications(body), labels: COMMUNICATIONS_LABELS, fields: COMMUNICATIONS_FIELDS };
}

/** The timings the person changed (`mine`) as the API takes them, a time left empty cleared, with the errors of the times they typed. */
export function changedTimings(values: TimingsForm, mine: (keyof TimingsForm)[]): PlanChange {
  const briefing = optionalInstantAt('briefingAt', 'briefing', values.briefingAt);
  const debrief = optionalInstantAt('debriefAt', 'debrief', values.debriefAt);
  const sent = { briefingAt: briefing.iso ?? null, briefingPlace: values.briefingPlace, debriefAt: debrief.iso ?? null };
  const errors = [mine.includes('briefingAt') && briefing.error, mine.includes('debriefAt') && debrief.error].filter(
    (error): error is FieldError => Boolean(error),
  );
  return { change: { timings: Object.fromEntries(mine.map((key) => [key, sent[key]])) }, errors, fields: TIMINGS_FIELDS };
}

/** The communications the person changed (`mine`) as the API takes them, a field left empty cleared. */
export function changedCommunications(values: CommunicationsForm, mine: (keyof CommunicationsForm)[]): PlanChange {
  return { change: { communications: Object.fromEntries(mine.map((key) => [key, values[key]])) }, fields: COMMUNICATIONS_FIELDS };
}

/** The RV point form as the page first shows it: the point named by `change`, or empty to add one. */
export function rvFormOf(plan: OperationView, change: string | undefined): RvForm {
  const point = plan.rvPoints.find((candidate) => candidate.id === change);
  return point ? { id: point.id, name: point.name, address: point.address, meetAt: dateTimeFieldsOf(point.meetAt) } : EMPTY_RV;
}

export function postedRvPoint(body: unknown): RvForm {
  const id = formText(body, 'rvPointId');
  return {
    ...(id ? { id } : {}),
    name: formText(body, 'rv-name'),
    address: formText(body, 'rv-address'),
    meetAt: dateTimeOf(body, 'meetAt'),
  };
}

/** The RV point as the API takes it, with the meeting time in UK time: the form's own errors and the API's, in the order of the fields. */
export function rvPointBody(rv: RvForm, version: number): { plain: Record<string, unknown>; errors: FieldError[] } {
  const meet = instantOf('meetAt', rv.meetAt, 'meeting');
  return { plain: { version, name: rv.name, address: rv.address, meetAt: meet.iso ?? '' }, errors: meet.error ? [meet.error] : [] };
}

/** The RV point form's errors and the API's, in the order of the fields. */
export const inRvOrder = (ours: FieldError[], theirs?: FieldError[]): FieldError[] => inOrder(RV_ORDER, ours, theirs);
