import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SUBJECT_KINDS, SubjectKind } from '../../common/domain';
import { PersonView, VersionDto } from '../../common/dto';
import { trim } from '../../common/transforms';
import { IsDateOnly, IsRequiredText } from '../../common/validators';

const of = (kind: SubjectKind) => (subject: AddSubjectDto) => subject.kind === kind;

/** A subject of interest: the fields of its kind are required, the others are ignored. */
export class AddSubjectDto extends VersionDto {
  @ApiProperty({ enum: SUBJECT_KINDS })
  @IsIn(SUBJECT_KINDS, { message: 'Choose what kind of subject it is: a person, a phone number, a vehicle or an email address' })
  kind: SubjectKind;

  @ApiPropertyOptional({ maxLength: 200, example: 'Jan Kowalski', description: 'PERSON: in any order, with or without accents' })
  @ValidateIf(of('PERSON'))
  @Transform(trim)
  @IsRequiredText('Enter the person’s full name', 200)
  fullName?: string;

  @ApiPropertyOptional({ example: '1980-02-01', description: 'PERSON' })
  @ValidateIf(of('PERSON'))
  @IsDateOnly({ message: 'Enter the date of birth as a real date, YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: 10, description: 'PERSON: other names the person is known by' })
  @ValidateIf((subject: AddSubjectDto) => subject.kind === 'PERSON' && subject.aliases !== undefined)
  @IsArray()
  @ArrayMaxSize(10)
  @MaxLength(200, { each: true, message: 'Each alias must be 200 characters or fewer' })
  aliases?: string[];

  @ApiPropertyOptional({ example: '07700 900123', description: 'PHONE: a UK number, or any with its country code' })
  @ValidateIf(of('PHONE'))
  @Transform(trim)
  @IsRequiredText('Enter the phone number', 40)
  phone?: string;

  @ApiPropertyOptional({ example: 'AB12 CDE', description: 'VEHICLE: a UK registration' })
  @ValidateIf(of('VEHICLE'))
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{0,9}$/, { message: 'Enter the registration, like AB12 CDE' })
  registration?: string;

  @ApiPropertyOptional({ example: 'boss@example.com', description: 'EMAIL' })
  @ValidateIf(of('EMAIL'))
  @Transform(trim)
  @IsEmail({}, { message: 'Enter an email address, like name@example.com' })
  @MaxLength(254)
  email?: string;
}

export class SubjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) kind: SubjectKind;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty({ type: String, isArray: true }) aliases: string[];
  @ApiProperty({ nullable: true, type: String, description: 'E.164' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Upper case, no spaces' }) registration: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: PersonView }) addedBy: PersonView;
  @ApiProperty() addedAt: string;
}

export class PlanSubjectsView {
  @ApiProperty({ description: 'The plan’s version, to make the next change against (R10)' }) operationVersion: number;
  @ApiProperty({ type: SubjectView, isArray: true, description: 'In the order they were added' }) subjects: SubjectView[];
}
