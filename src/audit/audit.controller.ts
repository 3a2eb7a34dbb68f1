import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { AuditService } from './audit.service';
import { ReferenceEventPage, ReferenceEventQueryDto, VerifyView } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('reference')
  @Roles('ADMIN')
  @ApiOkResponse({ type: ReferenceEventPage, description: 'Changes to agencies, teams, users and the policy, newest first' })
  reference(@Query() query: ReferenceEventQueryDto): Promise<ReferenceEventPage> {
    return this.audit.referenceEvents(query);
  }

  @Get('verify')
  @Roles('ADMIN')
  @ApiOkResponse({ type: VerifyView, description: 'Checks every hash chain; names the first broken link' })
  verify(): Promise<VerifyView> {
    return this.audit.verify();
  }
}
