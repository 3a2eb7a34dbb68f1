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
import { Omittable, oneOf } from '../../common/validators';

const ROLE = oneOf(ROLES, 'Choose the roles from the list', { each: true });
const AT_LEAST_ONE_ROLE = { message: 'Choose at least one role' };
const EACH_ROLE_ONCE = { message: 'Choose each role once' };
const PASSWORD_LENGTH = { message: 'The password must be at least 12 characters' };
const ONE_TIME =
  'A one-time password: the user signs in with it once and must then set their own (POST /auth/password) before anything else works (403 PASSWORD_CHANGE_REQUIRED); unused, it stops signing in 72 hours after it was set. Issuing it is audited, never the password.';

export class CreateUserDto {
  @ApiProperty({ example: 'jo.bloggs@met.police.uk', maxLength: 254 })
  @Transform(lower)
  @IsEmail({}, { message: 'Enter an email address, like name@example.com' })
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
  @ArrayMinSize(1, AT_LEAST_ONE_ROLE)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique(EACH_ROLE_ONCE)
  @IsIn(ROLES, ROLE)
  roles: Role[];

  @ApiProperty({ minLength: 12, maxLength: 128, writeOnly: true, description: ONE_TIME })
  @IsString()
  @MinLength(12, PASSWORD_LENGTH)
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
  @ArrayMinSize(1, AT_LEAST_ONE_ROLE)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique(EACH_ROLE_ONCE)
  @IsIn(ROLES, ROLE)
  roles?: Role[];

  @ApiPropertyOptional({
    minLength: 12,
    maxLength: 128,
    writeOnly: true,
    description: `${ONE_TIME} Setting one ends the user's sessions, tokens and calendar feed.`,
  })
  @Omittable()
  @IsString()
  @MinLength(12, PASSWORD_LENGTH)
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
  @ApiProperty({
    description:
      'The user still has the one-time password an admin issued: until they set their own, only POST /auth/password and GET /auth/me answer them',
  })
  passwordChangeRequired: boolean;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
}
