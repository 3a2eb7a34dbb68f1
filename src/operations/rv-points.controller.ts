import { Body, Controller, Delete, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { VersionQueryDto } from '../common/dto';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { RvPointWriteDto } from './dto/order.dto';
import { OperationView } from './dto/plan-view.dto';
import { RvPointsService } from './rv-points.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id/rv-points')
export class RvPointsController {
  constructor(private readonly rvPoints: RvPointsService) {}

  @Post()
  @ApiCreatedResponse({ type: OperationView, description: 'The plan with the new RV point and its new version' })
  @ApiOperation({ summary: 'Add an RV point' })
  @ApiErrors(400, 404, 409)
  add(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: RvPointWriteDto): Promise<OperationView> {
    return this.rvPoints.add(caller, id, body.version, body);
  }

  @Patch(':rid')
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({ summary: 'Change an RV point' })
  @ApiErrors(400, 404, 409)
  change(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Body() body: RvPointWriteDto,
  ): Promise<OperationView> {
    return this.rvPoints.change(caller, id, rid, body.version, body);
  }

  @Delete(':rid')
  @ApiOkResponse({ type: OperationView, description: '409 CONFLICT while a team still meets there' })
  @ApiOperation({ summary: 'Remove an RV point' })
  @ApiErrors(400, 404, 409)
  remove(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('rid') rid: string,
    @Query() query: VersionQueryDto,
  ): Promise<OperationView> {
    return this.rvPoints.remove(caller, id, rid, query.version);
  }
}
