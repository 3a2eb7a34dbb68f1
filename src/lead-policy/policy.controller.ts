import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { PolicyRuleView, PutPolicyRulesDto } from './dto/policy-rule.dto';
import { PolicyService } from './policy.service';

@ApiTags('lead agency policy')
@ApiBearerAuth()
@Controller('policy/rules')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @ApiOkResponse({ type: PolicyRuleView, isArray: true })
  @ApiOperation({ summary: 'List the lead agency rules' })
  @ApiErrors()
  list(): Promise<PolicyRuleView[]> {
    return this.policy.list();
  }

  @Put()
  @Roles('ADMIN')
  @ApiOkResponse({ type: PolicyRuleView, isArray: true })
  @ApiOperation({ summary: 'Replace the lead agency rules' })
  @ApiErrors(400)
  replace(@CurrentUser() caller: AuthUser, @Body() body: PutPolicyRulesDto): Promise<PolicyRuleView[]> {
    return this.policy.replace(caller, body.rules, body.reason);
  }
}
