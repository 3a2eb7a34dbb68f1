import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PersonView, VersionDto } from '../../common/dto';
import { trim } from '../../common/transforms';

export class ReviewDto extends VersionDto {
  @ApiProperty({ enum: ['APPROVE', 'REQUEST_CHANGES'] })
  @IsIn(['APPROVE', 'REQUEST_CHANGES'], { message: 'decision must be APPROVE or REQUEST_CHANGES' })
  decision: 'APPROVE' | 'REQUEST_CHANGES';

  @ApiPropertyOptional({ maxLength: 4000, description: 'Required when requesting changes: what to change' })
  @ValidateIf((body: ReviewDto) => body.decision === 'REQUEST_CHANGES' || body.comment !== undefined)
  @Transform(trim) @IsString({ message: 'comment must say what to change' }) @MinLength(1, { message: 'comment must say what to change' }) @MaxLength(4000)
  comment?: string;
}

export class CancelDto extends VersionDto {
  @ApiProperty({ maxLength: 1000, example: 'Intelligence shows the site has closed' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  reason: string;
}

export class OutcomesDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) arrests: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) potentialVictimsSafeguarded: number;
  @ApiProperty({ minimum: 0, description: 'National Referral Mechanism referrals' }) @IsInt() @Min(0) @Max(100000) nrmReferrals: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) premisesVisited: number;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) notes?: string;
}

export class CompleteDto extends VersionDto {
  @ApiProperty({ type: OutcomesDto })
  @ValidateNested() @Type(() => OutcomesDto)
  outcomes: OutcomesDto;
}

export class AcknowledgeDto extends VersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Spoke to the NCA lead; our entry is two hours after theirs' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  note: string;
}

export class ReadinessCheckView {
  @ApiProperty({ example: 'cps-engaged' }) id: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'A failing blocking check stops submission; others are warnings' }) blocking: boolean;
  @ApiProperty() message: string;
}

export class ReadinessView {
  @ApiProperty() ready: boolean;
  @ApiProperty({ type: ReadinessCheckView, isArray: true }) checks: ReadinessCheckView[];
}

class ConflictAgencyView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class ContactView {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

class AcknowledgementView {
  @ApiProperty() note: string;
  @ApiProperty({ type: PersonView }) by: PersonView;
  @ApiProperty() at: string;
}

export class ConflictView {
  @ApiProperty({ format: 'uuid', description: 'Use it to acknowledge the hit' }) operationId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: ConflictAgencyView, nullable: true }) leadAgency: ConflictAgencyView | null;
  @ApiProperty({ type: ContactView, nullable: true, description: 'Who to call in the other operation' }) contact: ContactView | null;
  @ApiProperty({ type: String, isArray: true }) sharedPostcodes: string[];
  @ApiProperty({ type: AcknowledgementView, nullable: true }) acknowledgement: AcknowledgementView | null;
}
