import { Body, Controller, Delete, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { VersionDto, VersionQueryDto } from '../common/dto';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { OperationView } from '../operations/dto/plan-view.dto';
import { CpsService } from './cps.service';
import { CpsDeclineView, CpsRequestDto, DeclineCpsRequestDto } from './dto/cps.dto';

@ApiTags('early CPS involvement')
@ApiBearerAuth()
@Controller('operations/:id')
export class CpsController {
  constructor(private readonly cps: CpsService) {}

  @Post('cps-involvement')
  @HttpCode(200)
  @ApiOkResponse({
    type: OperationView,
    description: 'Requests early involvement, with a note and the date advice is needed by: every CPS liaison can now see the plan',
  })
  @ApiOperation({ summary: 'Request early CPS involvement' })
  @ApiErrors(400, 404, 409)
  request(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CpsRequestDto): Promise<OperationView> {
    return this.cps.request(caller, id, body);
  }

  @Delete('cps-involvement')
  @ApiOkResponse({ type: OperationView, description: 'Withdraws a request no liaison has accepted' })
  @ApiOperation({ summary: 'Withdraw the CPS request' })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Query() query: VersionQueryDto): Promise<OperationView> {
    return this.cps.withdraw(caller, id, query.version);
  }

  @Post('cps-involvement/accept')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({ type: OperationView, description: 'The caller becomes the operation’s CPS liaison' })
  @ApiOperation({ summary: 'Accept the CPS request' })
  @ApiErrors(400, 404, 409)
  accept(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.cps.accept(caller, id, body.version);
  }

  @Post('cps-involvement/decline')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({
    type: CpsDeclineView,
    description: 'Declines the request with a reason; the owner sees it, and no liaison sees the plan any more',
  })
  @ApiOperation({ summary: 'Decline the CPS request' })
  @ApiErrors(400, 404, 409)
  decline(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: DeclineCpsRequestDto): Promise<CpsDeclineView> {
    return this.cps.decline(caller, id, body);
  }

  @Post('cps-involvement/close')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({
    type: OperationView,
    description: 'The engaged liaison closes evidence gathering once the day of action is completed or stood down',
  })
  @ApiOperation({ summary: 'Close evidence gathering' })
  @ApiErrors(400, 404, 409)
  close(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.cps.close(caller, id, body.version);
  }
}
