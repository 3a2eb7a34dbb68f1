import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role, ROLES } from '../../common/domain';
import { AgencyView } from './agency.dto';
import { trim, lower } from '../../common/transforms';
import { Omittable } from '../../common/validators';

const ROLE_MESSAGE = `each role must be one of ${ROLES.join(', ')}`;

export class CreateUserDto {
  @ApiProperty({ example: 'jo.bloggs@met.police.uk', maxLength: 254 })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  agencyId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique({ message: 'roles must not repeat' })
  @IsIn(ROLES, { each: true, message: ROLE_MESSAGE })
  roles: Role[];

  @ApiProperty({ minLength: 12, maxLength: 128, writeOnly: true })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(128)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  agencyId?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique({ message: 'roles must not repeat' })
  @IsIn(ROLES, { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ minLength: 12, maxLength: 128, writeOnly: true })
  @Omittable()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ description: 'false disables the account: its tokens stop working at once' })
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
}
