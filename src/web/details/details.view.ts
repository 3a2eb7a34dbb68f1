import { BRIEFING_SECTIONS } from '../../common/domain';
import { agencyNamed } from '../../common/labels';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import { SECTION_TITLES } from '../../workflow/briefing';
import type { ConfirmationPage } from '../plan-page';

/** An agency the lead could go to, with whether the policy lets it lead and, if not, why (LeadAssignmentService.choices). */
export interface LeadChoice {
  agency: AgencyView;
  lead: { permitted: boolean; reason?: string };
}

/** The briefing sections of the details page; a section the reader may not see (the Information, R14a) is absent from the plan they read: the page says so in its place. */
export function detailsView(plan: Pick<OperationView, 'briefing'>) {
  return { sections: BRIEFING_SECTIONS.map((name) => ({ name, title: SECTION_TITLES[name], shared: plan.briefing[name] !== undefined })) };
}

/** The lead agency page: only agencies the policy lets lead are choices (R1); the others are listed with the reason. */
export function leadView(choices: LeadChoice[], chosen: string) {
  return {
    items: choices
      .filter((choice) => choice.lead.permitted)
      .map((choice) => ({ value: choice.agency.id, text: agencyNamed(choice.agency), checked: choice.agency.id === chosen })),
    refused: choices
      .filter((choice) => !choice.lead.permitted)
      .map((choice) => ({ key: { text: agencyNamed(choice.agency) }, value: { text: choice.lead.reason } })),
  };
}

/** Handing the lead to another agency makes it the plan's owner: what the confirmation page says before it is done. */
export function handLeadPage(plan: Pick<OperationView, 'reference'>, chosen: string, choice?: LeadChoice): ConfirmationPage {
  const lead = `/plans/${plan.reference}/lead`;
  return {
    title: `Hand the lead to ${choice?.agency.name ?? 'another agency'}`,
    doing: `${choice?.agency.name ?? 'The agency'} will lead ${plan.reference}: its coordinators edit the plan from then on and its managers approve it.`,
    action: lead,
    fields: { agencyId: chosen },
    button: 'Hand over the lead',
    back: lead,
  };
}

/** Before a location is removed: what removing it will do. */
export function removeLocationPage(plan: Pick<OperationView, 'reference' | 'locations'>, at: number): ConfirmationPage {
  const place = plan.locations![at];
  const locations = `/plans/${plan.reference}/locations`;
  return {
    title: `Remove ${place.label}`,
    doing: `Removing ${place.label}, ${place.address}, ${place.postcode} takes it off the plan with its strike time and entry basis.`,
    action: locations,
    fields: { remove: String(at) },
    button: 'Remove the location',
    back: locations,
  };
}
