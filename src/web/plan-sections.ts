import type { ReadinessView } from '../workflow/dto/workflow.dto';

/** The sub-pages of a plan, in the order a coordinator works through them. */
export const SECTIONS = [
  { path: 'details', text: 'Details and briefing (IIMARCH)' },
  { path: 'locations', text: 'Locations' },
  { path: 'lead', text: 'Lead agency' },
  { path: 'teams', text: 'Teams' },
  { path: 'cps', text: 'Early CPS involvement' },
  { path: 'evidence', text: 'Evidence a prosecution will need' },
  { path: 'conflicts', text: 'Deconfliction' },
  { path: 'submit', text: 'Check and submit' },
  { path: 'review', text: 'Review (managers)' },
  { path: 'briefing', text: 'Briefing pack' },
  { path: 'history', text: 'History' },
] as const;

/** Each readiness check: what it is called on the task list, and the sub-page where it is fixed. */
const CHECKS: Record<string, { title: string; path: string }> = {
  'lead-agency': { title: 'Choose a lead agency the policy permits', path: 'lead' },
  locations: { title: 'Add the places of the day of action', path: 'locations' },
  'window-in-future': { title: 'Set a window in the future', path: 'details' },
  'start-window': { title: 'Start within the start window', path: 'details' },
  'confirmed-deployment': { title: 'Have at least one team confirmed', path: 'teams' },
  'no-pending-requests': { title: 'Get an answer to every team request', path: 'teams' },
  'supporting-agencies-permitted': { title: 'Use only supporting agencies the policy permits', path: 'teams' },
  'cps-engaged': { title: 'Engage the CPS early', path: 'cps' },
  'evidence-requirements': { title: 'Agree the evidence a prosecution will need', path: 'evidence' },
  'essential-evidence-assigned': { title: 'Assign every essential evidence requirement to a confirmed team', path: 'evidence' },
  'cps-lead-time': { title: 'Give the CPS enough notice', path: 'cps' },
  'evidence-capability': { title: 'Match evidence to teams that can gather it', path: 'evidence' },
  safeguarding: { title: 'Prepare to safeguard potential victims', path: 'details' },
  deconfliction: { title: 'Acknowledge every deconfliction hit', path: 'conflicts' },
  interpreting: { title: 'Have a team that can interpret', path: 'teams' },
};

/** The readiness checks as a GOV.UK task list: each links to where it is fixed and says whether it is done. */
export function readinessItems(reference: string, readiness: ReadinessView) {
  return readiness.checks.map((check) => {
    const known = CHECKS[check.id] ?? { title: check.id, path: 'details' };
    return {
      title: { text: known.title },
      hint: { text: check.message },
      href: `/plans/${reference}/${known.path}`,
      status: check.ok
        ? { text: 'Completed' }
        : { tag: { text: check.blocking ? 'Incomplete' : 'Warning', classes: check.blocking ? 'govuk-tag--blue' : 'govuk-tag--yellow' } },
    };
  });
}
