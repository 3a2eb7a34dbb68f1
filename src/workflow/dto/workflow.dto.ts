import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PersonView, VersionDto } from '../../common/dto';
import { HIT_KINDS, HitKind } from '../../operations/hit-kinds';
import { trim } from '../../common/transforms';
import { IsRequiredText, Omittable, oneOf } from '../../common/validators';

export class ReviewDto extends VersionDto {
  @ApiProperty({ enum: ['APPROVE', 'REQUEST_CHANGES'] })
  @IsIn(['APPROVE', 'REQUEST_CHANGES'], oneOf(['APPROVE', 'REQUEST_CHANGES'], 'Choose whether to approve the plan or ask for changes'))
  decision: 'APPROVE' | 'REQUEST_CHANGES';

  @ApiPropertyOptional({ maxLength: 4000, description: 'Required when requesting changes: what to change' })
  @ValidateIf((body: ReviewDto) => body.decision === 'REQUEST_CHANGES' || body.comment !== undefined)
  @Transform(trim)
  @IsRequiredText('Enter a comment saying what to change', 4000)
  comment?: string;
}

export class CancelDto extends VersionDto {
  @ApiProperty({ maxLength: 1000, example: 'Intelligence shows the site has closed' })
  @Transform(trim)
  @IsRequiredText('Enter a reason for cancelling', 1000)
  reason: string;
}

const count = (what: string) => ({ message: `Enter the number of ${what}, a whole number from 0 to 100000` });

export class OutcomesDto {
  @ApiProperty({ minimum: 0 }) @IsInt(count('arrests')) @Min(0, count('arrests')) @Max(100000, count('arrests')) arrests: number;
  @ApiProperty({ minimum: 0 })
  @IsInt(count('potential victims safeguarded'))
  @Min(0, count('potential victims safeguarded'))
  @Max(100000, count('potential victims safeguarded'))
  potentialVictimsSafeguarded: number;
  @ApiProperty({ minimum: 0, description: 'National Referral Mechanism referrals; at most potentialVictimsSafeguarded' })
  @IsInt(count('NRM referrals'))
  @Min(0, count('NRM referrals'))
  @Max(100000, count('NRM referrals'))
  nrmReferrals: number;
  @ApiProperty({ minimum: 0 })
  @IsInt(count('premises visited'))
  @Min(0, count('premises visited'))
  @Max(100000, count('premises visited'))
  premisesVisited: number;
  @ApiPropertyOptional({ maxLength: 4000 }) @Omittable() @Transform(trim) @IsString() @MaxLength(4000) notes?: string;
}

export class CompleteDto extends VersionDto {
  @ApiProperty({ type: OutcomesDto })
  @IsObject({ message: 'Enter the outcomes of the day: arrests, potential victims safeguarded, NRM referrals and premises visited' })
  @ValidateNested()
  @Type(() => OutcomesDto)
  outcomes: OutcomesDto;
}

export class StandDownDto extends VersionDto {
  @ApiProperty({ maxLength: 1000, example: 'Intelligence shows the subjects left the address overnight' })
  @Transform(trim)
  @IsRequiredText('Enter a reason for standing the day of action down', 1000)
  reason: string;

  @ApiPropertyOptional({
    type: OutcomesDto,
    description: 'The outcomes so far, if there are any to record: all four counts, as on completion',
  })
  @Omittable()
  @IsObject({
    message: 'Enter the outcomes so far (arrests, potential victims safeguarded, NRM referrals and premises visited), or leave them out',
  })
  @ValidateNested()
  @Type(() => OutcomesDto)
  outcomes?: OutcomesDto;
}

export class AcknowledgeDto extends VersionDto {
  @ApiProperty({ maxLength: 2000, example: 'Spoke to the NCA lead; our entry is two hours after theirs' })
  @Transform(trim)
  @IsRequiredText('Enter a note saying how the clash is resolved', 2000)
  note: string;
}

export class ReadinessCheckView {
  @ApiProperty({ example: 'cps-engaged' }) id: string;
  @ApiProperty({ description: 'The check passes (a check that does not apply yet passes too)' }) ok: boolean;
  @ApiProperty({
    description:
      'Whether the check applies to the plan as it stands. False when there is nothing to check yet (no potential victims expected, no languages, no warrant, no high risk, no hit, the CPS not engaged…): it passes, and the message says why it is not needed; pages show it as "Not needed yet", not as done',
  })
  applies: boolean;
  @ApiProperty({ description: 'A failing blocking check stops the next step (submission, approval or the start); others are warnings' })
  blocking: boolean;
  @ApiProperty() message: string;
}

export class ReadinessView {
  @ApiProperty({
    description: 'Every blocking check passes: the plan is ready for its next step (false for a plan under way or ended, which has none)',
  })
  ready: boolean;
  @ApiProperty({
    enum: ['submit', 'approve', 'start'],
    nullable: true,
    type: String,
    description:
      'What the checks judge the plan for: its submission (a draft, or a plan sent back for changes), its approval (submitted), or the go/no-go of starting it (approved). ' +
      'Null for a day of action under way or a plan that has ended (completed, cancelled or stood down): there is no next step to be ready for, so readiness is false and ' +
      'checks holds one blocking, failing check saying so, id "under-way" (complete it with its outcomes, or stand it down) or "ended"',
  })
  stage: 'submit' | 'approve' | 'start' | null;
  @ApiProperty({ type: ReadinessCheckView, isArray: true }) checks: ReadinessCheckView[];
}

class ConflictAgencyView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class ContactView {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

class AcknowledgementView {
  @ApiProperty() note: string;
  @ApiProperty({ type: PersonView }) by: PersonView;
  @ApiProperty() at: string;
}

class OverlapView {
  @ApiProperty({ example: '2028-05-01', description: 'The UK date (YYYY-MM-DD) the overlap of the windows starts on' }) from: string;
  @ApiProperty({ example: '2028-05-02', description: 'The UK date it ends on: the last day both windows cover' }) to: string;
}

class OtherPersonView {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'Their agency’s code' }) agency: string;
}

class TheirAcknowledgementView {
  @ApiProperty() note: string;
  @ApiProperty({ type: OtherPersonView }) by: OtherPersonView;
  @ApiProperty() at: string;
}

export class ConflictView {
  @ApiProperty({
    format: 'uuid',
    description: 'The hit, to acknowledge it (not the other operation’s id); both plans’ sides of one hit share it',
  })
  hitId: string;
  @ApiProperty({ description: 'The other operation’s reference' }) reference: string;
  @ApiProperty({ type: ConflictAgencyView, nullable: true }) leadAgency: ConflictAgencyView | null;
  @ApiProperty({ type: ContactView, nullable: true, description: 'Who to call in the other operation' }) contact: ContactView | null;
  @ApiProperty({ description: 'When the hit was raised' }) raisedAt: string;
  @ApiProperty({
    enum: HIT_KINDS,
    isArray: true,
    description:
      'What the two plans shared when the hit was raised, as codes, in this order: PLACE (a postcode, in windows that overlapped, neither plan cancelled), then PERSON, PHONE, VEHICLE, EMAIL ' +
      '(a subject of interest matched blind by keyed hash, whatever the dates, neither plan ended). Recorded then and never recomputed: a later match sharing a kind or postcode that no earlier hit of the ' +
      'two plans listed is a new hit, listing everything shared at that moment; anything else (another phone number, a subject removed, a place moved) changes nothing here',
    example: ['PLACE', 'PHONE'],
  })
  kinds: HitKind[];
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['a place in the same window', 'a phone number'],
    description: 'The kinds in words, in the same order; never a value',
  })
  matched: string[];
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['E6 1HZ'],
    description: 'The postcodes both plans held when the hit was raised (empty unless the kinds include PLACE)',
  })
  sharedPostcodes: string[];
  @ApiProperty({
    type: OverlapView,
    nullable: true,
    description:
      'When both plans were to be on the ground, to the UK day, as the windows stood when the hit was raised; null unless the kinds include PLACE (or, for a hit raised before the facts were recorded, when it is not known)',
  })
  overlap: OverlapView | null;
  @ApiProperty({
    description:
      'The hit stands, and needs this plan’s owner to call the contact and acknowledge it, once for everything it lists (it blocks readiness until then): it is the latest hit between the two plans, ' +
      'and the other plan has not been cancelled (it never went ahead). An earlier hit between the same plans is covered by the latest, which lists everything they shared at its moment. ' +
      'Nothing else about the other plan counts: a hit with a plan completed or stood down still stands',
  })
  stands: boolean;
  @ApiProperty({
    type: AcknowledgementView,
    nullable: true,
    description: 'This plan’s owner’s acknowledgement, one for everything the hit lists',
  })
  acknowledgement: AcknowledgementView | null;
  @ApiProperty({ type: TheirAcknowledgementView, nullable: true, description: 'The other plan’s owner’s acknowledgement of the same hit' })
  theirAcknowledgement: TheirAcknowledgementView | null;
}
