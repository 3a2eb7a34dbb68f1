import { ApiProperty } from '@nestjs/swagger';
import { PersonView } from '../../common/dto';
import {
  DEPLOYMENT_STATUSES,
  DeploymentStatus,
  EVIDENCE_PRIORITIES,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EvidencePriority,
  EvidenceStatus,
  EvidenceType,
  Offence,
  OFFENCES,
  Power,
  POWERS,
} from '../../common/domain';
import { AgencyView } from '../../reference-data/dto/agency.dto';
import { BriefingDto, LocationView, OperationSummaryView, SafeguardingView } from './operation.dto';
import { CommunicationsView, RiskView, RvPointView, SignOffView, TimingsView } from './order.dto';

/** The whole plan as every reader sees it: the read model (plan-read.repository.ts) fills these in. */

export class DeploymentTeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, isArray: true }) capabilities: string[];
  @ApiProperty() capacity: number;
}

export class DeploymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The version a partner answers against (confirm, decline)' }) version: number;
  @ApiProperty({ type: DeploymentTeamView }) team: DeploymentTeamView;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty() headcount: number;
  @ApiProperty() tasking: string;
  @ApiProperty({ enum: POWERS, isArray: true, description: 'The powers the tasking needs; the team’s agency holds each' }) powers: Power[];
  @ApiProperty({ type: RvPointView, nullable: true, description: 'Where and when the team meets' }) rvPoint: RvPointView | null;
  @ApiProperty({ nullable: true, type: String, example: 'Tango 1' }) callSign: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ description: 'Moves with the operation’s window' }) followsOperationWindow: boolean;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES }) status: DeploymentStatus;
  @ApiProperty({ type: PersonView }) requestedBy: PersonView;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: PersonView, nullable: true }) respondedBy: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ nullable: true, type: String }) releasedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'the operation was completed' }) releaseReason: string | null;
  @ApiProperty({
    enum: ['CONFIRMED', 'REQUESTED'],
    nullable: true,
    description: 'Another plan has this team for overlapping time: CONFIRMED (it cannot be confirmed here too) or also REQUESTED',
  })
  bookedElsewhere: 'CONFIRMED' | 'REQUESTED' | null;
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
  @ApiProperty({ enum: ['REQUESTED', 'ENGAGED', 'WITHDRAWN', 'DECLINED'] }) status: string;
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

export class OperationView extends OperationSummaryView {
  @ApiProperty({ type: AgencyView, description: 'The lead, or the creator’s agency while there is no lead (R15)' })
  owningAgency: AgencyView;
  @ApiProperty({ type: BriefingDto }) briefing: Required<BriefingDto>;
  @ApiProperty({ type: LocationView, isArray: true }) locations: LocationView[];
  @ApiProperty({ type: SafeguardingView }) safeguarding: SafeguardingView;
  @ApiProperty({ type: TimingsView }) timings: TimingsView;
  @ApiProperty({ type: RvPointView, isArray: true, description: 'In the order teams meet' }) rvPoints: RvPointView[];
  @ApiProperty({ type: CommunicationsView }) communications: CommunicationsView;
  @ApiProperty({ type: RiskView, isArray: true, description: 'The risk register, in the order it was written' }) risks: RiskView[];
  @ApiProperty({ type: DeploymentView, isArray: true }) deployments: DeploymentView[];
  @ApiProperty({ type: SignOffView, isArray: true, description: 'Each supporting agency with a confirmed team signs off its part before approval' })
  signOffs: SignOffView[];
  @ApiProperty({ type: CpsInvolvementView, nullable: true }) cpsInvolvement: CpsInvolvementView | null;
  @ApiProperty({ type: EvidenceRequirementView, isArray: true }) evidenceRequirements: EvidenceRequirementView[];
  @ApiProperty({ type: ApprovalView, nullable: true, description: 'Who approved the plan and when, while it stands' })
  approval: ApprovalView | null;
  @ApiProperty({ type: OutcomesView, nullable: true }) outcomes: OutcomesView | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: PersonView }) createdBy: PersonView;
  @ApiProperty({ type: AgencyView }) createdByAgency: AgencyView;
  @ApiProperty({ type: PersonView }) updatedBy: PersonView;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Whether the caller may edit the plan (R15)' }) canEdit: boolean;
}
