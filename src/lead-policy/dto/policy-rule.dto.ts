import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  AGENCY_KINDS,
  AgencyKind,
  EXPLOITATION_TYPES,
  ExploitationType,
  POLICY_ROLES,
  PolicyRole,
  Scope,
  SCOPES,
} from '../../common/domain';
import { trim } from '../../common/transforms';
import { IsRequiredText, oneOf } from '../../common/validators';

export class PolicyRuleDto {
  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS, oneOf(AGENCY_KINDS, 'Choose the kind of agency from the list'))
  agencyKind: AgencyKind;

  @ApiProperty({ enum: POLICY_ROLES })
  @IsIn(POLICY_ROLES, oneOf(POLICY_ROLES, 'Say whether the rule is for leading or for supporting'))
  role: PolicyRole;

  @ApiProperty({ description: 'false forbids the role outright' })
  @IsBoolean()
  permitted: boolean;

  @ApiProperty({ enum: SCOPES, isArray: true, nullable: true, description: 'null: any scope' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCOPES, oneOf(SCOPES, 'Choose the scopes from the list', { each: true }))
  allowedScopes: Scope[] | null = null;

  @ApiProperty({
    enum: EXPLOITATION_TYPES,
    isArray: true,
    nullable: true,
    description: "every one of the operation's exploitation types must be in this list; null: no restriction",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EXPLOITATION_TYPES, oneOf(EXPLOITATION_TYPES, 'Choose the types of exploitation from the list', { each: true }))
  exploitationTypesWithin: ExploitationType[] | null = null;

  @ApiProperty({
    enum: EXPLOITATION_TYPES,
    isArray: true,
    nullable: true,
    description: "at least one of the operation's exploitation types must be in this list; null: no restriction",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EXPLOITATION_TYPES, oneOf(EXPLOITATION_TYPES, 'Choose the types of exploitation from the list', { each: true }))
  exploitationTypesAnyOf: ExploitationType[] | null = null;
}

export class PutPolicyRulesDto {
  @ApiProperty({
    type: PolicyRuleDto,
    isArray: true,
    description: 'The whole policy: rules not listed are removed, and what they allowed is then forbidden',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AGENCY_KINDS.length * POLICY_ROLES.length)
  @ValidateNested({ each: true })
  @Type(() => PolicyRuleDto)
  rules: PolicyRuleDto[];

  @ApiProperty({
    maxLength: 500,
    example: 'HMRC now leads days of action on payroll fraud in labour exploitation',
    description: 'Why the policy changes: kept in the reference data’s history',
  })
  @Transform(trim)
  @IsRequiredText('Give the reason for changing the policy: it goes into the reference data’s history', 500)
  reason: string;
}

export class PolicyRuleView extends PolicyRuleDto {
  @ApiProperty({ description: 'The rule in words, as refusals quote it' })
  description: string;
}
