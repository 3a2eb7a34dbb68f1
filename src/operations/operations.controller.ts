import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { HistoryEventView } from '../audit/dto/audit.dto';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { CreateOperationDto, OperationPage, OperationQueryDto, UpdateOperationDto } from './dto/operation.dto';
import { OperationView } from './dto/plan-view.dto';
import { PlanEditingService } from './plan-editing.service';
import { PlansService } from './plans.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly plans: PlansService,
    private readonly editing: PlanEditingService,
  ) {}

  @Post()
  @Roles('COORDINATOR')
  @ApiCreatedResponse({ type: OperationView })
  @ApiOperation({ summary: 'Create a draft plan' })
  @ApiErrors(400, 429)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateOperationDto): Promise<OperationView> {
    return this.editing.create(caller, body);
  }

  @Get()
  @ApiOkResponse({ type: OperationPage, description: 'The operations the caller may see, newest first' })
  @ApiOperation({ summary: 'List the plans you may see' })
  @ApiErrors(400)
  list(@CurrentUser() caller: AuthUser, @Query() query: OperationQueryDto): Promise<OperationPage> {
    return this.plans.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({ summary: 'Read a plan' })
  @ApiErrors(400, 404)
  get(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<OperationView> {
    return this.plans.get(caller, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({ summary: 'Change a plan' })
  @ApiErrors(400, 404, 409, 422, 429)
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateOperationDto): Promise<OperationView> {
    return this.editing.update(caller, id, body);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: HistoryEventView, isArray: true, description: 'Every change, oldest first' })
  @ApiOperation({ summary: 'Read a plan’s history' })
  @ApiErrors(400, 404)
  history(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<HistoryEventView[]> {
    return this.plans.history(caller, id);
  }
}
