import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { VersionQueryDto } from '../common/dto';
import { ApiErrors } from '../common/errors/api-errors';
import { OperationView } from '../operations/dto/plan-view.dto';
import { DeploymentsService } from './deployments.service';
import {
  CreateDeploymentDto,
  DeclineDeploymentDto,
  DeploymentDecisionView,
  DeploymentRecordView,
  DeploymentVersionDto,
  UpdateDeploymentDto,
} from './dto/deployment.dto';

@ApiTags('supporting teams')
@ApiBearerAuth()
@Controller('operations/:id/deployments')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  @Post()
  @ApiCreatedResponse({ type: OperationView, description: 'The plan with the new deployment and its new version' })
  @ApiOperation({ summary: 'Ask for a supporting team' })
  @ApiErrors(400, 404, 409, 422)
  request(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: CreateDeploymentDto): Promise<OperationView> {
    return this.deployments.request(caller, id, body);
  }

  @Get(':did')
  @ApiOkResponse({
    type: DeploymentRecordView,
    description: 'One deployment: for anyone who sees the plan, and for the team’s own agency after it declined or was released (R14)',
  })
  @ApiOperation({ summary: 'Read one deployment' })
  @ApiErrors(400, 404)
  record(@CurrentUser() caller: AuthUser, @IdParam() id: string, @IdParam('did') did: string): Promise<DeploymentRecordView> {
    return this.deployments.record(caller, { operationId: id }, did);
  }

  @Patch(':did')
  @ApiOkResponse({ type: OperationView, description: 'The owner changes the tasking, powers, RV point or call sign; 422 POWER_NOT_HELD' })
  @ApiOperation({ summary: 'Change a team’s orders' })
  @ApiErrors(400, 404, 409, 422)
  changeOrder(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('did') did: string,
    @Body() body: UpdateDeploymentDto,
  ): Promise<OperationView> {
    return this.deployments.changeOrder(caller, id, did, body);
  }

  @Post(':did/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: DeploymentDecisionView })
  @ApiOperation({ summary: 'Confirm a deployment' })
  @ApiErrors(400, 404, 409, 422)
  confirm(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('did') did: string,
    @Body() body: DeploymentVersionDto,
  ): Promise<DeploymentDecisionView> {
    return this.deployments.confirm(caller, id, did, body.version);
  }

  @Post(':did/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: DeploymentDecisionView })
  @ApiOperation({ summary: 'Decline a deployment' })
  @ApiErrors(400, 404, 409)
  decline(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('did') did: string,
    @Body() body: DeclineDeploymentDto,
  ): Promise<DeploymentDecisionView> {
    return this.deployments.decline(caller, id, did, body);
  }

  @Delete(':did')
  @ApiOkResponse({ type: OperationView, description: 'Releases the team; the deployment stays in the plan as RELEASED' })
  @ApiOperation({ summary: 'Release a team' })
  @ApiErrors(400, 404, 409)
  release(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('did') did: string,
    @Query() query: VersionQueryDto,
  ): Promise<OperationView> {
    return this.deployments.release(caller, id, did, query.version);
  }
}
