import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  AGE_GROUPS,
  AgeGroup,
  COUNT_KINDS,
  CountKind,
  DECISION_ROLES,
  DecisionRole,
  LOG_KINDS,
  LogKind,
  OFFENCES,
  Offence,
  PREMISES_STATUSES,
  PremisesStatus,
  SEIZURE_KINDS,
  SeizureKind,
} from '../../common/domain';
import { PersonView } from '../../common/dto';
import { trim } from '../../common/transforms';
import { IsInstant, IsRequiredText, oneOf, Omittable } from '../../common/validators';
import { AgencyView } from '../../reference-data/dto/agency.dto';

const of =
  (...kinds: LogKind[]) =>
  (entry: PostLogEntryDto) =>
    kinds.includes(entry.kind);
const countOf = (count: CountKind) => (entry: PostLogEntryDto) => entry.kind === 'COUNT' && entry.count === count;

/** Free text of an entry: trimmed, at most 2,000 characters. */
function Text(missing: string) {
  return (target: object, property: string) => {
    Transform(trim)(target, property);
    IsRequiredText(missing, 2000)(target, property);
  };
}

/**
 * An entry of the day's log: the fields of its kind are required (a note only when a premises' status moves out of
 * its order), the others ignored. Never changed once written: a correction is a new entry naming the old one.
 */
export class PostLogEntryDto {
  @ApiProperty({ enum: LOG_KINDS, description: 'STATUS of a premises, a DECISION (JESIP decision log), a COUNT, or a MESSAGE (ETHANE)' })
  @IsIn(LOG_KINDS, oneOf(LOG_KINDS, 'Choose what to record: a premises’ status, a decision, a count or a situation report'))
  kind: LogKind;

  @ApiPropertyOptional({ example: '2027-03-01T06:02:00Z', description: 'When it happened; now when left out. Not in the future' })
  @Omittable()
  @IsInstant({ message: 'Enter when it happened as a date and time, like 2027-03-01T06:02:00Z' })
  happenedAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'STATUS (required), COUNT and MESSAGE (optional): one of the plan’s locations' })
  @ValidateIf((entry: PostLogEntryDto) => entry.kind === 'STATUS' || entry.locationId !== undefined)
  @IsUUID('all', { message: 'Choose one of this plan’s locations' })
  locationId?: string;

  @ApiPropertyOptional({ example: '12', description: 'The id of an entry of this plan’s log this one corrects' })
  @Omittable()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'Choose an entry of this plan’s log to correct' })
  correctsId?: string;

  @ApiPropertyOptional({ enum: PREMISES_STATUSES, description: 'STATUS' })
  @ValidateIf(of('STATUS'))
  @IsIn(PREMISES_STATUSES, oneOf(PREMISES_STATUSES, 'Choose the premises’ status'))
  status?: PremisesStatus;

  @ApiPropertyOptional({ maxLength: 2000, description: 'STATUS: why, when the status moves out of its order (required then)' })
  @Omittable()
  @Transform(trim)
  @MaxLength(2000, { message: 'Keep the note to 2,000 characters or fewer' })
  note?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Hold the third address until the second is clear', description: 'DECISION' })
  @ValidateIf(of('DECISION'))
  @Text('Enter the decision')
  decision?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'DECISION: why' })
  @ValidateIf(of('DECISION'))
  @Text('Enter the rationale: why the decision was taken')
  rationale?: string;

  @ApiPropertyOptional({ enum: DECISION_ROLES, description: 'DECISION: who decided' })
  @ValidateIf(of('DECISION'))
  @IsIn(DECISION_ROLES, oneOf(DECISION_ROLES, 'Choose who decided: Gold, Silver, the SIO or a site commander'))
  decidedBy?: DecisionRole;

  @ApiPropertyOptional({ maxLength: 2000, description: 'DECISION: what was considered' })
  @ValidateIf(of('DECISION'))
  @Text('Enter what was considered')
  considered?: string;

  @ApiPropertyOptional({ description: 'DECISION: derived from intelligence, so shown only to those who see the Intelligence section' })
  @ValidateIf((entry: PostLogEntryDto) => entry.kind === 'DECISION' && entry.intelligence !== undefined)
  @IsBoolean({ message: 'Say whether the decision is derived from intelligence: true or false' })
  intelligence?: boolean;

  @ApiPropertyOptional({ enum: COUNT_KINDS, description: 'COUNT: what is counted' })
  @ValidateIf(of('COUNT'))
  @IsIn(COUNT_KINDS, oneOf(COUNT_KINDS, 'Choose what is counted'))
  count?: CountKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'COUNT: how many' })
  @ValidateIf(of('COUNT'))
  @Type(() => Number)
  @IsInt({ message: 'Enter how many, as a whole number' })
  @Min(1, { message: 'Enter how many: at least 1' })
  @Max(500, { message: 'Enter how many: at most 500 in one entry' })
  number?: number;

  @ApiPropertyOptional({ enum: OFFENCES, description: 'COUNT of ARREST: the offence' })
  @ValidateIf(countOf('ARREST'))
  @IsIn(OFFENCES, oneOf(OFFENCES, 'Choose the offence of the arrest'))
  offence?: Offence;

  @ApiPropertyOptional({ maxLength: 200, description: 'COUNT of ARREST for OTHER: the offence in words' })
  @ValidateIf((entry: PostLogEntryDto) => entry.kind === 'COUNT' && entry.count === 'ARREST' && entry.offence === 'OTHER')
  @Transform(trim)
  @IsRequiredText('Enter the offence', 200)
  offenceOther?: string;

  @ApiPropertyOptional({ enum: AGE_GROUPS, description: 'COUNT of POTENTIAL_VICTIM: adults or children' })
  @ValidateIf(countOf('POTENTIAL_VICTIM'))
  @IsIn(AGE_GROUPS, oneOf(AGE_GROUPS, 'Choose whether the potential victims are adults or children'))
  ageGroup?: AgeGroup;

  @ApiPropertyOptional({ enum: SEIZURE_KINDS, description: 'COUNT of SEIZURE: what was seized' })
  @ValidateIf(countOf('SEIZURE'))
  @IsIn(SEIZURE_KINDS, oneOf(SEIZURE_KINDS, 'Choose what was seized: cash, devices or documents'))
  seized?: SeizureKind;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE (ETHANE): E, the exact location' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the exact location')
  exactLocation?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE: T, the type of incident' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the type of incident')
  incidentType?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE: H, hazards' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the hazards, or none')
  hazards?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE: A, access' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the access, or how to get there')
  access?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE: N, number and type of casualties or potential victims' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the number and type of casualties or potential victims, or none')
  casualties?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'MESSAGE: E, emergency services present and required' })
  @ValidateIf(of('MESSAGE'))
  @Text('Enter the emergency services present and required, or none')
  services?: string;
}

export class LogLocationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The location’s label when the entry was recorded' }) label: string;
}

export class LogEntryView {
  @ApiProperty({ description: 'In the order recorded; the event id of the stream' }) id: string;
  @ApiProperty({ enum: LOG_KINDS }) kind: LogKind;
  @ApiProperty({ enum: ['CORE', 'INTELLIGENCE'] }) section: 'CORE' | 'INTELLIGENCE';
  @ApiProperty({ type: LogLocationView, nullable: true, description: 'Only for a reader who sees the Places section' })
  location: LogLocationView | null;
  @ApiProperty({ enum: PREMISES_STATUSES, nullable: true }) status: PremisesStatus | null;
  @ApiProperty() happenedAt: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: PersonView }) author: PersonView;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty({ nullable: true, type: String }) correctsId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The fields of its kind, as posted: note; decision, rationale, decidedBy, considered; count, number, offence, …',
  })
  details: Record<string, unknown>;
}

export class DayLogView {
  @ApiProperty({ type: LogEntryView, isArray: true, description: 'In the order recorded' }) entries: LogEntryView[];
}
