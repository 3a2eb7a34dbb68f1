import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true, description: 'The password the caller signs in with now (also a one-time password an admin issued)' })
  @IsString()
  @MinLength(1, { message: 'Enter your current password' })
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({
    writeOnly: true,
    minLength: 12,
    maxLength: 128,
    description:
      'At least 12 characters, not a common password, not containing the email address, and not the current password (three unrelated words make a good one)',
  })
  @IsString()
  @MinLength(1, { message: 'Enter a new password' })
  @MaxLength(256)
  newPassword: string;
}
