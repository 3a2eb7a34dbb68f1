import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { EligibleAgenciesView, OperationView, SetLeadAgencyDto } from '../operations/dto/operation.dto';
import { OperationsService } from '../operations/operations.service';

@ApiTags('lead agency policy')
@ApiBearerAuth()
@Controller('operations/:id')
export class LeadAgencyController {
  constructor(private readonly operations: OperationsService) {}

  @Put('lead-agency')
  @ApiOkResponse({ type: OperationView, description: '422 LEAD_NOT_PERMITTED names the rule that forbids it' })
  setLead(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SetLeadAgencyDto): Promise<OperationView> {
    return this.operations.setLead(caller, id, body);
  }

  @Get('eligible-agencies')
  @ApiOkResponse({ type: EligibleAgenciesView })
  eligible(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EligibleAgenciesView> {
    return this.operations.eligibleAgencies(caller, id);
  }
}
