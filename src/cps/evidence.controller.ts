import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
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
  matrix(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<EvidenceMatrixView> {
    return this.evidence.matrix(caller, id);
  }

  @Post('evidence-requirements')
  @ApiCreatedResponse({ type: EvidenceWriteView })
  add(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CreateEvidenceRequirementDto): Promise<EvidenceWriteView> {
    return this.evidence.add(caller, id, body);
  }

  @Patch('evidence-requirements/:rid')
  @ApiOkResponse({ type: EvidenceWriteView })
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
  assign(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: AssignEvidenceDto): Promise<EvidenceWriteView> {
    return this.evidence.assign(caller, id, rid, body);
  }

  @Post('evidence-requirements/:rid/gathered')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  gathered(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: GatheredEvidenceDto): Promise<EvidenceWriteView> {
    return this.evidence.gathered(caller, id, rid, body);
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
    return this.evidence.decide(caller, id, rid, body.version, 'ACCEPTED');
  }

  @Post('evidence-requirements/:rid/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceWriteView })
  rejectEvidence(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('rid') rid: string, @Body() body: RejectEvidenceDto): Promise<EvidenceWriteView> {
    return this.evidence.decide(caller, id, rid, body.version, 'REJECTED', body.reason);
  }
}
