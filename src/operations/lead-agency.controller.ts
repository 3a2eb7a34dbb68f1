import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { EligibleAgenciesView, SetLeadAgencyDto } from './dto/operation.dto';
import { OperationView } from './dto/plan-view.dto';
import { LeadAssignmentService } from './lead-assignment.service';

@ApiTags('lead agency policy')
@ApiBearerAuth()
@Controller('operations/:id')
export class LeadAgencyController {
  constructor(private readonly leads: LeadAssignmentService) {}

  @Put('lead-agency')
  @ApiOkResponse({ type: OperationView, description: '422 LEAD_NOT_PERMITTED names the rule that forbids it' })
  setLead(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SetLeadAgencyDto): Promise<OperationView> {
    return this.leads.setLead(caller, id, body);
  }

  @Get('eligible-agencies')
  @ApiOkResponse({ type: EligibleAgenciesView })
  eligible(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EligibleAgenciesView> {
    return this.leads.eligibleAgencies(caller, id);
  }
}
