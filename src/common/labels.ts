import type {
  AgeGroup,
  AgencyKind,
  BriefingSection,
  Capability,
  CountKind,
  CpsInvolvementStatus,
  DecisionRole,
  DeploymentStatus,
  EntryBasis,
  EvidencePriority,
  EvidenceStatus,
  EvidenceType,
  ExploitationType,
  LogKind,
  Hazard,
  Offence,
  OperationStatus,
  PlanSection,
  PremisesStatus,
  Power,
  Role,
  RiskRating,
  Scope,
  SeizureKind,
  SubjectKind,
} from './domain';

/** The words people read for the codes of the vocabulary (DESIGN §2): pages and briefing packs show these, never the codes. */
export const LABELS = {
  exploitationType: {
    LABOUR: 'Labour exploitation',
    SEXUAL: 'Sexual exploitation',
    CRIMINAL: 'Criminal exploitation',
    DOMESTIC_SERVITUDE: 'Domestic servitude',
    ORGAN_REMOVAL: 'Organ removal',
  } satisfies Record<ExploitationType, string>,
  scope: {
    LOCAL: 'Local',
    REGIONAL: 'Regional',
    NATIONAL: 'National',
    INTERNATIONAL: 'International',
  } satisfies Record<Scope, string>,
  status: {
    DRAFT: 'Draft',
    SUBMITTED: 'Submitted for review',
    CHANGES_REQUESTED: 'Changes requested',
    APPROVED: 'Approved',
    ACTIVE: 'Under way',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
    STOOD_DOWN: 'Stood down',
  } satisfies Record<OperationStatus, string>,
  /** Not words: the GOV.UK tag colour each status is shown in, so that no template decides anything from a status. */
  statusTag: {
    DRAFT: 'govuk-tag--grey',
    SUBMITTED: 'govuk-tag--blue',
    CHANGES_REQUESTED: 'govuk-tag--orange',
    APPROVED: 'govuk-tag--green',
    ACTIVE: 'govuk-tag--purple',
    COMPLETED: 'govuk-tag--teal',
    CANCELLED: 'govuk-tag--red',
    STOOD_DOWN: 'govuk-tag--pink',
  } satisfies Record<OperationStatus, string>,
  offence: {
    MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR: 'Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
    MSA_S2_HUMAN_TRAFFICKING: 'Modern Slavery Act 2015 s.2: human trafficking',
    MSA_S4_OFFENCE_WITH_INTENT: 'Modern Slavery Act 2015 s.4: committing an offence with intent to commit a s.2 offence',
    OTHER: 'Other offences',
  } satisfies Record<Offence, string>,
  evidenceType: {
    VICTIM_ACCOUNT: 'Victim account',
    WITNESS_STATEMENT: 'Witness statement',
    FINANCIAL_RECORDS: 'Financial records',
    DIGITAL_DEVICES: 'Digital devices',
    COMMUNICATIONS_DATA: 'Communications data',
    CCTV: 'CCTV',
    DOCUMENTS: 'Documents',
    SCENE_PHOTOGRAPHY: 'Scene photography',
    MEDICAL: 'Medical evidence',
    INTELLIGENCE: 'Intelligence',
  } satisfies Record<EvidenceType, string>,
  evidencePriority: { ESSENTIAL: 'Essential', DESIRABLE: 'Desirable' } satisfies Record<EvidencePriority, string>,
  evidenceStatus: {
    OPEN: 'Open',
    ASSIGNED: 'Assigned',
    GATHERED: 'Gathered',
    ACCEPTED: 'Accepted',
    REJECTED: 'Rejected',
  } satisfies Record<EvidenceStatus, string>,
  evidenceStatusTag: {
    OPEN: 'govuk-tag--grey',
    ASSIGNED: 'govuk-tag--blue',
    GATHERED: 'govuk-tag--purple',
    ACCEPTED: 'govuk-tag--green',
    REJECTED: 'govuk-tag--red',
  } satisfies Record<EvidenceStatus, string>,
  deploymentStatus: {
    REQUESTED: 'Requested',
    CONFIRMED: 'Confirmed',
    DECLINED: 'Declined',
    RELEASED: 'Released',
  } satisfies Record<DeploymentStatus, string>,
  deploymentStatusTag: {
    REQUESTED: 'govuk-tag--blue',
    CONFIRMED: 'govuk-tag--green',
    DECLINED: 'govuk-tag--red',
    RELEASED: 'govuk-tag--grey',
  } satisfies Record<DeploymentStatus, string>,
  cpsStatus: {
    REQUESTED: 'Requested',
    ENGAGED: 'Engaged',
    WITHDRAWN: 'Withdrawn',
    DECLINED: 'Declined',
  } satisfies Record<CpsInvolvementStatus, string>,
  capability: {
    ENTRY: 'Entry',
    SEARCH: 'Search',
    ARREST: 'Arrest',
    SAFEGUARDING: 'Safeguarding',
    INTERPRETING: 'Interpreting',
    FINANCIAL_INVESTIGATION: 'Financial investigation',
    DIGITAL_FORENSICS: 'Digital forensics',
    IMMIGRATION_CHECKS: 'Immigration checks',
    LABOUR_INSPECTION: 'Labour inspection',
    TAX_COMPLIANCE: 'Tax compliance',
    BENEFITS_INVESTIGATION: 'Benefits investigation',
    INTELLIGENCE: 'Intelligence',
    VICTIM_RECEPTION: 'Victim reception',
  } satisfies Record<Capability, string>,
  agencyKind: {
    POLICE: 'Police',
    NCA: 'National Crime Agency',
    GLAA: 'Gangmasters and Labour Abuse Authority',
    BORDER_FORCE: 'Border Force',
    IMMIGRATION_ENFORCEMENT: 'Immigration Enforcement',
    HMRC: 'HM Revenue and Customs',
    DWP: 'Department for Work and Pensions',
    CPS: 'Crown Prosecution Service',
    LOCAL_AUTHORITY: 'Local authority',
    VICTIM_SUPPORT: 'Victim support',
  } satisfies Record<AgencyKind, string>,
  power: {
    ENTRY: 'Entry',
    SEARCH: 'Search',
    ARREST: 'Arrest',
    IMMIGRATION_CHECKS: 'Immigration checks',
    LABOUR_INSPECTION: 'Labour inspection',
    TAX_COMPLIANCE: 'Tax compliance',
    BENEFITS_INVESTIGATION: 'Benefits investigation',
  } satisfies Record<Power, string>,
  entryBasis: {
    WARRANT: 'Warrant',
    CONSENT: 'Consent of the occupier',
    STATUTORY_POWER: 'Another statutory power',
  } satisfies Record<EntryBasis, string>,
  hazard: {
    DOGS: 'Dogs',
    WEAPONS: 'Weapons',
    CHILDREN_PRESENT: 'Children present',
    VULNERABLE_ADULTS: 'Vulnerable adults',
    HOSTILE_OCCUPANTS: 'Hostile occupants',
    HAZARDOUS_PREMISES: 'Hazardous premises',
    PUBLIC_ORDER: 'Public order',
    OTHER: 'Other',
  } satisfies Record<Hazard, string>,
  riskRating: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' } satisfies Record<RiskRating, string>,
  riskRatingTag: { LOW: 'govuk-tag--green', MEDIUM: 'govuk-tag--yellow', HIGH: 'govuk-tag--red' } satisfies Record<RiskRating, string>,
  subjectKind: { PERSON: 'A person', PHONE: 'A phone number', VEHICLE: 'A vehicle', EMAIL: 'An email address' } satisfies Record<
    SubjectKind,
    string
  >,
  signOffState: {
    AWAITING: 'Awaiting sign-off',
    SIGNED_OFF: 'Signed off',
    WITHDRAWN: 'Sign-off withdrawn: their part changed',
    DECLINED: 'Declined',
  },
  planSection: {
    CORE: 'Core: name, window, lead, timings, RV points and communications',
    PLACES: 'Places: addresses, strike times, entry and warrants',
    SAFEGUARDING: 'Safeguarding: reception centre, interpreters and first responders',
    TEAMS: 'Teams: every team’s tasking, powers and call sign',
    INTELLIGENCE: 'Intelligence: subjects, deconfliction and intelligence-derived risks',
    PROSECUTION: 'Prosecution: early CPS involvement and the evidence matrix',
  } satisfies Record<PlanSection, string>,
  sectionName: {
    CORE: 'Core',
    PLACES: 'Places',
    SAFEGUARDING: 'Safeguarding',
    TEAMS: 'Teams',
    INTELLIGENCE: 'Intelligence',
    PROSECUTION: 'Prosecution',
  } satisfies Record<PlanSection, string>,
  /** The IIMARCH briefing's sections, as the briefing pack heads them and the history names them. */
  briefingSection: {
    information: 'Information',
    intent: 'Intent',
    method: 'Method',
    administration: 'Administration',
    risk: 'Risk assessment',
    communications: 'Communications',
    humanitarian: 'Humanitarian issues',
  } satisfies Record<BriefingSection, string>,
  logKind: { STATUS: 'Premises status', DECISION: 'Decision', COUNT: 'Count', MESSAGE: 'Situation report' } satisfies Record<
    LogKind,
    string
  >,
  premisesStatus: {
    NOT_STARTED: 'Not started',
    TEAM_AT_RV: 'Team at RV',
    ENTRY_MADE: 'Entry made',
    SEARCH_UNDER_WAY: 'Search under way',
    CLEAR: 'Premises clear',
    STOOD_DOWN: 'Stood down',
  } satisfies Record<PremisesStatus, string>,
  premisesStatusTag: {
    NOT_STARTED: 'govuk-tag--grey',
    TEAM_AT_RV: 'govuk-tag--blue',
    ENTRY_MADE: 'govuk-tag--orange',
    SEARCH_UNDER_WAY: 'govuk-tag--yellow',
    CLEAR: 'govuk-tag--green',
    STOOD_DOWN: 'govuk-tag--purple',
  } satisfies Record<PremisesStatus, string>,
  decisionRole: {
    GOLD: 'Gold',
    SILVER: 'Silver',
    SENIOR_INVESTIGATING_OFFICER: 'Senior investigating officer',
    SITE_COMMANDER: 'Site commander',
  } satisfies Record<DecisionRole, string>,
  countKind: {
    ARREST: 'Arrests',
    POTENTIAL_VICTIM: 'Potential victims found',
    SAFEGUARDED: 'Safeguarded (moved to reception)',
    NRM_REFERRAL: 'NRM referrals',
    DUTY_TO_NOTIFY: 'Duty to notify (MS1) made',
    SEIZURE: 'Seizures',
  } satisfies Record<CountKind, string>,
  ageGroup: { ADULT: 'Adult', CHILD: 'Child' } satisfies Record<AgeGroup, string>,
  seizureKind: { CASH: 'Cash', DEVICES: 'Devices', DOCUMENTS: 'Documents' } satisfies Record<SeizureKind, string>,
};

export type LabelSet = keyof typeof LABELS;

/** The label of a code, or the code itself when the vocabulary has none (a newer code than this build). */
export function label(set: LabelSet, code: string): string {
  return (LABELS[set] as Record<string, string>)[code] ?? code;
}

/**
 * The words for the fields of the API's requests, as a problem with one names it ("The end must be
 * after the start"). A field not listed here is named by its own words ("radioChannel": "the radio channel").
 */
export const FIELD_LABELS: Record<string, string> = {
  acceptedBy: 'the senior officer accepting the risk',
  adviceNeededBy: 'the date advice is needed by',
  agencyId: 'the agency',
  agencyKind: 'the kind of agency',
  allowedScopes: 'the scopes allowed',
  basis: 'the basis of entry',
  briefingAt: 'the time of the briefing',
  briefingPlace: 'the place of the briefing',
  capacity: 'the number of officers in the team',
  classification: 'the protective marking',
  court: 'the issuing court',
  cursor: 'the page',
  dateOfBirth: 'the date of birth',
  debriefAt: 'the time of the debrief',
  deploymentId: 'the team',
  endsAt: 'the end',
  evidenceType: 'the type of evidence',
  expectedPotentialVictims: 'the number of potential victims expected',
  expiresAt: 'the expiry of the warrant',
  exploitationTypes: 'the types of exploitation',
  exploitationTypesAnyOf: 'the types of exploitation one of which a plan must have',
  exploitationTypesWithin: 'the types of exploitation a plan must keep to',
  from: 'the start of the period',
  headcount: 'the number of officers',
  hitId: 'the deconfliction hit',
  id: 'the id in the address',
  intelligenceDerived: 'whether the risk is derived from intelligence',
  kind: 'the kind',
  limit: 'the number of results',
  meetAt: 'the meeting time',
  months: 'the number of months',
  nextCursor: 'the next page link',
  nrmReferrals: 'the number of NRM referrals',
  offenceOther: 'the offence in words',
  operationId: 'the plan',
  q: 'the search',
  receptionClosesAt: 'the time the reception centre closes',
  receptionOpensAt: 'the time the reception centre opens',
  requirementId: 'the evidence requirement',
  residual: 'the residual risk',
  rid: 'the evidence requirement',
  rvPointId: 'the RV point',
  startsAt: 'the start',
  strikeAt: 'the strike time',
  teamId: 'the team',
  to: 'the end of the period',
};

/** The words for a field of a request, by its path (`locations.0.strikeAt`: "the strike time"). */
export function fieldLabel(path: string): string {
  const name =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path;
  // Own labels only: a field a client names `valueOf` or `constructor` is not the object's own method.
  return (
    (Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name] : undefined) ??
    `the ${name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()}`
  );
}

/** An agency of each kind as the subject of a sentence ("A victim support organisation cannot lead a day of action"). */
export const AGENCY_KIND_NOUNS: Record<AgencyKind, string> = {
  POLICE: 'a police force',
  NCA: 'the National Crime Agency',
  GLAA: 'the Gangmasters and Labour Abuse Authority',
  BORDER_FORCE: 'Border Force',
  IMMIGRATION_ENFORCEMENT: 'Immigration Enforcement',
  HMRC: 'HM Revenue and Customs',
  DWP: 'the Department for Work and Pensions',
  CPS: 'the Crown Prosecution Service',
  LOCAL_AUTHORITY: 'a local authority',
  VICTIM_SUPPORT: 'a victim support organisation',
};

/** The roles a user may hold, in words. */
export const ROLE_LABELS: Record<Role, string> = {
  COORDINATOR: 'coordinator',
  CPS_LIAISON: 'CPS liaison',
  MANAGER: 'manager',
  ADMIN: 'admin',
};

/** A count with its noun, singular or plural as English has it: "1 location", "2 officers", "0 teams". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** The roles in words, as a list joined by "or": "a manager or a coordinator". */
export function anyOfRoles(roles: readonly Role[]): string {
  const named = roles.map((role) => `${/^[aeiou]/i.test(ROLE_LABELS[role]) ? 'an' : 'a'} ${ROLE_LABELS[role]}`);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/**
 * An agency as people read it: its name, with its code in brackets only where the code says
 * something the name does not ("Border Force (BF)", but "NCA", never "NCA (NCA)").
 */
export function agencyNamed(agency: { name: string; code: string }): string {
  return agency.name.trim().toLowerCase() === agency.code.trim().toLowerCase() ? agency.name : `${agency.name} (${agency.code})`;
}

/** A label as it reads inside a sentence: "Radio channel" → "radio channel", but "RV points" and "NRM referrals" keep their capitals. */
export function inSentence(text: string): string {
  return /^[A-Z][A-Z0-9]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
