import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Matches,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  Classification,
  CLASSIFICATIONS,
  EXPLOITATION_TYPES,
  ExploitationType,
  OPERATION_STATUSES,
  OperationStatus,
  Scope,
  SCOPES,
} from '../../common/domain';
import { blankAsNull, postcode, queryInt, trim } from '../../common/transforms';
import { IsInstant, IsRequiredText, IsUkPostcode, Omittable, oneOf } from '../../common/validators';
import { AgencyView } from '../../reference-data/dto/agency.dto';
import { VersionDto } from '../../common/dto';
import {
  CommandDto,
  CommanderDto,
  CommanderView,
  CommunicationsDto,
  EntryDto,
  EntryView,
  FirstResponderDto,
  FirstResponderView,
  InterpreterDto,
  InterpreterView,
  RiskDto,
  SiteCommanderDto,
  TimingsDto,
} from './order.dto';

const TYPES = oneOf(EXPLOITATION_TYPES, 'Choose the types of exploitation from the list', { each: true });
const SCOPE = oneOf(SCOPES, 'Choose the scope of the day of action');
const AT_LEAST_ONE_TYPE = { message: 'Choose at least one type of exploitation' };
const EACH_TYPE_ONCE = { message: 'Choose each type of exploitation once' };
const SECTION_MAX = 20_000;
const RESULTS = { message: 'The number of results must be a whole number from 1 to 100' };

export class BriefingDto {
  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'I: information: the intelligence picture' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  information?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'I: intent: what the day of action is to achieve' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  intent?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'M: method: how' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  method?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'A: administration: timings, kit, logistics' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  administration?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'R: risk assessment' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  risk?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'C: communications' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  communications?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'H: humanitarian issues' })
  @Omittable()
  @IsString()
  @MaxLength(SECTION_MAX)
  humanitarian?: string;
}

export class LocationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'On a change, the id of one of the plan’s locations: it stays that location, with the teams allocated to it. Without an id, a location at the same postcode and address stays',
  })
  @Omittable()
  @IsUUID('all', { message: 'id must be the id of one of the plan’s locations; leave it out for a new location' })
  id?: string;

  @ApiProperty({ example: 'Car wash, rear unit', maxLength: 200 })
  @Transform(trim)
  @IsRequiredText('Enter a label for the location', 200)
  label: string;

  @ApiProperty({ example: '12 Ladypool Road, Birmingham', maxLength: 500 })
  @Transform(trim)
  @IsRequiredText('Enter the address', 500)
  address: string;

  @ApiProperty({ example: 'B12 8JY', description: 'UK postcode; stored in upper case with one space' })
  @Transform(postcode)
  @IsUkPostcode()
  postcode: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027-03-01T06:00:00Z',
    description: 'H-hour: when the doors go in; inside the plan’s window',
  })
  @IsOptional()
  @IsInstant()
  strikeAt?: string | null;

  @ApiPropertyOptional({ type: EntryDto, nullable: true, description: 'On what basis officers enter' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EntryDto)
  entry?: EntryDto | null;

  @ApiPropertyOptional({ type: SiteCommanderDto, nullable: true, description: 'The Bronze / site commander at this location' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SiteCommanderDto)
  siteCommander?: CommanderDto | null;
}

export class SafeguardingDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10000)
  expectedPotentialVictims?: number;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['Romanian', 'Vietnamese'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'Sparkhill reception centre, 1 Stratford Road' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  receptionCentre?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-03-01T05:00:00Z', description: 'When the reception centre opens' })
  @IsOptional()
  @IsInstant()
  receptionOpensAt?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027-03-01T20:00:00Z',
    description: 'When it closes: it should be open at every strike time',
  })
  @IsOptional()
  @IsInstant()
  receptionClosesAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000, example: 'West Midlands Ambulance Service HART on standby at RV1' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  medicalCover?: string | null;

  @ApiPropertyOptional({ type: FirstResponderDto, isArray: true, description: 'Named NRM first responders for the day; replaces the list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FirstResponderDto)
  firstResponders?: FirstResponderDto[];

  @ApiPropertyOptional({ type: InterpreterDto, isArray: true, description: 'Interpreters by language; replaces the list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => InterpreterDto)
  interpreters?: InterpreterDto[];
}

/** R14d: the plan's protective marking. */
export class MarkingDto {
  @ApiPropertyOptional({
    enum: CLASSIFICATIONS,
    default: 'OFFICIAL-SENSITIVE',
    description: 'Nothing above OFFICIAL-SENSITIVE may be held in this system',
  })
  @Omittable()
  @IsIn(CLASSIFICATIONS, {
    message: 'Mark the plan OFFICIAL or OFFICIAL-SENSITIVE: material classified SECRET or above must not be held in this system',
  })
  classification?: Classification;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, example: 'Not to be shared outside the agencies on this plan' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(200, { message: 'Keep the handling instruction to 200 characters or fewer' })
  @Matches(/^[^\r\n\t]*$/, { message: 'Write the handling instruction on one line: it is printed beside the marking' })
  handlingInstruction?: string | null;
}

/** The operational order's own parts, the same when a plan is created and when it is changed. */
class OperationalOrderDto {
  @ApiPropertyOptional({
    type: MarkingDto,
    description: 'The protective marking; fields given replace those fields (default OFFICIAL-SENSITIVE)',
  })
  @Omittable()
  @ValidateNested()
  @Type(() => MarkingDto)
  marking?: MarkingDto;

  @ApiPropertyOptional({ type: TimingsDto, description: 'Fields given replace those fields' })
  @Omittable()
  @ValidateNested()
  @Type(() => TimingsDto)
  timings?: TimingsDto;

  @ApiPropertyOptional({ type: CommandDto, description: 'Gold, Silver and the SIO; roles given replace those roles' })
  @Omittable()
  @ValidateNested()
  @Type(() => CommandDto)
  command?: CommandDto;

  @ApiPropertyOptional({ type: CommunicationsDto, description: 'Fields given replace those fields' })
  @Omittable()
  @ValidateNested()
  @Type(() => CommunicationsDto)
  communications?: CommunicationsDto;

  @ApiPropertyOptional({ type: RiskDto, isArray: true, description: 'The risk register; replaces the whole register' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RiskDto)
  risks?: RiskDto[];
}

export class CreateOperationDto extends OperationalOrderDto {
  @ApiProperty({ example: 'Operation Harbour: car washes, Sparkhill', maxLength: 200 })
  @Transform(trim)
  @IsRequiredText('Enter a name for the operation', 200)
  name: string;

  @ApiProperty({ enum: EXPLOITATION_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, AT_LEAST_ONE_TYPE)
  @ArrayMaxSize(EXPLOITATION_TYPES.length)
  @ArrayUnique(EACH_TYPE_ONCE)
  @IsIn(EXPLOITATION_TYPES, TYPES)
  exploitationTypes: ExploitationType[];

  @ApiProperty({ enum: SCOPES })
  @IsIn(SCOPES, SCOPE)
  scope: Scope;

  @ApiProperty({ example: '2027-03-01T05:00:00Z' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2027-03-01T17:00:00Z', description: 'after startsAt, at most 72 hours later' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ type: BriefingDto })
  @Omittable()
  @ValidateNested()
  @Type(() => BriefingDto)
  briefing?: BriefingDto;

  @ApiPropertyOptional({ type: LocationDto, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LocationDto)
  locations?: LocationDto[];

  @ApiPropertyOptional({ type: SafeguardingDto })
  @Omittable()
  @ValidateNested()
  @Type(() => SafeguardingDto)
  safeguarding?: SafeguardingDto;
}

export class UpdateOperationDto extends IntersectionType(VersionDto, OperationalOrderDto) {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: EXPLOITATION_TYPES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1, AT_LEAST_ONE_TYPE)
  @ArrayMaxSize(EXPLOITATION_TYPES.length)
  @ArrayUnique(EACH_TYPE_ONCE)
  @IsIn(EXPLOITATION_TYPES, TYPES)
  exploitationTypes?: ExploitationType[];

  @ApiPropertyOptional({ enum: SCOPES })
  @Omittable()
  @IsIn(SCOPES, SCOPE)
  scope?: Scope;

  @ApiPropertyOptional()
  @Omittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ type: BriefingDto, description: 'Sections given replace those sections; others stay' })
  @Omittable()
  @ValidateNested()
  @Type(() => BriefingDto)
  briefing?: BriefingDto;

  @ApiPropertyOptional({ type: LocationDto, isArray: true, description: 'Replaces the whole list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LocationDto)
  locations?: LocationDto[];

  @ApiPropertyOptional({ type: SafeguardingDto, description: 'Fields given replace those fields' })
  @Omittable()
  @ValidateNested()
  @Type(() => SafeguardingDto)
  safeguarding?: SafeguardingDto;
}

export class SetLeadAgencyDto extends VersionDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null clears the lead' })
  @ValidateIf((body: SetLeadAgencyDto) => body.agencyId !== null)
  @IsUUID('all', { message: 'Choose the lead agency, or none to clear it' })
  agencyId: string | null;
}

export class OperationQueryDto {
  @ApiPropertyOptional({ enum: OPERATION_STATUSES })
  @Omittable()
  @IsIn(OPERATION_STATUSES, oneOf(OPERATION_STATUSES, 'Choose a status from the list'))
  status?: OperationStatus;

  @ApiPropertyOptional({ description: 'Only operations whose window ends at or after this instant' })
  @Omittable()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Only operations whose window starts at or before this instant' })
  @Omittable()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Text in the name or reference' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @Omittable()
  @Transform(queryInt)
  @IsInt(RESULTS)
  @Min(1, RESULTS)
  @Max(100, RESULTS)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class LocationView {
  @ApiProperty() label: string;
  @ApiProperty() address: string;
  @ApiProperty() postcode: string;
  @ApiProperty({ nullable: true, type: String, description: 'H-hour' }) strikeAt: string | null;
  @ApiProperty({ type: EntryView, nullable: true }) entry: EntryView | null;
  @ApiProperty({ type: CommanderView, nullable: true, description: 'The Bronze / site commander' }) siteCommander: CommanderView | null;
}

/** A location as the plan holds it: its id is what a team is allocated to, kept while its postcode and address stay the same. */
export class StoredLocationView extends LocationView {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class SafeguardingView {
  @ApiProperty() expectedPotentialVictims: number;
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) receptionCentre: string | null;
  @ApiProperty({ nullable: true, type: String }) receptionOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) receptionClosesAt: string | null;
  @ApiProperty({ nullable: true, type: String }) medicalCover: string | null;
  @ApiProperty({ type: FirstResponderView, isArray: true }) firstResponders: FirstResponderView[];
  @ApiProperty({ type: InterpreterView, isArray: true }) interpreters: InterpreterView[];
}

export class MarkingView {
  @ApiProperty({ enum: CLASSIFICATIONS }) classification: Classification;
  @ApiProperty({ nullable: true, type: String }) handlingInstruction: string | null;
}

export class OperationSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'OP-2027-0001' }) reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OPERATION_STATUSES }) status: OperationStatus;
  @ApiProperty({ enum: EXPLOITATION_TYPES, isArray: true }) exploitationTypes: ExploitationType[];
  @ApiProperty({ enum: SCOPES }) scope: Scope;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: AgencyView, nullable: true }) leadAgency: AgencyView | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: MarkingView, description: 'The protective marking (R14d), shown wherever the plan is' }) marking: MarkingView;
}

export class OperationPage {
  @ApiProperty({ type: OperationSummaryView, isArray: true }) items: OperationSummaryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class EligibleAgenciesView {
  @ApiProperty({ type: AgencyView, isArray: true }) lead: AgencyView[];
  @ApiProperty({ type: AgencyView, isArray: true }) support: AgencyView[];
}
