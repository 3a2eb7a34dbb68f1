import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { VersionDto, VersionQueryDto } from '../common/dto';
import { IdParam } from '../common/id-param';
import { OperationView } from '../operations/dto/operation.dto';
import { CpsService } from './cps.service';
import {
  AssignEvidenceDto,
  CpsDeclineView,
  CpsRequestDto,
  CreateEvidenceRequirementDto,
  DeclineCpsRequestDto,
  EvidenceMatrixView,
  EvidenceWriteView,
  GatheredEvidenceDto,
  RejectEvidenceDto,
  RequirementVersionDto,
  UpdateEvidenceRequirementDto,
} from './dto/cps.dto';

@ApiTags('early CPS involvement')
@ApiBearerAuth()
@Controller('operations/:id')
export class CpsController {
  constructor(private readonly cps: CpsService) {}

  @Post('cps-involvement')
  @HttpCode(200)
  @ApiOkResponse({ type: OperationView, description: 'Requests early involvement, with a note and the date advice is needed by: every CPS liaison can now see the plan' })
  request(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CpsRequestDto): Promise<OperationView> {
    return this.cps.request(caller, id, body);
  }

  @Delete('cps-involvement')
  @ApiOkResponse({ type: OperationView, description: 'Withdraws a request no liaison has accepted' })
  withdraw(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Query() query: VersionQueryDto): Promise<OperationView> {
    return this.cps.withdraw(caller, id, query.version);
  }

  @Post('cps-involvement/accept')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({ type: OperationView, description: 'The caller becomes the operation’s CPS liaison' })
  accept(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.cps.accept(caller, id, body.version);
  }

  @Post('cps-involvement/decline')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({ type: CpsDeclineView, description: 'Declines the request with a reason; the owner sees it, and no liaison sees the plan any more' })
  decline(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: DeclineCpsRequestDto): Promise<CpsDeclineView> {
    return this.cps.decline(caller, id, body);
  }

  @Post('cps-involvement/close')
  @HttpCode(200)
  @Roles('CPS_LIAISON')
  @ApiOkResponse({ type: OperationView, description: 'The engaged liaison closes evidence gathering on a completed plan' })
  close(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: VersionDto): Promise<OperationView> {
    return this.cps.close(caller, id, body.version);
  }

  @Get('evidence-requirements')
  @ApiOkResponse({ type: EvidenceMatrixView })
  matrix(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EvidenceMatrixView> {
    return this.cps.matrix(caller, id);
  }

  @Post('evidence-requirements')
  @ApiCreatedResponse({ type: EvidenceWriteView })
  add(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    return this.cps.addRequirement(caller, id, body);
  }

  @Patch('evidence-requirements/:rid')
  @ApiOkResponse({ type: EvidenceWriteView })
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: UpdateEvidenceRequirementDto,
  ): Promise<EvidenceWriteView> {
    return this.cps.updateRequirement(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView, description: '422 TEAM_NOT_DEPLOYED when the team has no confirmed deployment' })
  assign(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: AssignEvidenceDto): Promise<EvidenceWriteView> {
    return this.cps.assign(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/gathered')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  gathered(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: GatheredEvidenceDto): Promise<EvidenceWriteView> {
    return this.cps.gathered(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  acceptEvidence(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: RequirementVersionDto,
  ): Promise<EvidenceWriteView> {
    return this.cps.decide(caller, id, rid, body.version, 'ACCEPTED');
  }

  @Post('evidence-requirements/:rid/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  rejectEvidence(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: RejectEvidenceDto): Promise<EvidenceWriteView> {
    return this.cps.decide(caller, id, rid, body.version, 'REJECTED', body.reason);
  }
}
