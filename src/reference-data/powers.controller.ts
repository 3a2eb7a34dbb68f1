import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AGENCY_KINDS, AgencyKind } from '../common/domain';
import { ApiErrors } from '../common/errors/api-errors';
import { agencyKindOf, AgencyKindPowersView, PutPowersDto } from './dto/powers.dto';
import { PowersService } from './powers.service';

/** The kind of agency in the path; anything else is a 400 naming the parameter. */
function KindParam(): ParameterDecorator {
  return Param('kind', { transform: (value: unknown) => agencyKindOf(value) });
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('powers')
export class PowersController {
  constructor(private readonly powers: PowersService) {}

  @Get()
  @ApiOkResponse({
    type: AgencyKindPowersView,
    isArray: true,
    description: 'Every kind of agency with the powers its officers hold: a team is tasked only with these (POWER_NOT_HELD)',
  })
  @ApiOperation({ summary: 'List the powers of each kind of agency' })
  @ApiErrors()
  list(): Promise<AgencyKindPowersView[]> {
    return this.powers.list();
  }

  @Put(':kind')
  @Roles('ADMIN')
  @ApiParam({ name: 'kind', enum: AGENCY_KINDS })
  @ApiOkResponse({
    type: AgencyKindPowersView,
    description:
      'The kind now holds exactly these powers (the CPS none, R2); audited with the reason. Deployments already tasked are not changed.',
  })
  @ApiOperation({ summary: 'Replace the powers of a kind of agency' })
  @ApiErrors(400)
  replace(@CurrentUser() caller: AuthUser, @KindParam() kind: AgencyKind, @Body() body: PutPowersDto): Promise<AgencyKindPowersView> {
    return this.powers.replace(caller, kind, body);
  }
}
