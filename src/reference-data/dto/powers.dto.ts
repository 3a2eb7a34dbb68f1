import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { AGENCY_KINDS, AgencyKind, Power, POWERS } from '../../common/domain';
import { trim } from '../../common/transforms';
import { validationError } from '../../common/validation';
import { IsRequiredText, oneOf } from '../../common/validators';

/** A kind of agency named in a path, or a 400 naming the parameter. */
export function agencyKindOf(value: unknown, name = 'kind'): AgencyKind {
  if (typeof value === 'string' && (AGENCY_KINDS as readonly string[]).includes(value)) return value as AgencyKind;
  throw validationError([{ field: name, problems: ['Choose the kind of agency from the list'], allowed: [...AGENCY_KINDS] }]);
}

export class PutPowersDto {
  @ApiProperty({
    enum: POWERS,
    isArray: true,
    description: 'Every power agencies of this kind hold: powers left out are no longer held. Empty for none.',
  })
  @IsArray({ message: 'Choose the powers from the list, or none' })
  @ArrayMaxSize(POWERS.length)
  @ArrayUnique({ message: 'Choose each power once' })
  @IsIn(POWERS, oneOf(POWERS, 'Choose the powers from the list', { each: true }))
  powers: Power[];

  @ApiProperty({ maxLength: 1000, example: 'Border Force officers at inland operations now carry out immigration checks only' })
  @Transform(trim)
  @IsRequiredText('Enter the reason for the change', 1000)
  reason: string;
}

export class AgencyKindPowersView {
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ enum: POWERS, isArray: true, description: 'The powers officers of this kind of agency hold, in the vocabulary’s order' })
  powers: Power[];
  @ApiPropertyOptional({ description: 'Why this kind holds what it does, where a rule decides it' }) description?: string;
}
