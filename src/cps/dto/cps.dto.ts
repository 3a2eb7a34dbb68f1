import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { EVIDENCE_PRIORITIES, EVIDENCE_TYPES, EvidencePriority, EvidenceType, Offence, OFFENCES } from '../../common/domain';
import { label } from '../../common/labels';
import { trim } from '../../common/transforms';
import { IsDateOnly, IsRequiredText, Omittable } from '../../common/validators';
import { VersionDto } from '../../common/dto';
import { EvidenceRequirementView } from '../../operations/dto/plan-view.dto';

const OFFENCE_MESSAGE =
  'Choose the offence: slavery, servitude and forced labour, human trafficking, an offence with intent to traffic (Modern Slavery Act 2015 sections 1, 2 and 4), or another offence';
const TYPE_MESSAGE = `Choose the type of evidence: ${EVIDENCE_TYPES.map((type) => label('evidenceType', type)).join(', ')}`;
const PRIORITY_MESSAGE = 'Choose whether the evidence is essential or desirable';

export class CpsRequestDto extends VersionDto {
  @ApiProperty({
    maxLength: 2000,
    example: 'Forced labour at two car washes; advice needed on charging the site managers under s.1 or s.2',
  })
  @Transform(trim)
  @IsRequiredText('Enter a note telling the CPS what the operation needs advice on', 2000)
  note: string;

  @ApiProperty({ example: '2027-02-14', description: 'The date the advice is needed by (UK): from today up to the day of action' })
  @IsDateOnly({ message: 'Enter the date advice is needed by, as YYYY-MM-DD' })
  adviceNeededBy: string;
}

export class DeclineCpsRequestDto extends VersionDto {
  @ApiProperty({ maxLength: 1000, example: 'This area is covered by the CPS West Midlands unit; ask them' })
  @Transform(trim)
  @IsRequiredText('Enter a reason for declining', 1000)
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
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class CreateEvidenceRequirementDto extends VersionDto {
  @ApiProperty({ enum: OFFENCES })
  @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence: Offence;

  @ApiPropertyOptional({ maxLength: 500, description: 'The offence, in words: required with OTHER, refused otherwise' })
  @ValidateIf((body: CreateEvidenceRequirementDto) => body.offence === 'OTHER' || body.offenceOther !== undefined)
  @Transform(trim)
  @IsRequiredText('Enter the offence, in words, when it is another offence', 500)
  offenceOther?: string;

  @ApiProperty({ enum: EVIDENCE_TYPES })
  @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType: EvidenceType;

  @ApiProperty({ maxLength: 2000, example: 'Phones of the site managers, seized and imaged on the day' })
  @Transform(trim)
  @IsRequiredText('Enter a description of the evidence needed', 2000)
  description: string;

  @ApiProperty({ enum: EVIDENCE_PRIORITIES })
  @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority: EvidencePriority;
}

export class UpdateEvidenceRequirementDto extends RequirementVersionDto {
  @ApiPropertyOptional({ enum: OFFENCES })
  @Omittable()
  @IsIn(OFFENCES, { message: OFFENCE_MESSAGE })
  offence?: Offence;

  @ApiPropertyOptional({ maxLength: 500 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  offenceOther?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @Omittable()
  @IsIn(EVIDENCE_TYPES, { message: TYPE_MESSAGE })
  evidenceType?: EvidenceType;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_PRIORITIES })
  @Omittable()
  @IsIn(EVIDENCE_PRIORITIES, { message: PRIORITY_MESSAGE })
  priority?: EvidencePriority;
}

export class AssignEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ format: 'uuid', description: 'A team with a confirmed deployment on the operation' })
  @IsUUID('all')
  teamId: string;
}

export class GatheredEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Three phones seized, exhibits JS/1 to JS/3' })
  @Transform(trim)
  @IsRequiredText('Enter a note of what was gathered', 2000)
  note: string;
}

export class RejectEvidenceDto extends RequirementVersionDto {
  @ApiProperty({ maxLength: 1000, example: 'The exhibit log is incomplete: no seizure times' })
  @Transform(trim)
  @IsRequiredText('Enter a reason for rejecting the evidence', 1000)
  reason: string;
}

export class EvidenceWriteView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({
    description: 'The plan’s version: it moves when requirements are set or assigned, not when evidence is gathered or decided',
  })
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
