import type { ReadinessView } from '../workflow/dto/workflow.dto';

/** The sub-pages of a plan, in the order a coordinator works through them. */
export const SECTIONS = [
  { path: 'details', text: 'Details and briefing (IIMARCH)' },
  { path: 'locations', text: 'Locations, strike times and entry' },
  { path: 'timings', text: 'Timings and RV points' },
  { path: 'lead', text: 'Lead agency' },
  { path: 'teams', text: 'Teams' },
  { path: 'risks', text: 'Risk assessment' },
  { path: 'safeguarding', text: 'Safeguarding and the NRM' },
  { path: 'communications', text: 'Communications' },
  { path: 'cps', text: 'Early CPS involvement' },
  { path: 'evidence', text: 'Evidence a prosecution will need' },
  { path: 'subjects', text: 'Subjects of interest' },
  { path: 'conflicts', text: 'Deconfliction' },
  { path: 'submit', text: 'Check and submit' },
  { path: 'sign-off', text: 'Partner sign-off' },
  { path: 'sharing', text: 'Sharing with partner agencies' },
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
  safeguarding: { title: 'Prepare to safeguard potential victims', path: 'safeguarding' },
  deconfliction: { title: 'Acknowledge every deconfliction hit', path: 'conflicts' },
  interpreting: { title: 'Have a team that can interpret', path: 'teams' },
  'warrants-valid': { title: 'Have a warrant valid at each strike that relies on one', path: 'locations' },
  'high-risks-accepted': { title: 'Have a senior officer accept each high residual risk', path: 'risks' },
  'partner-sign-off': { title: 'Have each supporting agency sign off its part', path: 'sign-off' },
  'risk-assessment': { title: 'Assess the risks', path: 'risks' },
  'entry-and-strike': { title: 'Set each location’s strike time and entry basis', path: 'locations' },
  timings: { title: 'Set the briefing, the RV points and the debrief', path: 'timings' },
  communications: { title: 'Record the radio channel and the control room', path: 'communications' },
  'first-responders': { title: 'Name the NRM first responders for the day', path: 'safeguarding' },
  interpreters: { title: 'Book an interpreter for each language expected', path: 'safeguarding' },
  'medical-cover': { title: 'Arrange medical cover', path: 'safeguarding' },
  'reception-hours': { title: 'Have the reception centre open at every strike', path: 'safeguarding' },
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
