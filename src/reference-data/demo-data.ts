import type { AgencyKind, Capability, Role } from '../common/domain';

/** DESIGN §5: the demo agencies, a team or more for each but the CPS, and the demo users: a manager of every agency with teams, who signs off its part of a plan. */
export const DEMO_AGENCIES: { code: string; name: string; kind: AgencyKind }[] = [
  { code: 'MPS', name: 'Metropolitan Police Service', kind: 'POLICE' },
  { code: 'WMP', name: 'West Midlands Police', kind: 'POLICE' },
  { code: 'NCA', name: 'National Crime Agency', kind: 'NCA' },
  { code: 'GLAA', name: 'Gangmasters and Labour Abuse Authority', kind: 'GLAA' },
  { code: 'BF', name: 'Border Force', kind: 'BORDER_FORCE' },
  { code: 'IE', name: 'Immigration Enforcement', kind: 'IMMIGRATION_ENFORCEMENT' },
  { code: 'HMRC', name: 'HM Revenue and Customs', kind: 'HMRC' },
  { code: 'DWP', name: 'Department for Work and Pensions', kind: 'DWP' },
  { code: 'CPS', name: 'Crown Prosecution Service', kind: 'CPS' },
  { code: 'LA', name: 'Birmingham City Council', kind: 'LOCAL_AUTHORITY' },
  { code: 'SA', name: 'The Salvation Army', kind: 'VICTIM_SUPPORT' },
];

export const DEMO_TEAMS: { agency: string; name: string; capabilities: Capability[]; capacity: number }[] = [
  { agency: 'MPS', name: 'MPS Entry Team 1', capabilities: ['ENTRY', 'SEARCH', 'ARREST'], capacity: 12 },
  { agency: 'MPS', name: 'MPS Modern Slavery Unit', capabilities: ['SAFEGUARDING', 'INTELLIGENCE', 'ARREST'], capacity: 8 },
  { agency: 'MPS', name: 'MPS Digital Forensics', capabilities: ['DIGITAL_FORENSICS', 'SEARCH'], capacity: 4 },
  { agency: 'WMP', name: 'WMP Entry Team', capabilities: ['ENTRY', 'SEARCH', 'ARREST'], capacity: 10 },
  { agency: 'WMP', name: 'WMP Safeguarding Team', capabilities: ['SAFEGUARDING', 'VICTIM_RECEPTION'], capacity: 6 },
  { agency: 'NCA', name: 'NCA MSHT Operations', capabilities: ['INTELLIGENCE', 'ARREST', 'SEARCH', 'ENTRY'], capacity: 10 },
  { agency: 'NCA', name: 'NCA Financial Investigation', capabilities: ['FINANCIAL_INVESTIGATION', 'INTELLIGENCE'], capacity: 4 },
  { agency: 'GLAA', name: 'GLAA Labour Inspection', capabilities: ['LABOUR_INSPECTION', 'INTELLIGENCE'], capacity: 6 },
  { agency: 'BF', name: 'Border Force Checks and Interpreters', capabilities: ['IMMIGRATION_CHECKS', 'INTERPRETING'], capacity: 6 },
  { agency: 'IE', name: 'IE Immigration Compliance', capabilities: ['IMMIGRATION_CHECKS', 'ARREST'], capacity: 8 },
  { agency: 'HMRC', name: 'HMRC Tax Compliance', capabilities: ['TAX_COMPLIANCE', 'FINANCIAL_INVESTIGATION'], capacity: 5 },
  { agency: 'DWP', name: 'DWP Benefits Investigation', capabilities: ['BENEFITS_INVESTIGATION'], capacity: 4 },
  { agency: 'LA', name: 'Adult Social Care Response', capabilities: ['SAFEGUARDING', 'VICTIM_RECEPTION'], capacity: 6 },
  { agency: 'SA', name: 'Victim Reception Team', capabilities: ['VICTIM_RECEPTION', 'SAFEGUARDING', 'INTERPRETING'], capacity: 8 },
];

export const DEMO_USERS: { email: string; name: string; agency: string; roles: Role[] }[] = [
  { email: 'coordinator.mps@demo.local', name: 'Priya Shah', agency: 'MPS', roles: ['COORDINATOR'] },
  { email: 'manager.mps@demo.local', name: 'Tom Hughes', agency: 'MPS', roles: ['MANAGER'] },
  { email: 'coordinator.wmp@demo.local', name: 'Aisha Khan', agency: 'WMP', roles: ['COORDINATOR'] },
  { email: 'manager.wmp@demo.local', name: 'Gareth Jones', agency: 'WMP', roles: ['MANAGER'] },
  { email: 'coordinator.nca@demo.local', name: 'Daniel Okafor', agency: 'NCA', roles: ['COORDINATOR'] },
  { email: 'manager.nca@demo.local', name: 'Helen Clarke', agency: 'NCA', roles: ['MANAGER'] },
  { email: 'coordinator.glaa@demo.local', name: 'Marek Nowak', agency: 'GLAA', roles: ['COORDINATOR'] },
  { email: 'manager.glaa@demo.local', name: 'Fiona Reid', agency: 'GLAA', roles: ['MANAGER'] },
  { email: 'coordinator.hmrc@demo.local', name: 'Rachel Evans', agency: 'HMRC', roles: ['COORDINATOR'] },
  { email: 'manager.hmrc@demo.local', name: 'Owen Price', agency: 'HMRC', roles: ['MANAGER'] },
  { email: 'coordinator.bf@demo.local', name: 'Liam Murphy', agency: 'BF', roles: ['COORDINATOR'] },
  { email: 'manager.bf@demo.local', name: 'Sian Roberts', agency: 'BF', roles: ['MANAGER'] },
  { email: 'manager.ie@demo.local', name: 'Kwame Mensah', agency: 'IE', roles: ['MANAGER'] },
  { email: 'manager.dwp@demo.local', name: 'Claire Whitfield', agency: 'DWP', roles: ['MANAGER'] },
  { email: 'manager.la@demo.local', name: 'Imran Hussain', agency: 'LA', roles: ['MANAGER'] },
  { email: 'coordinator.sa@demo.local', name: 'Grace Adeyemi', agency: 'SA', roles: ['COORDINATOR'] },
  { email: 'manager.sa@demo.local', name: 'Ruth Campbell', agency: 'SA', roles: ['MANAGER'] },
  { email: 'liaison.cps@demo.local', name: 'Jonathan Price', agency: 'CPS', roles: ['CPS_LIAISON'] },
  { email: 'admin.nca@demo.local', name: 'Sarah Mitchell', agency: 'NCA', roles: ['ADMIN'] },
];
