/** The shared vocabulary of DESIGN §2. Migrations hold their own frozen copies in check constraints. */

export const AGENCY_KINDS = [
  'POLICE',
  'NCA',
  'GLAA',
  'BORDER_FORCE',
  'IMMIGRATION_ENFORCEMENT',
  'HMRC',
  'DWP',
  'CPS',
  'LOCAL_AUTHORITY',
  'VICTIM_SUPPORT',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const CAPABILITIES = [
  'ENTRY',
  'SEARCH',
  'ARREST',
  'SAFEGUARDING',
  'INTERPRETING',
  'FINANCIAL_INVESTIGATION',
  'DIGITAL_FORENSICS',
  'IMMIGRATION_CHECKS',
  'LABOUR_INSPECTION',
  'TAX_COMPLIANCE',
  'BENEFITS_INVESTIGATION',
  'INTELLIGENCE',
  'VICTIM_RECEPTION',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLES = ['COORDINATOR', 'CPS_LIAISON', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const EXPLOITATION_TYPES = ['LABOUR', 'SEXUAL', 'CRIMINAL', 'DOMESTIC_SERVITUDE', 'ORGAN_REMOVAL'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const SCOPES = ['LOCAL', 'REGIONAL', 'NATIONAL', 'INTERNATIONAL'] as const;
export type Scope = (typeof SCOPES)[number];

export const POLICY_ROLES = ['LEAD', 'SUPPORT'] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

export const DEPLOYMENT_STATUSES = ['REQUESTED', 'CONFIRMED', 'DECLINED', 'RELEASED'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
/** The deployments that hold a team for a plan: asked for, or agreed. Declined and released ones do not. */
export const ACTIVE_DEPLOYMENT_STATUSES = ['REQUESTED', 'CONFIRMED'] as const satisfies readonly DeploymentStatus[];
export const isActiveDeployment = (status: string): status is (typeof ACTIVE_DEPLOYMENT_STATUSES)[number] =>
  (ACTIVE_DEPLOYMENT_STATUSES as readonly string[]).includes(status);

export const CPS_INVOLVEMENT_STATUSES = ['REQUESTED', 'ENGAGED', 'WITHDRAWN', 'DECLINED'] as const;
export type CpsInvolvementStatus = (typeof CPS_INVOLVEMENT_STATUSES)[number];

export const OPERATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'APPROVED',
  'ACTIVE',
  'COMPLETED',
  'CANCELLED',
  'STOOD_DOWN',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
/** The plans that have ended (R8): completed, cancelled or stood down; nothing moves them on, and they keep their record. */
export const ENDED_STATUSES = ['COMPLETED', 'CANCELLED', 'STOOD_DOWN'] as const satisfies readonly OperationStatus[];

/** IIMARCH: the briefing sections, in the order officers are briefed. */
export const BRIEFING_SECTIONS = ['information', 'intent', 'method', 'administration', 'risk', 'communications', 'humanitarian'] as const;
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number];

export const OFFENCES = [
  'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
  'MSA_S2_HUMAN_TRAFFICKING',
  'MSA_S4_OFFENCE_WITH_INTENT',
  'OTHER',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const EVIDENCE_TYPES = [
  'VICTIM_ACCOUNT',
  'WITNESS_STATEMENT',
  'FINANCIAL_RECORDS',
  'DIGITAL_DEVICES',
  'COMMUNICATIONS_DATA',
  'CCTV',
  'DOCUMENTS',
  'SCENE_PHOTOGRAPHY',
  'MEDICAL',
  'INTELLIGENCE',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_PRIORITIES = ['ESSENTIAL', 'DESIRABLE'] as const;
export type EvidencePriority = (typeof EVIDENCE_PRIORITIES)[number];

export const EVIDENCE_STATUSES = ['OPEN', 'ASSIGNED', 'GATHERED', 'ACCEPTED', 'REJECTED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** The powers a deployment's tasking may need; reference data says which kind of agency holds each. */
export const POWERS = [
  'ENTRY',
  'SEARCH',
  'ARREST',
  'IMMIGRATION_CHECKS',
  'LABOUR_INSPECTION',
  'TAX_COMPLIANCE',
  'BENEFITS_INVESTIGATION',
] as const;
export type Power = (typeof POWERS)[number];

/** On what basis officers go into a location. */
export const ENTRY_BASES = ['WARRANT', 'CONSENT', 'STATUTORY_POWER'] as const;
export type EntryBasis = (typeof ENTRY_BASES)[number];

export const HAZARDS = [
  'DOGS',
  'WEAPONS',
  'CHILDREN_PRESENT',
  'VULNERABLE_ADULTS',
  'HOSTILE_OCCUPANTS',
  'HAZARDOUS_PREMISES',
  'PUBLIC_ORDER',
  'OTHER',
] as const;
export type Hazard = (typeof HAZARDS)[number];

export const RISK_RATINGS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/** The kinds of agency that are NRM first responder organisations: their officers may refer a potential victim. */
export const NRM_FIRST_RESPONDER_KINDS: readonly AgencyKind[] = [
  'POLICE',
  'NCA',
  'GLAA',
  'BORDER_FORCE',
  'IMMIGRATION_ENFORCEMENT',
  'LOCAL_AUTHORITY',
  'VICTIM_SUPPORT',
];

export const SIGN_OFF_DECISIONS = ['SIGNED_OFF', 'DECLINED'] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

/** The kinds of subject of interest a plan may record, matched blind between plans. */
export const SUBJECT_KINDS = ['PERSON', 'PHONE', 'VEHICLE', 'EMAIL'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * The sections of a plan (R14a): every part of a plan belongs to one. Core and Safeguarding are for
 * every agency on the plan; the owner may grant a partner the others (R14b).
 */
export const PLAN_SECTIONS = ['CORE', 'PLACES', 'SAFEGUARDING', 'TEAMS', 'INTELLIGENCE', 'PROSECUTION'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
export const GRANTABLE_SECTIONS = ['PLACES', 'TEAMS', 'INTELLIGENCE', 'PROSECUTION'] as const satisfies readonly PlanSection[];
export type GrantableSection = (typeof GRANTABLE_SECTIONS)[number];

/** Kinds of agency that are not law enforcement: they see a plan's places only when granted them (R14a). */
export const NOT_LAW_ENFORCEMENT_KINDS: readonly AgencyKind[] = ['VICTIM_SUPPORT', 'LOCAL_AUTHORITY', 'CPS'];
/** Kinds of agency never granted a plan's intelligence (R14b). */
export const NEVER_INTELLIGENCE_KINDS: readonly AgencyKind[] = ['VICTIM_SUPPORT', 'LOCAL_AUTHORITY'];

/**
 * R14a: the sections an agency of `kind` on a plan sees without any grant: Core and Safeguarding,
 * and Places for law enforcement. (Of Teams and Prosecution it sees its own part besides.)
 */
export function seenByDefault(kind: AgencyKind, section: PlanSection): boolean {
  return section === 'CORE' || section === 'SAFEGUARDING' || (section === 'PLACES' && !NOT_LAW_ENFORCEMENT_KINDS.includes(kind));
}

/** Government Security Classifications this system may hold (R14d): nothing higher. */
export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** DESIGN §6: a session ends 30 minutes after it was last used, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

/** The day's log (issue 29): what an entry records. */
export const LOG_KINDS = ['STATUS', 'DECISION', 'COUNT', 'MESSAGE'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** A premises' progress on the day, in the order it normally goes; the last two end it. */
export const PREMISES_STATUSES = ['NOT_STARTED', 'TEAM_AT_RV', 'ENTRY_MADE', 'SEARCH_UNDER_WAY', 'CLEAR', 'STOOD_DOWN'] as const;
export type PremisesStatus = (typeof PREMISES_STATUSES)[number];

/** Who took a decision in the decision log (JESIP). */
export const DECISION_ROLES = ['GOLD', 'SILVER', 'SENIOR_INVESTIGATING_OFFICER', 'SITE_COMMANDER'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** What is counted as it happens. */
export const COUNT_KINDS = ['ARREST', 'POTENTIAL_VICTIM', 'SAFEGUARDED', 'NRM_REFERRAL', 'DUTY_TO_NOTIFY', 'SEIZURE'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export const AGE_GROUPS = ['ADULT', 'CHILD'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const SEIZURE_KINDS = ['CASH', 'DEVICES', 'DOCUMENTS'] as const;
export type SeizureKind = (typeof SEIZURE_KINDS)[number];

/** How long after a day of action ends its log still takes corrections. */
export const LOG_CORRECTION_HOURS = 72;
