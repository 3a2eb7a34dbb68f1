import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Power, POWERS } from '../../common/domain';
import { blankAsNull, trim } from '../../common/transforms';
import { IsInstant, IsRequiredText, Omittable } from '../../common/validators';
import { VersionDto } from '../../common/dto';
import { MarkingView } from '../../operations/dto/operation.dto';
import { DeploymentView } from '../../operations/dto/plan-view.dto';

const POWERS_MESSAGE = `each power must be one of ${POWERS.join(', ')}`;

/** What the owner says of a deployment's part in the order: the powers its tasking needs, where it meets, its call sign. */
class DeploymentOrderDto extends VersionDto {
  @ApiPropertyOptional({
    enum: POWERS,
    isArray: true,
    description: 'The powers the tasking needs: the team’s agency must hold each (POWER_NOT_HELD)',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(POWERS.length)
  @ArrayUnique({ message: 'powers must not repeat' })
  @IsIn(POWERS, { each: true, message: POWERS_MESSAGE })
  powers?: Power[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'One of the plan’s RV points; null for none' })
  @IsOptional()
  @IsUUID('all', { message: 'rvPointId must be the id of one of the plan’s RV points' })
  rvPointId?: string | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description: 'The plan’s locations the team is allocated to (ids from the plan’s locations); replaces the allocation',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'locationIds must not repeat a location' })
  @IsUUID('all', { each: true, message: 'each of locationIds must be the id of one of the plan’s locations' })
  locationIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, example: 'Tango 1' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(40)
  callSign?: string | null;
}

export class UpdateDeploymentDto extends DeploymentOrderDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  tasking?: string;
}

export class CreateDeploymentDto extends DeploymentOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  teamId: string;

  @ApiProperty({ minimum: 1, description: 'Officers deployed; at most the team’s capacity (R6)' })
  @IsInt()
  @Min(1)
  @Max(1000)
  headcount: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Entry and search at the rear unit' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  tasking?: string;

  @ApiPropertyOptional({ description: 'Defaults to the operation’s start; must lie inside the operation’s window' })
  @Omittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ description: 'Defaults to the operation’s end; must lie inside the operation’s window' })
  @Omittable()
  @IsInstant()
  endsAt?: string;
}

/** The version of the deployment the partner last saw (R10): its own, not the plan's. */
export class DeploymentVersionDto {
  @ApiProperty({ minimum: 1, description: 'The version of the deployment the client last saw' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class DeclineDeploymentDto extends DeploymentVersionDto {
  @ApiProperty({ maxLength: 1000, example: 'Team committed to a firearms operation that day' })
  @Transform(trim)
  @IsRequiredText('Enter a reason for declining', 1000)
  reason: string;
}

export class DeploymentDecisionView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ description: 'The plan’s version, which a partner’s answer does not change' }) operationVersion: number;
  @ApiProperty({ type: DeploymentView }) deployment: DeploymentView;
}

export class DeploymentRecordView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ example: 'OP-2027-0012' }) reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: MarkingView }) marking: MarkingView;
  @ApiProperty({
    description:
      'Whether the caller still sees the plan: an agency whose last team was declined or released by the owner keeps only its own deployment record (R14)',
  })
  planVisible: boolean;
  @ApiProperty({ type: DeploymentView }) deployment: DeploymentView;
}
