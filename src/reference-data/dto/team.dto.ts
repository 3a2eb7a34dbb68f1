import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CAPABILITIES, Capability } from '../../common/domain';
import { trim } from '../../common/transforms';
import { Omittable, oneOf } from '../../common/validators';

const CAPABILITY = oneOf(CAPABILITIES, 'Choose the capabilities from the list', { each: true });
const EACH_CAPABILITY_ONCE = { message: 'Choose each capability once' };

export class CreateTeamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  agencyId: string;

  @ApiProperty({ example: 'Territorial Support Group 3', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CAPABILITIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CAPABILITIES.length)
  @ArrayUnique(EACH_CAPABILITY_ONCE)
  @IsIn(CAPABILITIES, CAPABILITY)
  capabilities: Capability[];

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'Number of officers' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CAPABILITIES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(CAPABILITIES.length)
  @ArrayUnique(EACH_CAPABILITY_ONCE)
  @IsIn(CAPABILITIES, CAPABILITY)
  capabilities?: Capability[];

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;
}

export class TeamQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  agencyId?: string;

  @ApiPropertyOptional({ enum: CAPABILITIES })
  @Omittable()
  @IsIn(CAPABILITIES, oneOf(CAPABILITIES, 'Choose a capability from the list'))
  capability?: Capability;
}

export class TeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAPABILITIES, isArray: true }) capabilities: Capability[];
  @ApiProperty() capacity: number;
}
