/**
 * The blocking readiness checks (R11, src/workflow/readiness.ts) the dashboard counts over the plans
 * starting soon, by the ids GET /operations/:id/readiness gives them and with the titles of the
 * plan's task list. dashboard.repository.ts computes each in SQL, mirroring the rule in
 * readiness.ts; each is blocking at every stage, so a plan the API calls ready fails none of them.
 * Left out: the window checks (a plan starting in the next 30 days is ahead by definition, and the
 * start window is the day's business), the policy re-check of the lead and of supporting agencies
 * (the dashboard counts a missing lead only), and the operational order's checks.
 */
export const DASHBOARD_CHECKS = [
  { id: 'lead-agency', title: 'Choose a lead agency the policy permits' },
  { id: 'locations', title: 'Add the places of the day of action' },
  { id: 'confirmed-deployment', title: 'Have at least one team confirmed' },
  { id: 'no-pending-requests', title: 'Get an answer to every team request' },
  { id: 'cps-engaged', title: 'Engage the CPS early' },
  { id: 'evidence-requirements', title: 'Agree the evidence a prosecution will need' },
  { id: 'essential-evidence-assigned', title: 'Assign every essential evidence requirement to a confirmed team' },
  { id: 'safeguarding', title: 'Prepare to safeguard potential victims' },
  { id: 'deconfliction', title: 'Acknowledge every deconfliction hit' },
] as const;

export type DashboardCheckId = (typeof DASHBOARD_CHECKS)[number]['id'];

/** The window of "starting soon". */
export const READINESS_WINDOW_DAYS = 30;
