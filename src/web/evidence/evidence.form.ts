import { label, LabelSet } from '../../common/labels';
import type { EvidenceRequirementView, OperationView } from '../../operations/dto/plan-view.dto';
import { FieldMap } from '../form-errors';
import { formText } from '../forms';
import type { EditForm } from '../plan-page';

export type RequirementForm = {
  requirementId: string;
  offence: string;
  offenceOther: string;
  evidenceType: string;
  description: string;
  priority: string;
};

export const EMPTY: RequirementForm = { requirementId: '', offence: '', offenceOther: '', evidenceType: '', description: '', priority: '' };
export const REQUIREMENT_FIELDS: FieldMap = {
  id: (field) => (field === 'version' ? '' : field),
  messages: {
    offence: 'Select the offence',
    evidenceType: 'Select the type of evidence',
    priority: 'Select whether the evidence is essential or desirable',
  },
};

const REQUIREMENT_LABELS: Record<keyof RequirementForm, string> = {
  requirementId: 'Requirement',
  offence: 'Offence',
  offenceOther: 'The other offence',
  evidenceType: 'Type of evidence',
  description: 'What is needed',
  priority: 'Priority',
};

/** The requirement form's fields as the plan holds them: the requirement being changed, or none to add one. */
export function requirementFormOf(requirement: EvidenceRequirementView | undefined): RequirementForm {
  if (!requirement) return EMPTY;
  const { id, offence, offenceOther, evidenceType, description, priority } = requirement;
  return { requirementId: id, offence, offenceOther: offenceOther ?? '', evidenceType, description, priority };
}

function requirementWords(key: keyof RequirementForm, value: unknown): string {
  const sets: Partial<Record<keyof RequirementForm, LabelSet>> = {
    offence: 'offence',
    evidenceType: 'evidenceType',
    priority: 'evidencePriority',
  };
  const set = sets[key];
  return set && typeof value === 'string' && value ? label(set, value) : String(value || '(empty)');
}

/** The requirement the form names, in the plan as it is now. */
export const requirementIn = (plan: OperationView, id: string): EvidenceRequirementView | undefined =>
  plan.evidenceRequirements.find((requirement) => requirement.id === id);

/**
 * The requirement form as posted, merged against the requirement's own version when it changes one
 * (R10); a form that adds one makes something new.
 */
export function requirementForm(body: unknown): EditForm<RequirementForm> {
  const posted = Object.fromEntries(Object.keys(EMPTY).map((field) => [field, formText(body, field)])) as unknown as RequirementForm;
  const id = posted.requirementId;
  const form = {
    current: (plan: OperationView) => requirementFormOf(requirementIn(plan, id)),
    posted,
    labels: REQUIREMENT_LABELS,
    fields: REQUIREMENT_FIELDS,
    words: requirementWords,
  };
  if (!id) return { ...form, creates: true };
  return {
    ...form,
    version: { posted: Number(formText(body, 'requirementVersion')), now: (plan: OperationView) => requirementIn(plan, id)?.version },
  };
}

/** The requirement as the API takes it: the other offence in words only when given, or when Other is chosen (for the API to ask for it). */
export function requirementBody(values: RequirementForm): Record<string, unknown> {
  return {
    offence: values.offence,
    ...(values.offence === 'OTHER' || values.offenceOther.trim() ? { offenceOther: values.offenceOther } : {}),
    evidenceType: values.evidenceType,
    description: values.description,
    priority: values.priority,
  };
}

/** What the person changed of a requirement, as the API takes it; the offence goes with its words. */
export function changedRequirementBody(values: RequirementForm, mine: (keyof RequirementForm)[]): Record<string, unknown> {
  const changed = (key: string) => mine.includes(key as keyof RequirementForm) || (key === 'offence' && mine.includes('offenceOther'));
  return Object.fromEntries(Object.entries(requirementBody(values)).filter(([key]) => changed(key)));
}
