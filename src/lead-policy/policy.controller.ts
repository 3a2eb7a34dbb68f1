import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { PolicyRuleView, PutPolicyRulesDto } from './dto/policy-rule.dto';
import { PolicyService } from './policy.service';

@ApiTags('lead agency policy')
@ApiBearerAuth()
@Controller('policy/rules')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @ApiOkResponse({ type: PolicyRuleView, isArray: true })
  list(): Promise<PolicyRuleView[]> {
    return this.policy.list();
  }

  @Put()
  @Roles('ADMIN')
  @ApiOkResponse({ type: PolicyRuleView, isArray: true })
  replace(@CurrentUser() caller: AuthUser, @Body() body: PutPolicyRulesDto): Promise<PolicyRuleView[]> {
    return this.policy.replace(caller, body.rules, body.reason);
  }
}
