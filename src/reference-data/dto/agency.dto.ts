import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AGENCY_KINDS, AgencyKind } from '../../common/domain';
import { trim, upper } from '../../common/transforms';
import { Omittable, oneOf } from '../../common/validators';

export class CreateAgencyDto {
  @ApiProperty({ example: 'MPS', description: 'Short unique code: letters, digits, underscore; stored in upper case' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: 'The code must be 2 to 16 capital letters, digits or underscores, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'Metropolitan Police Service', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS, oneOf(AGENCY_KINDS, 'Choose the kind of agency from the list'))
  kind: AgencyKind;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ example: 'MPS' })
  @Omittable()
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: 'The code must be 2 to 16 capital letters, digits or underscores, starting with a letter' })
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @Omittable()
  @IsIn(AGENCY_KINDS, oneOf(AGENCY_KINDS, 'Choose the kind of agency from the list'))
  kind?: AgencyKind;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
}
