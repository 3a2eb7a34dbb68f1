import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
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
  @ApiOperation({ summary: 'Set the lead agency' })
  @ApiErrors(400, 404, 409, 422)
  setLead(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SetLeadAgencyDto): Promise<OperationView> {
    return this.leads.setLead(caller, id, body);
  }

  @Get('eligible-agencies')
  @ApiOkResponse({ type: EligibleAgenciesView })
  @ApiOperation({ summary: 'List agencies that may lead or support' })
  @ApiErrors(400, 404)
  eligible(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EligibleAgenciesView> {
    return this.leads.eligibleAgencies(caller, id);
  }
}
