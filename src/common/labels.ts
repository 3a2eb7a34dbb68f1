import type {
  AgencyKind,
  Capability,
  CpsInvolvementStatus,
  DeploymentStatus,
  EvidencePriority,
  EvidenceStatus,
  EvidenceType,
  ExploitationType,
  Offence,
  OperationStatus,
  Scope,
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
  deploymentStatus: {
    REQUESTED: 'Requested',
    CONFIRMED: 'Confirmed',
    DECLINED: 'Declined',
    RELEASED: 'Released',
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
};

export type LabelSet = keyof typeof LABELS;

/** The label of a code, or the code itself when the vocabulary has none (a newer code than this build). */
export function label(set: LabelSet, code: string): string {
  return (LABELS[set] as Record<string, string>)[code] ?? code;
}
