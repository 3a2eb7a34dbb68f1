import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import {
  AssignEvidenceDto,
  CreateEvidenceRequirementDto,
  EvidenceMatrixView,
  EvidenceWriteView,
  GatheredEvidenceDto,
  RejectEvidenceDto,
  RequirementVersionDto,
  UpdateEvidenceRequirementDto,
} from './dto/cps.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('early CPS involvement')
@ApiBearerAuth()
@Controller('operations/:id')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('evidence-requirements')
  @ApiOkResponse({ type: EvidenceMatrixView })
  @ApiOperation({ summary: 'Read the evidence matrix' })
  @ApiErrors(400, 404)
  matrix(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EvidenceMatrixView> {
    return this.evidence.matrix(caller, id);
  }

  @Post('evidence-requirements')
  @ApiCreatedResponse({ type: EvidenceWriteView })
  @ApiOperation({ summary: 'Add an evidence requirement' })
  @ApiErrors(400, 404, 409)
  add(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    return this.evidence.add(caller, id, body);
  }

  @Patch('evidence-requirements/:rid')
  @ApiOkResponse({ type: EvidenceWriteView })
  @ApiOperation({ summary: 'Change an evidence requirement' })
  @ApiErrors(400, 404, 409)
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: UpdateEvidenceRequirementDto,
  ): Promise<EvidenceWriteView> {
    return this.evidence.update(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView, description: '422 TEAM_NOT_DEPLOYED when the team has no confirmed deployment' })
  @ApiOperation({ summary: 'Assign a requirement to a team' })
  @ApiErrors(400, 404, 409, 422)
  assign(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: AssignEvidenceDto,
  ): Promise<EvidenceWriteView> {
    return this.evidence.assign(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/gathered')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  @ApiOperation({ summary: 'Report evidence gathered' })
  @ApiErrors(400, 404, 409)
  gathered(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: GatheredEvidenceDto,
  ): Promise<EvidenceWriteView> {
    return this.evidence.gathered(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  @ApiOperation({ summary: 'Accept gathered evidence' })
  @ApiErrors(400, 404, 409)
  acceptEvidence(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: RequirementVersionDto,
  ): Promise<EvidenceWriteView> {
    return this.evidence.decide(caller, id, rid, body.version, 'ACCEPTED');
  }

  @Post('evidence-requirements/:rid/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  @ApiOperation({ summary: 'Reject gathered evidence' })
  @ApiErrors(400, 404, 409)
  rejectEvidence(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: RejectEvidenceDto,
  ): Promise<EvidenceWriteView> {
    return this.evidence.decide(caller, id, rid, body.version, 'REJECTED', body.reason);
  }
}
