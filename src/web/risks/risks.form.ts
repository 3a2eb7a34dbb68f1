import type { RiskDto, RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import type { PlanChange } from '../plan-change';
import type { EditForm } from '../plan-page';

/** The risk form as typed: kept when it comes back with errors. */
export type RiskFormValues = {
  hazard: string;
  hazardDetail: string;
  likelihood: string;
  impact: string;
  controls: string;
  residual: string;
  owner: string;
  acceptedBy: string;
  /** 'yes' when ticked: the risk was derived from intelligence (R14a). */
  intelligenceDerived: string;
};

/** The form's fields in the order they appear (each id is the API's field name). */
export const RISK_FORM_ORDER = [
  'hazard',
  'hazardDetail',
  'likelihood',
  'impact',
  'controls',
  'residual',
  'owner',
  'acceptedBy',
  'intelligenceDerived',
];
const MAX_RISKS = 50;
export const EMPTY: RiskFormValues = {
  hazard: '',
  hazardDetail: '',
  likelihood: '',
  impact: '',
  controls: '',
  residual: '',
  owner: '',
  acceptedBy: '',
  intelligenceDerived: '',
};
export const GONE: FieldError = { field: '', text: 'That risk is no longer in the register: the list below is up to date' };

const RISK_LABELS: Record<keyof RiskFormValues, string> = {
  hazard: 'Hazard',
  hazardDetail: 'Description of the hazard',
  likelihood: 'Likelihood',
  impact: 'Impact',
  controls: 'Control measures',
  residual: 'Residual rating',
  owner: 'Risk owner',
  acceptedBy: 'Senior officer accepting this risk',
  intelligenceDerived: 'Derived from intelligence',
};

/** The API's fields of the risk at `index` → the form's; a problem of another risk goes in the error summary alone. */
export function riskFields(index: number): FieldMap {
  return {
    id: (field) => {
      const match = /^risks\.(\d+)\.(\w+)/.exec(field);
      if (!match || Number(match[1]) !== index) return '';
      return RISK_FORM_ORDER.includes(match[2]) ? match[2] : '';
    },
    messages: {
      hazard: 'Select the hazard',
      likelihood: 'Select how likely the hazard is, from 1 (very unlikely) to 5 (almost certain)',
      impact: 'Select how bad the harm would be, from 1 (very low) to 5 (very high)',
      residual: 'Select the residual rating: how high the risk is once the controls are in place',
    },
  };
}

/** A place in the register as typed (a query or a posted field), when the plan has a risk there. */
export function riskIndex(plan: OperationView, text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,2}$/.test(text) && Number(text) < plan.risks.length ? Number(text) : undefined;
}

/** The place the posted form changes, as typed (checked against the register when it is saved); none to add a risk. */
export function postedIndex(body: unknown): number | undefined {
  const text = formText(body, 'index');
  return /^\d{1,2}$/.test(text) ? Number(text) : undefined;
}

function riskFormValues(form: unknown): RiskFormValues {
  const read = (field: string) => (field === 'likelihood' || field === 'impact' ? formText(form, field).trim() : formText(form, field));
  return Object.fromEntries(RISK_FORM_ORDER.map((field) => [field, read(field)])) as unknown as RiskFormValues;
}

/** The risk form's fields as the plan holds them now: the risk at `index`, or none to add one. */
export function riskAt(index: number | undefined): (plan: OperationView) => RiskFormValues {
  return (plan) => (index === undefined || !plan.risks[index] ? EMPTY : riskFormValuesOf(plan.risks[index]));
}

function riskFormValuesOf(risk: RiskView): RiskFormValues {
  return {
    ...risk,
    hazardDetail: risk.hazardDetail ?? '',
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    acceptedBy: risk.acceptedBy ?? '',
    intelligenceDerived: risk.intelligenceDerived ? 'yes' : '',
  };
}

/** A 1–5 score as the API takes it: a number when typed as one, else as typed, for the API to refuse. */
const scoreOf = (text: string): number | string | undefined => (/^\d{1,3}$/.test(text) ? Number(text) : text || undefined);

/** The form's risk as the API takes it: a description only for Other (with JavaScript off every field is posted). */
function riskBody(values: RiskFormValues): Record<string, unknown> {
  return {
    hazard: values.hazard || undefined,
    hazardDetail: values.hazard === 'OTHER' ? values.hazardDetail : null,
    likelihood: scoreOf(values.likelihood),
    impact: scoreOf(values.impact),
    controls: values.controls,
    residual: values.residual || undefined,
    owner: values.owner,
    acceptedBy: values.acceptedBy,
    intelligenceDerived: values.intelligenceDerived === 'yes',
  };
}

/** A stored risk, sent back whole with the register: nothing about it changes. */
function storedRisk(risk: RiskView): RiskDto {
  const { hazard, hazardDetail, likelihood, impact, controls, residual, owner, acceptedBy, intelligenceDerived } = risk;
  return { hazard, hazardDetail, likelihood, impact, controls, residual, owner, acceptedBy, intelligenceDerived };
}

/** The risk form as posted, and how it is merged with the risk as it is now (R10); with no index, it adds one at the end of the register. */
export function riskForm(body: unknown, index: number | undefined): EditForm<RiskFormValues> {
  return {
    current: riskAt(index),
    posted: riskFormValues(body),
    labels: RISK_LABELS,
    fields: (plan) => riskFields(index ?? plan.risks.length),
    creates: index === undefined,
  };
}

/**
 * The whole register as the API takes it, with the form's risk at `index` (or added at the end):
 * every other risk goes back as stored, in its place. A refusal instead when that place is gone or the register is full.
 */
export function registerWith(plan: OperationView, index: number | undefined, values: RiskFormValues): PlanChange {
  if (index !== undefined && index >= plan.risks.length) return { refused: GONE };
  if (index === undefined && plan.risks.length >= MAX_RISKS)
    return { refused: { field: '', text: `The register holds up to ${MAX_RISKS} risks: remove one before adding another` } };
  const at = index ?? plan.risks.length;
  const risks: unknown[] = plan.risks.map(storedRisk);
  risks[at] = riskBody(values);
  return { change: { risks }, fields: riskFields(at) };
}

/** The register as stored, without the risk at `index`. */
export function registerWithout(plan: OperationView, index: number): RiskDto[] {
  return plan.risks.map(storedRisk).filter((_risk, position) => position !== index);
}
