import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { GRANTABLE_SECTIONS, GrantableSection } from '../../common/domain';
import { VersionDto } from '../../common/dto';
import { trim } from '../../common/transforms';
import { IsRequiredText } from '../../common/validators';

/** R14b: the sections one partner agency sees beyond its default; the whole set, replacing what it had. */
export class SharingDto extends VersionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A partner agency with a team on the plan (or one already granted sections, to withdraw them)',
  })
  @IsUUID('all', { message: 'Choose the partner agency to share with' })
  agencyId: string;

  @ApiProperty({
    enum: GRANTABLE_SECTIONS,
    isArray: true,
    description:
      'Every section the agency is to see beyond its default; [] withdraws them all. Intelligence is never shared with victim-support or local-authority agencies (SHARING_NOT_PERMITTED)',
  })
  @IsArray({ message: 'Choose the sections to share, or none' })
  @ArrayMaxSize(GRANTABLE_SECTIONS.length, { message: 'Choose each section once' })
  @ArrayUnique({ message: 'Choose each section once' })
  @IsIn(GRANTABLE_SECTIONS, {
    each: true,
    message: 'Choose sections from Places, Teams, Intelligence and Prosecution: Core and Safeguarding are every partner’s already',
  })
  sections: GrantableSection[];

  @ApiProperty({ maxLength: 500, example: 'HMRC’s financial investigators need the subjects to trace the payroll' })
  @Transform(trim)
  @IsRequiredText('Give the reason for sharing or withdrawing these sections: it goes into the plan’s history', 500)
  reason: string;
}
