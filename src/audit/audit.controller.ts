import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/id-param';
import { AuditService } from './audit.service';
import { HistoryEventView, VerifyView } from './dto/audit.dto';

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

  @Get('audit/verify')
  @Roles('ADMIN')
  @ApiOkResponse({ type: VerifyView, description: 'Checks every hash chain; names the first broken link' })
  verify(): Promise<VerifyView> {
    return this.audit.verify();
  }
}
