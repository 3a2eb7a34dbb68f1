import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { DashboardService } from './dashboard.service';
import { DashboardQueryDto, DashboardView } from './dto/dashboard.dto';

/** The dashboard's numbers for integrations; a browser signed in to the web UI gets the page at the same address. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Roles('MANAGER', 'COORDINATOR')
  @ApiOperation({
    summary: 'Read the dashboard',
    description:
      'How days of action go over a period: plans per month, CPS lead time, readiness of the next 30 days, partner response times, outcomes',
  })
  @ApiOkResponse({
    type: DashboardView,
    description: 'Managers: every plan they may see (R14); coordinators: the plans their agency owns or supports',
  })
  @ApiErrors(400)
  get(@CurrentUser() caller: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardView> {
    return this.dashboard.dashboard(caller, query);
  }
}
