import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/transforms';
import { IsInstant, IsRequiredText, Omittable } from '../../common/validators';
import { VersionDto } from '../../common/dto';
import { DeploymentView } from '../../operations/dto/plan-view.dto';

export class CreateDeploymentDto extends VersionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  teamId: string;

  @ApiProperty({ minimum: 1, description: 'Officers deployed; at most the team’s capacity (R6)' })
  @IsInt() @Min(1) @Max(1000)
  headcount: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Entry and search at the rear unit' })
  @Omittable() @Transform(trim) @IsString() @MaxLength(2000)
  tasking?: string;

  @ApiPropertyOptional({ description: 'Defaults to the operation’s start; must lie inside the operation’s window' })
  @Omittable() @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ description: 'Defaults to the operation’s end; must lie inside the operation’s window' })
  @Omittable() @IsInstant()
  endsAt?: string;
}

/** The version of the deployment the partner last saw (R10): its own, not the plan's. */
export class DeploymentVersionDto {
  @ApiProperty({ minimum: 1, description: 'The version of the deployment the client last saw' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version: number;
}

export class DeclineDeploymentDto extends DeploymentVersionDto {
  @ApiProperty({ maxLength: 1000, example: 'Team committed to a firearms operation that day' })
  @Transform(trim) @IsRequiredText('Enter a reason for declining', 1000)
  reason: string;
}

export class DeploymentDecisionView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ description: 'The plan’s version, which a partner’s answer does not change' }) operationVersion: number;
  @ApiProperty({ type: DeploymentView }) deployment: DeploymentView;
}
