import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
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
import { AgencyView } from '../../reference-data/dto/agency.dto';
import { PersonView, VersionDto } from '../../common/dto';

const OFFENCE_MESSAGE = `offence must be one of ${OFFENCES.join(', ')}`;
const TYPE_MESSAGE = `evidenceType must be one of ${EVIDENCE_TYPES.join(', ')}`;
const PRIORITY_MESSAGE = 'priority must be ESSENTIAL or DESIRABLE';

export class CreateEvidenceRequirementDto extends VersionDto {
  @ApiProperty({ enum: OFFENCES })
  @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence: Offence;

  @ApiPropertyOptional({ maxLength: 500, description: 'The offence, in words: required with OTHER, refused otherwise' })
  @ValidateIf((body: CreateEvidenceRequirementDto) => body.offence === 'OTHER' || body.offenceOther !== undefined)
  @Transform(trim) @IsString({ message: 'offenceOther must name the offence when offence is OTHER' }) @MinLength(1) @MaxLength(500)
  offenceOther?: string;

  @ApiProperty({ enum: EVIDENCE_TYPES })
  @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType: EvidenceType;

  @ApiProperty({ maxLength: 2000, example: 'Phones of the site managers, seized and imaged on the day' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  description: string;

  @ApiProperty({ enum: EVIDENCE_PRIORITIES })
  @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority: EvidencePriority;
}

export class UpdateEvidenceRequirementDto extends VersionDto {
  @ApiPropertyOptional({ enum: OFFENCES })
  @IsOptional() @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence?: Offence;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500)
  offenceOther?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @IsOptional() @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType?: EvidenceType;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_PRIORITIES })
  @IsOptional() @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority?: EvidencePriority;
}

export class AssignEvidenceDto extends VersionDto {
  @ApiProperty({ format: 'uuid', description: 'A team with a confirmed deployment on the operation' })
  @IsUUID('all')
  teamId: string;
}

export class GatheredEvidenceDto extends VersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Three phones seized, exhibits JS/1 to JS/3' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  note: string;
}

export class RejectEvidenceDto extends VersionDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  reason: string;
}

export class CpsInvolvementView {
  @ApiProperty({ enum: ['REQUESTED', 'ENGAGED', 'WITHDRAWN'] }) status: string;
  @ApiProperty() requestedAt: string;
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

export class EvidenceRequirementView {
  @ApiProperty({ format: 'uuid' }) id: string;
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
}

export class EvidenceWriteView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ description: 'The plan’s new version' }) operationVersion: number;
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
