import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { VersionQueryDto } from '../common/dto';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { AddSubjectDto, PlanSubjectsView } from './dto/subject.dto';
import { SubjectsService } from './subjects.service';

@ApiTags('subjects of interest')
@ApiBearerAuth()
@Controller('operations/:id/subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @ApiOkResponse({ type: PlanSubjectsView, description: 'Only for those who may see the plan (R14)' })
  @ApiOperation({ summary: 'List a plan’s subjects of interest' })
  @ApiErrors(400, 404)
  list(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<PlanSubjectsView> {
    return this.subjects.list(caller, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: PlanSubjectsView,
    description: 'The plan’s subjects; a match with another open plan is a hit in GET …/conflicts',
  })
  @ApiOperation({ summary: 'Add a subject of interest' })
  @ApiErrors(400, 404, 409, 429)
  add(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: AddSubjectDto): Promise<PlanSubjectsView> {
    return this.subjects.add(caller, id, body);
  }

  @Delete(':sid')
  @ApiOkResponse({ type: PlanSubjectsView })
  @ApiOperation({ summary: 'Remove a subject of interest' })
  @ApiErrors(400, 404, 409)
  remove(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('sid') sid: string,
    @Query() query: VersionQueryDto,
  ): Promise<PlanSubjectsView> {
    return this.subjects.remove(caller, id, sid, query.version);
  }
}
