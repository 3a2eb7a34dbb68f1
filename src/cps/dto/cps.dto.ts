import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  EVIDENCE_PRIORITIES,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EvidencePriority,
  EvidenceStatus,
  EvidenceType,
  Offence,
  OFFENCES,
} from '../../common/domain';
import { trim } from '../../common/transforms';
import { IsDateOnly, IsRequiredText, Omittable } from '../../common/validators';
import { AgencyView } from '../../reference-data/dto/agency.dto';
import { PersonView, VersionDto } from '../../common/dto';

const OFFENCE_MESSAGE = `offence must be one of ${OFFENCES.join(', ')}`;
const TYPE_MESSAGE = `evidenceType must be one of ${EVIDENCE_TYPES.join(', ')}`;
const PRIORITY_MESSAGE = 'priority must be ESSENTIAL or DESIRABLE';

export class CpsRequestDto extends VersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Forced labour at two car washes; advice needed on charging the site managers under s.1 or s.2' })
  @Transform(trim) @IsRequiredText('Enter a note telling the CPS what the operation needs advice on', 2000)
  note: string;

  @ApiProperty({ example: '2027-02-14', description: 'The date the advice is needed by (UK): from today up to the day of action' })
  @IsDateOnly({ message: 'Enter the date advice is needed by, as YYYY-MM-DD' })
  adviceNeededBy: string;
}

export class DeclineCpsRequestDto extends VersionDto {
  @ApiProperty({ maxLength: 1000, example: 'This area is covered by the CPS West Midlands unit; ask them' })
  @Transform(trim) @IsRequiredText('Enter a reason for declining', 1000)
  reason: string;
}

export class CpsDeclineView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() operationVersion: number;
  @ApiProperty({ enum: ['DECLINED'] }) status: 'DECLINED';
  @ApiProperty() reason: string;
}

/** The version of the evidence requirement the client last saw (R10): its own, not the plan's. */
export class RequirementVersionDto {
  @ApiProperty({ minimum: 1, description: 'The version of the evidence requirement the client last saw' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version: number;
}

export class CreateEvidenceRequirementDto extends VersionDto {
  @ApiProperty({ enum: OFFENCES })
  @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence: Offence;

  @ApiPropertyOptional({ maxLength: 500, description: 'The offence, in words: required with OTHER, refused otherwise' })
  @ValidateIf((body: CreateEvidenceRequirementDto) => body.offence === 'OTHER' || body.offenceOther !== undefined)
  @Transform(trim) @IsRequiredText('Enter the offence, in words, when it is OTHER', 500)
  offenceOther?: string;

  @ApiProperty({ enum: EVIDENCE_TYPES })
  @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType: EvidenceType;

  @ApiProperty({ maxLength: 2000, example: 'Phones of the site managers, seized and imaged on the day' })
  @Transform(trim) @IsRequiredText('Enter a description of the evidence needed', 2000)
  description: string;

  @ApiProperty({ enum: EVIDENCE_PRIORITIES })
  @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority: EvidencePriority;
}

export class UpdateEvidenceRequirementDto extends RequirementVersionDto {
  @ApiPropertyOptional({ enum: OFFENCES })
  @Omittable() @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence?: Offence;

  @ApiPropertyOptional({ maxLength: 500 })
  @Omittable() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500)
  offenceOther?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @Omittable() @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType?: EvidenceType;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_PRIORITIES })
  @Omittable() @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority?: EvidencePriority;
}

export class AssignEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ format: 'uuid', description: 'A team with a confirmed deployment on the operation' })
  @IsUUID('all')
  teamId: string;
}

export class GatheredEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Three phones seized, exhibits JS/1 to JS/3' })
  @Transform(trim) @IsRequiredText('Enter a note of what was gathered', 2000)
  note: string;
}

export class RejectEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ maxLength: 1000, example: 'The exhibit log is incomplete: no seizure times' })
  @Transform(trim) @IsRequiredText('Enter a reason for rejecting the evidence', 1000)
  reason: string;
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

class AssignedTeamView {
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

export class EvidenceWriteView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ description: 'The plan’s version: it moves when requirements are set or assigned, not when evidence is gathered or decided' })
  operationVersion: number;
  @ApiProperty({ type: EvidenceRequirementView }) requirement: EvidenceRequirementView;
}

class OffenceGroupView {
  @ApiProperty({ enum: OFFENCES }) offence: Offence;
  @ApiProperty() label: string;
  @ApiProperty({ type: EvidenceRequirementView, isArray: true }) requirements: EvidenceRequirementView[];
}

class MatrixSummaryView {
  @ApiProperty() total: number;
  @ApiProperty() essential: number;
  @ApiProperty({ description: 'ESSENTIAL requirements with no team yet' }) essentialUnassigned: number;
  @ApiProperty() gathered: number;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty() warnings: number;
}

export class EvidenceMatrixView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: OffenceGroupView, isArray: true, description: 'Offences in Act order; only those with requirements' })
  offences: OffenceGroupView[];
  @ApiProperty({ type: MatrixSummaryView }) summary: MatrixSummaryView;
}
