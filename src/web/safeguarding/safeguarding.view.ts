import { NRM_FIRST_RESPONDER_KINDS } from '../../common/domain';
import { label } from '../../common/labels';
import { ukClock } from '../../common/uk-time';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import type { SafeguardingFormValues } from './safeguarding.form';

/** The agencies that may name an NRM first responder, to choose from: each by its name, and its kind when the name does not say it. */
function agencyItems(agencies: AgencyView[], chosen: string) {
  const responders = agencies.filter((agency) => NRM_FIRST_RESPONDER_KINDS.includes(agency.kind));
  const text = (agency: AgencyView) =>
    agency.name === label('agencyKind', agency.kind) ? agency.name : `${agency.name} (${label('agencyKind', agency.kind)})`;
  return [
    { value: '', text: 'Select an agency', selected: !chosen },
    ...responders.map((agency) => ({ value: agency.id, text: text(agency), selected: agency.id === chosen })),
  ];
}

/** Whether the reception centre is open at each place's strike time, in words. */
function strikesOf(plan: OperationView) {
  const s = plan.safeguarding;
  const hours =
    s.receptionOpensAt && s.receptionClosesAt ? { opensAt: new Date(s.receptionOpensAt), closesAt: new Date(s.receptionClosesAt) } : null;
  // The strikes are the Places section's (R14a): a reader it is not shared with sees no hint about them.
  return (plan.locations ?? []).map((place) => {
    if (!place.strikeAt) return { label: place.label, text: 'no strike time set yet' };
    const at = new Date(place.strikeAt);
    const open = hours && at >= hours.opensAt && at <= hours.closesAt;
    const centre = !hours
      ? 'the reception centre’s hours are not recorded'
      : open
        ? 'the reception centre is open'
        : 'the reception centre is closed';
    return { label: place.label, text: `strike at ${ukClock(at)}: ${centre}`, closed: Boolean(hours) && !open };
  });
}

/** The safeguarding page's choices and hints: the first responders' agencies, the languages no interpreter is booked for, and the centre's hours at each strike. */
export function safeguardingView(plan: OperationView, agencies: AgencyView[], values: SafeguardingFormValues) {
  const booked = new Set(plan.safeguarding.interpreters.map((interpreter) => interpreter.language.trim().toLowerCase()));
  const uncovered = plan.safeguarding.languages.filter((language) => !booked.has(language.trim().toLowerCase()));
  return { agencyItems: agencyItems(agencies, values.responder.agencyId), uncovered, strikes: strikesOf(plan) };
}
