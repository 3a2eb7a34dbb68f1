import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, registerDecorator } from 'class-validator';
import { SIGN_OFF_DECISIONS, SignOffDecision } from '../../common/domain';
import { VersionDto } from '../../common/dto';
import { trim } from '../../common/transforms';
import { oneOf } from '../../common/validators';

const REASON_MAX = 1000;

/** The reason goes with a decline, and only with one: required then, at most REASON_MAX characters. */
function ReasonWhenDeclining() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'reasonWhenDeclining',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args) =>
          (args?.object as SignOffDto).decision === 'DECLINED'
            ? typeof value === 'string' && value.length > 0 && value.length <= REASON_MAX
            : value === undefined || value === '',
        defaultMessage: (args) => {
          if ((args?.object as SignOffDto).decision !== 'DECLINED') return 'Give a reason only when declining';
          return typeof args?.value === 'string' && args.value.length > REASON_MAX
            ? `The reason must be ${REASON_MAX} characters or fewer`
            : 'Enter a reason for declining: what must change in your agency’s part';
        },
      },
    });
}

/** A supporting agency's manager decides on their agency's part of a submitted plan. */
export class SignOffDto extends VersionDto {
  @ApiProperty({
    enum: SIGN_OFF_DECISIONS,
    description: 'SIGNED_OFF: our part as it stands; DECLINED returns the plan to CHANGES_REQUESTED',
  })
  @IsIn(SIGN_OFF_DECISIONS, oneOf(SIGN_OFF_DECISIONS, 'Choose whether to sign off your agency’s part or decline it'))
  decision: SignOffDecision;

  @ApiPropertyOptional({
    maxLength: REASON_MAX,
    example: 'Our team cannot be at the RV point before 06:00',
    description: 'Required when declining, and only then',
  })
  @Transform(trim)
  @ReasonWhenDeclining()
  reason?: string;
}
