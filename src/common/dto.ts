import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { queryInt } from './transforms';

/** Shapes shared by many modules' requests and responses. */

export class VersionDto {
  @ApiProperty({ minimum: 1, description: 'The version of the plan the client last saw (R10)' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

/** The version sent with a request that has no body (a delete): `?version=`. */
export class VersionQueryDto {
  @ApiProperty({ minimum: 1, description: 'The version of the plan the client last saw' })
  @Transform(queryInt)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}
