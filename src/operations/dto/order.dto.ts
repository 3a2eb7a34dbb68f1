import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ENTRY_BASES,
  EntryBasis,
  Hazard,
  HAZARDS,
  RISK_RATINGS,
  RiskRating,
  SignOffDecision,
  SIGN_OFF_DECISIONS,
} from '../../common/domain';
import { PersonView, VersionDto } from '../../common/dto';
import { blankAsNull, phoneNumber, trim } from '../../common/transforms';
import { IsDialableNumber, IsInstant, IsRequiredText, Omittable, oneOf } from '../../common/validators';
import { AgencyView } from '../../reference-data/dto/agency.dto';

/** The operational order's parts (IIMARCH made structured): what the plan's DTOs and views are built from. */

export class TimingsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027-03-01T04:00:00Z',
    description: 'Inside the plan’s window; null clears it',
  })
  @IsOptional()
  @IsInstant()
  briefingAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: 'Lloyd House, Colmore Circus, Birmingham' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(500)
  briefingPlace?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027-03-01T15:00:00Z',
    description: 'Inside the plan’s window, after the briefing',
  })
  @IsOptional()
  @IsInstant()
  debriefAt?: string | null;
}

export class CommunicationsDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, example: 'Airwave talkgroup WM-OPS-3' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(200)
  radioChannel?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, example: '0121 626 5000' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(40)
  controlRoomNumber?: string | null;
}

/**
 * One commander as the order prints them. Their agency is free text, not one of the planner's
 * agencies: a Bronze or an SIO is often lent by a force or service that has no account here, and
 * the order names them as the officer gives it. One class per role, so that each problem names the
 * role ("Enter the Gold commander’s name").
 */
function commanderDto(role: string, schemaName: string) {
  class Commander {
    @ApiProperty({ maxLength: 200, example: 'Ann Clarke' })
    @Transform(trim)
    @IsRequiredText(`Enter the ${role}’s name`, 200)
    name: string;

    @ApiProperty({ maxLength: 100, example: 'Chief Superintendent' })
    @Transform(trim)
    @IsRequiredText(`Enter the ${role}’s rank or grade`, 100)
    rankOrGrade: string;

    @ApiProperty({ maxLength: 200, example: 'West Midlands Police' })
    @Transform(trim)
    @IsRequiredText(`Enter the ${role}’s agency`, 200)
    agency: string;

    @ApiProperty({ example: '0121 626 5000', description: 'A 24-hour contact number, UK or international; stored and shown in E.164' })
    @Transform(phoneNumber)
    @IsDialableNumber(
      `Enter the ${role}’s 24-hour contact number as a UK or international phone number, like 0121 626 5000 or +33 1 42 68 53 00`,
    )
    phone: string;
  }
  Object.defineProperty(Commander, 'name', { value: schemaName });
  return Commander;
}

export const GoldCommanderDto = commanderDto('Gold commander', 'GoldCommanderDto');
export const SilverCommanderDto = commanderDto('Silver commander', 'SilverCommanderDto');
export const SioDto = commanderDto('SIO', 'SioDto');
export const SiteCommanderDto = commanderDto('site commander', 'SiteCommanderDto');
export type CommanderDto = InstanceType<typeof GoldCommanderDto>;

export class CommandDto {
  @ApiPropertyOptional({ type: GoldCommanderDto, nullable: true, description: 'Gold (strategic); null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoldCommanderDto)
  gold?: CommanderDto | null;

  @ApiPropertyOptional({ type: SilverCommanderDto, nullable: true, description: 'Silver (tactical); null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SilverCommanderDto)
  silver?: CommanderDto | null;

  @ApiPropertyOptional({ type: SioDto, nullable: true, description: 'The senior investigating officer; null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SioDto)
  sio?: CommanderDto | null;
}

export class WarrantDto {
  @ApiProperty({ maxLength: 200, example: 'Search warrant, s.8 PACE 1984' })
  @Transform(trim)
  @IsRequiredText('Enter the type of warrant', 200)
  type: string;

  @ApiProperty({ maxLength: 200, example: 'Birmingham Magistrates’ Court' })
  @Transform(trim)
  @IsRequiredText('Enter the court that issued the warrant', 200)
  court: string;

  @ApiProperty({ maxLength: 100, example: 'BMC/2027/0142' })
  @Transform(trim)
  @IsRequiredText('Enter the warrant’s reference', 100)
  reference: string;

  @ApiProperty({ example: '2027-03-20T23:59:00Z' })
  @IsInstant({ message: 'Enter when the warrant expires' })
  expiresAt: string;
}

export class EntryDto {
  @ApiProperty({ enum: ENTRY_BASES })
  @IsIn(ENTRY_BASES, oneOf(ENTRY_BASES, 'Choose how officers will enter: a warrant, consent of the occupier or another statutory power'))
  basis: EntryBasis;

  @ApiPropertyOptional({ type: WarrantDto, description: 'Required when the basis is WARRANT' })
  @ValidateIf((entry: EntryDto) => entry.basis === 'WARRANT')
  @IsDefined({ message: 'A warrant needs its type, issuing court, reference and expiry' })
  @ValidateNested()
  @Type(() => WarrantDto)
  warrant?: WarrantDto;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 's.179 Immigration and Asylum Act 1999',
    description: 'Required when the basis is STATUTORY_POWER',
  })
  @ValidateIf((entry: EntryDto) => entry.basis === 'STATUTORY_POWER')
  @Transform(trim)
  @IsRequiredText('Enter the statutory power used to enter', 500)
  power?: string;
}

export class FirstResponderDto {
  @ApiProperty({ maxLength: 200, example: 'DC Priya Shah' })
  @Transform(trim)
  @IsRequiredText('Enter the first responder’s name', 200)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'An agency that is an NRM first responder organisation' })
  @IsUUID('all', { message: 'Choose the first responder’s agency' })
  agencyId: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, example: '07700 900456' })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(40)
  phone?: string | null;
}

export class InterpreterDto {
  @ApiProperty({ maxLength: 60, example: 'Romanian' })
  @Transform(trim)
  @IsRequiredText('Enter the language', 60)
  language: string;

  @ApiProperty({ maxLength: 200, example: 'Big Word, booked 04:00–16:00' })
  @Transform(trim)
  @IsRequiredText('Enter who interprets', 200)
  name: string;
}

const LIKELIHOOD = { message: 'Rate the likelihood as a whole number from 1 to 5' };
const IMPACT = { message: 'Rate the impact as a whole number from 1 to 5' };

export class RiskDto {
  @ApiProperty({ enum: HAZARDS })
  @IsIn(HAZARDS, oneOf(HAZARDS, 'Choose the hazard from the list'))
  hazard: Hazard;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, description: 'Required when the hazard is OTHER' })
  @ValidateIf((risk: RiskDto) => risk.hazard === 'OTHER' || (risk.hazardDetail !== undefined && risk.hazardDetail !== null))
  @Transform(blankAsNull)
  @IsRequiredText('Describe the hazard', 500)
  hazardDetail?: string | null;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt(LIKELIHOOD)
  @Min(1, LIKELIHOOD)
  @Max(5, LIKELIHOOD)
  likelihood: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt(IMPACT)
  @Min(1, IMPACT)
  @Max(5, IMPACT)
  impact: number;

  @ApiProperty({ maxLength: 2000, example: 'Dog handler with the entry team; RSPCA on call' })
  @Transform(trim)
  @IsRequiredText('Enter the control measures', 2000)
  controls: string;

  @ApiProperty({ enum: RISK_RATINGS, description: 'The rating once the controls are in place' })
  @IsIn(RISK_RATINGS, oneOf(RISK_RATINGS, 'Choose the residual risk: low, medium or high'))
  residual: RiskRating;

  @ApiProperty({ maxLength: 200, example: 'PS 2231 Jones, entry team' })
  @Transform(trim)
  @IsRequiredText('Enter who owns the risk', 200)
  owner: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 200,
    example: 'Supt Ann Clarke',
    description: 'The senior officer who accepts a high residual risk',
  })
  @IsOptional()
  @Transform(blankAsNull)
  @IsString()
  @MaxLength(200)
  acceptedBy?: string | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Derived from intelligence: then it is in the Intelligence section, seen by the plan’s owner and partners granted it (R14a). Required on every risk sent while the register holds one that is',
  })
  @Omittable()
  @IsBoolean({ message: 'Say whether the risk is derived from intelligence: true or false' })
  intelligenceDerived?: boolean;
}

export class RvPointDto {
  @ApiProperty({ maxLength: 200, example: 'RV1: Tesco car park' })
  @Transform(trim)
  @IsRequiredText('Enter a name for the RV point', 200)
  name: string;

  @ApiProperty({ maxLength: 500, example: 'Stratford Road, Sparkhill, B11 4EA' })
  @Transform(trim)
  @IsRequiredText('Enter where the RV point is', 500)
  address: string;

  @ApiProperty({ example: '2027-03-01T05:15:00Z', description: 'When teams meet there; inside the plan’s window' })
  @IsInstant({ message: 'Enter when teams meet at the RV point, inside the plan’s window' })
  meetAt: string;
}

export class RvPointWriteDto extends IntersectionType(RvPointDto, VersionDto) {}

export class WarrantView extends WarrantDto {}

export class CommanderView {
  @ApiProperty() name: string;
  @ApiProperty() rankOrGrade: string;
  @ApiProperty() agency: string;
  @ApiProperty({ description: 'E.164' }) phone: string;
}

export class CommandView {
  @ApiProperty({ type: CommanderView, nullable: true, description: 'Gold (strategic)' }) gold: CommanderView | null;
  @ApiProperty({ type: CommanderView, nullable: true, description: 'Silver (tactical)' }) silver: CommanderView | null;
  @ApiProperty({ type: CommanderView, nullable: true, description: 'The senior investigating officer' }) sio: CommanderView | null;
}

export class EntryView {
  @ApiProperty({ enum: ENTRY_BASES }) basis: EntryBasis;
  @ApiProperty({ type: WarrantView, nullable: true }) warrant: WarrantView | null;
  @ApiProperty({ nullable: true, type: String }) power: string | null;
}

export class TimingsView {
  @ApiProperty({ nullable: true, type: String }) briefingAt: string | null;
  @ApiProperty({ nullable: true, type: String }) briefingPlace: string | null;
  @ApiProperty({ nullable: true, type: String }) debriefAt: string | null;
}

export class CommunicationsView {
  @ApiProperty({ nullable: true, type: String }) radioChannel: string | null;
  @ApiProperty({ nullable: true, type: String }) controlRoomNumber: string | null;
}

export class RvPointView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() meetAt: string;
}

export class FirstResponderView {
  @ApiProperty() name: string;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class InterpreterView extends InterpreterDto {}

export class RiskView {
  @ApiProperty({ enum: HAZARDS }) hazard: Hazard;
  @ApiProperty({ nullable: true, type: String }) hazardDetail: string | null;
  @ApiProperty() likelihood: number;
  @ApiProperty() impact: number;
  @ApiProperty({ description: 'likelihood × impact, before the controls' }) score: number;
  @ApiProperty() controls: string;
  @ApiProperty({ enum: RISK_RATINGS }) residual: RiskRating;
  @ApiProperty() owner: string;
  @ApiProperty({ nullable: true, type: String }) acceptedBy: string | null;
  @ApiProperty({ description: 'Derived from intelligence: shown only to those who see the Intelligence section' })
  intelligenceDerived: boolean;
}

export const SIGN_OFF_STATES = ['AWAITING', 'SIGNED_OFF', 'WITHDRAWN', 'DECLINED'] as const;
export type SignOffState = (typeof SIGN_OFF_STATES)[number];

export class SignOffView {
  @ApiProperty({ type: AgencyView, description: 'A supporting agency with a confirmed team' }) agency: AgencyView;
  @ApiProperty({
    enum: SIGN_OFF_STATES,
    description:
      'AWAITING its manager (also once its part changed after a decline); SIGNED_OFF its part as it stands; WITHDRAWN: signed off, but its part has changed since; DECLINED with a reason, while its part is unchanged',
  })
  state: SignOffState;
  @ApiProperty({ enum: SIGN_OFF_DECISIONS, nullable: true }) decision: SignOffDecision | null;
  @ApiProperty({ type: PersonView, nullable: true }) by: PersonView | null;
  @ApiProperty({ nullable: true, type: String }) at: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why the agency declined: omitted for anyone but the plan’s holders and that agency (R14a)',
  })
  reason?: string | null;
}
