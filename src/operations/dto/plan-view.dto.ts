import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonView } from '../../common/dto';
import {
  CPS_INVOLVEMENT_STATUSES,
  CpsInvolvementStatus,
  DEPLOYMENT_STATUSES,
  DeploymentStatus,
  EVIDENCE_PRIORITIES,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EvidencePriority,
  EvidenceStatus,
  EvidenceType,
  GRANTABLE_SECTIONS,
  GrantableSection,
  Offence,
  OFFENCES,
  PLAN_SECTIONS,
  PlanSection,
  Power,
  POWERS,
} from '../../common/domain';
import { AgencyView } from '../../reference-data/dto/agency.dto';
import { OperationSummaryView, SafeguardingView, StoredLocationView } from './operation.dto';
import { CommandView, CommunicationsView, RiskView, RvPointView, SignOffView, TimingsView } from './order.dto';

/** The whole plan as every reader sees it: the read model (plan-read.repository.ts) fills these in. */

export class DeploymentTeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, isArray: true }) capabilities: string[];
  @ApiProperty() capacity: number;
}

/** Why a property of another agency's deployment may be absent. */
const OWN_TEAMS_ONLY =
  'Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a)';
const partial = (options: Record<string, unknown> = {}) =>
  ApiPropertyOptional({ ...options, description: `${options.description ? `${options.description}. ` : ''}${OWN_TEAMS_ONLY}` });

export class DeploymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @partial({ description: 'The version a partner answers against (confirm, decline)' }) version?: number;
  @ApiProperty({ type: DeploymentTeamView }) team: DeploymentTeamView;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES }) status: DeploymentStatus;
  @partial() headcount?: number;
  @partial() tasking?: string;
  @partial({ enum: POWERS, isArray: true, description: 'The powers the tasking needs; the team’s agency holds each' }) powers?: Power[];
  @partial({ type: RvPointView, nullable: true, description: 'Where and when the team meets' }) rvPoint?: RvPointView | null;
  @partial({ nullable: true, type: String, example: 'Tango 1' }) callSign?: string | null;
  @partial({
    type: String,
    isArray: true,
    description:
      'The ids of the plan’s locations the team is allocated to, in the plan’s order: only for a reader who sees the Places section',
  })
  locationIds?: string[];
  @partial() startsAt?: string;
  @partial() endsAt?: string;
  @partial({ description: 'Moves with the operation’s window' }) followsOperationWindow?: boolean;
  @partial({ type: PersonView }) requestedBy?: PersonView;
  @partial() requestedAt?: string;
  @partial({ type: PersonView, nullable: true }) respondedBy?: PersonView | null;
  @partial({ nullable: true, type: String }) respondedAt?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'Why the team’s agency declined: omitted for anyone but the plan’s holders (its creator’s agency and its lead) and the declining agency (R14a)',
  })
  declineReason?: string | null;
  @partial({ nullable: true, type: String }) releasedAt?: string | null;
  @partial({ nullable: true, type: String, example: 'the operation was completed' }) releaseReason?: string | null;
  @partial({
    enum: ['CONFIRMED', 'REQUESTED'],
    nullable: true,
    description: 'Another plan has this team for overlapping time: CONFIRMED (it cannot be confirmed here too) or also REQUESTED',
  })
  bookedElsewhere?: 'CONFIRMED' | 'REQUESTED' | null;
}

export class ApprovalView {
  @ApiProperty({ type: PersonView }) by: PersonView;
  @ApiProperty() at: string;
}

export class OutcomesView {
  @ApiProperty() arrests: number;
  @ApiProperty() potentialVictimsSafeguarded: number;
  @ApiProperty() nrmReferrals: number;
  @ApiProperty() premisesVisited: number;
  @ApiProperty({ required: false }) notes?: string;
}

export class CpsInvolvementView {
  @ApiProperty({ enum: CPS_INVOLVEMENT_STATUSES }) status: CpsInvolvementStatus;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the owner asked the CPS for' }) requestNote: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-02-14' }) adviceNeededBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a liaison declined the request' }) declineReason: string | null;
  @ApiProperty({ type: PersonView, nullable: true }) declinedBy: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) declinedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the liaison closed evidence gathering' }) closedAt: string | null;
  @ApiProperty({ type: PersonView, nullable: true }) liaison: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) engagedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Whole days between engagedAt and the operation’s start' })
  leadTimeDays: number | null;
}

export class AssignedTeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, isArray: true }) capabilities: string[];
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
}

export class EvidenceEventView {
  @ApiProperty({ enum: ['OPEN', 'ASSIGNED', 'GATHERED', 'ACCEPTED', 'REJECTED'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'The gathering note' }) note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the evidence was rejected' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The team assigned' }) team: string | null;
  @ApiProperty({ type: PersonView }) by: PersonView;
  @ApiProperty() at: string;
}

export class EvidenceRequirementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The version its transitions (edit, assign, gathered, accept, reject) are made against' }) version: number;
  @ApiProperty({ enum: OFFENCES }) offence: Offence;
  @ApiProperty({ nullable: true, type: String }) offenceOther: string | null;
  @ApiProperty({ enum: EVIDENCE_TYPES }) evidenceType: EvidenceType;
  @ApiProperty() description: string;
  @ApiProperty({ enum: EVIDENCE_PRIORITIES }) priority: EvidencePriority;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status: EvidenceStatus;
  @ApiProperty({ type: AssignedTeamView, nullable: true }) assignedTeam: AssignedTeamView | null;
  @ApiProperty({ nullable: true, type: String, description: 'The capability this type of evidence usually needs' })
  suggestedCapability: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the assigned team lacks the suggested capability' })
  warning: string | null;
  @ApiProperty({ nullable: true, type: String }) gatheredNote: string | null;
  @ApiProperty({ type: PersonView, nullable: true }) gatheredBy: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) gatheredAt: string | null;
  @ApiProperty({ type: PersonView, nullable: true }) decidedBy: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ type: EvidenceEventView, isArray: true, description: 'Every step, oldest first: each note and each rejection' })
  history: EvidenceEventView[];
}

/** The IIMARCH briefing as a reader sees it. */
export class BriefingView {
  @ApiPropertyOptional({
    description:
      'I: information, the intelligence picture. Omitted unless the caller sees the Intelligence section: the plan’s holders and partners granted it (R14a)',
  })
  information?: string;
  @ApiProperty() intent: string;
  @ApiProperty() method: string;
  @ApiProperty() administration: string;
  @ApiProperty() risk: string;
  @ApiProperty() communications: string;
  @ApiProperty() humanitarian: string;
}

/** One partner agency's sections beyond its default (R14b). */
export class SharingView {
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty({ enum: GRANTABLE_SECTIONS, isArray: true }) sections: GrantableSection[];
  @ApiProperty({ description: 'Why, as the owner last gave it' }) reason: string;
  @ApiProperty({ type: PersonView }) by: PersonView;
  @ApiProperty() at: string;
}

export class PlanActionsView {
  @ApiProperty({ description: 'Submit for review (owner; DRAFT or CHANGES_REQUESTED)' }) submit: boolean;
  @ApiProperty({ description: 'Withdraw from review (owner; SUBMITTED)' }) withdraw: boolean;
  @ApiProperty({ description: 'Approve (a manager of the lead agency who neither created nor changed the plan, R12; SUBMITTED)' })
  approve: boolean;
  @ApiProperty({ description: 'Send back for changes (as approve)' }) requestChanges: boolean;
  @ApiProperty({ description: 'Start the day of action (owner; APPROVED), after the go/no-go checks' }) start: boolean;
  @ApiProperty({ description: 'Complete it with its outcomes (owner; ACTIVE, once its window has opened)' }) complete: boolean;
  @ApiProperty({ description: 'Cancel (owner; any status before ACTIVE)' }) cancel: boolean;
  @ApiProperty({ description: 'Stand it down (owner; ACTIVE)' }) standDown: boolean;
  @ApiProperty({ description: 'Change the plan (owner; DRAFT, CHANGES_REQUESTED, or APPROVED, which returns it to DRAFT)' }) edit: boolean;
  @ApiProperty({ description: 'Add and change evidence requirements (the engaged CPS liaison, while the plan is edited)' })
  setEvidence: boolean;
  @ApiProperty({ description: 'Close evidence gathering (the engaged CPS liaison, once the day of action is COMPLETED or STOOD_DOWN)' })
  closeEvidenceGathering: boolean;
}

export class OperationView extends OperationSummaryView {
  @ApiProperty({ type: AgencyView, description: 'The lead, or the creator’s agency while there is no lead (R15)' })
  owningAgency: AgencyView;
  @ApiProperty({
    enum: PLAN_SECTIONS,
    isArray: true,
    description: 'The sections of the plan the caller sees (R14a, R14b); what is not shared is left out of this view',
  })
  sections: PlanSection[];
  @ApiPropertyOptional({
    type: SharingView,
    isArray: true,
    description: 'Sections granted to partner agencies (R14b): only for the plan’s holders',
  })
  sharing?: SharingView[];
  @ApiProperty({ type: BriefingView }) briefing: BriefingView;
  @ApiPropertyOptional({
    type: StoredLocationView,
    isArray: true,
    description: 'The Places section: omitted for a victim-support, local-authority or CPS reader unless the owner granted it (R14a)',
  })
  locations?: StoredLocationView[];
  @ApiProperty({ type: SafeguardingView }) safeguarding: SafeguardingView;
  @ApiProperty({ type: TimingsView }) timings: TimingsView;
  @ApiProperty({ type: RvPointView, isArray: true, description: 'In the order teams meet' }) rvPoints: RvPointView[];
  @ApiProperty({ type: CommunicationsView }) communications: CommunicationsView;
  @ApiProperty({ type: CommandView, description: 'Gold, Silver and the SIO: Core, seen by every agency on the plan (R14a)' })
  command: CommandView;
  @ApiProperty({
    type: RiskView,
    isArray: true,
    description:
      'The risk register, in the order it was written; risks derived from intelligence only for those who see the Intelligence section',
  })
  risks: RiskView[];
  @ApiProperty({
    type: DeploymentView,
    isArray: true,
    description: 'Every team on the plan; another agency’s in full only for those who see the Teams section',
  })
  deployments: DeploymentView[];
  @ApiProperty({
    type: SignOffView,
    isArray: true,
    description: 'Each supporting agency with a confirmed team signs off its part before approval',
  })
  signOffs: SignOffView[];
  @ApiPropertyOptional({
    type: CpsInvolvementView,
    nullable: true,
    description:
      'The Prosecution section: null when not requested; omitted unless the caller sees it (the holders, the engaged liaison, partners granted it; any liaison while a request is open)',
  })
  cpsInvolvement?: CpsInvolvementView | null;
  @ApiProperty({
    type: EvidenceRequirementView,
    isArray: true,
    description:
      'The evidence matrix: all of it for those who see the Prosecution section; for a partner, the requirements assigned to its own teams',
  })
  evidenceRequirements: EvidenceRequirementView[];
  @ApiProperty({ type: ApprovalView, nullable: true, description: 'Who approved the plan and when, while it stands' })
  approval: ApprovalView | null;
  @ApiProperty({ type: OutcomesView, nullable: true }) outcomes: OutcomesView | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the plan was cancelled or stood down; null otherwise' }) cancelReason:
    string | null;
  @ApiProperty({ type: PersonView }) createdBy: PersonView;
  @ApiProperty({ type: AgencyView }) createdByAgency: AgencyView;
  @ApiProperty({ type: PersonView }) updatedBy: PersonView;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Whether the caller may edit the plan (R15)' }) canEdit: boolean;
  @ApiProperty({
    type: PlanActionsView,
    description:
      'What the caller may do with the plan now (R8): the moves its status allows that the caller’s rights allow; pages offer exactly these',
  })
  actions: PlanActionsView;
}
