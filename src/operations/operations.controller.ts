import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { CreateOperationDto, OperationPage, OperationQueryDto, OperationView, UpdateOperationDto } from './dto/operation.dto';
import { OperationsService } from './operations.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Post()
  @Roles('COORDINATOR')
  @ApiCreatedResponse({ type: OperationView })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateOperationDto): Promise<OperationView> {
    return this.operations.create(caller, body);
  }

  @Get()
  @ApiOkResponse({ type: OperationPage, description: 'The operations the caller may see, newest first' })
  list(@CurrentUser() caller: AuthUser, @Query() query: OperationQueryDto): Promise<OperationPage> {
    return this.operations.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OperationView })
  get(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<OperationView> {
    return this.operations.get(caller, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OperationView })
  update(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: UpdateOperationDto): Promise<OperationView> {
    return this.operations.update(caller, id, body);
  }
}
