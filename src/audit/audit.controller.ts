import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { AuditService } from './audit.service';
import { HistoryEventView, ReferenceEventPage, ReferenceEventQueryDto, VerifyView } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('operations/:id/history')
  @ApiOkResponse({ type: HistoryEventView, isArray: true })
  history(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<HistoryEventView[]> {
    return this.audit.history(caller, id);
  }

  @Get('audit/reference')
  @Roles('ADMIN')
  @ApiOkResponse({ type: ReferenceEventPage, description: 'Changes to agencies, teams, users and the policy, newest first' })
  reference(@Query() query: ReferenceEventQueryDto): Promise<ReferenceEventPage> {
    return this.audit.referenceEvents(query);
  }

  @Get('audit/verify')
  @Roles('ADMIN')
  @ApiOkResponse({ type: VerifyView, description: 'Checks every hash chain; names the first broken link' })
  verify(): Promise<VerifyView> {
    return this.audit.verify();
  }
}
