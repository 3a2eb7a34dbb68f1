import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
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
  @ApiOperation({ summary: 'List changes to reference data' })
  @ApiErrors(400)
  reference(@Query() query: ReferenceEventQueryDto): Promise<ReferenceEventPage> {
    return this.audit.referenceEvents(query);
  }

  @Get('verify')
  @Roles('ADMIN')
  @ApiOkResponse({ type: VerifyView, description: 'Checks every hash chain; names the first broken link' })
  @ApiOperation({ summary: 'Check the audit hash chains' })
  @ApiErrors()
  verify(): Promise<VerifyView> {
    return this.audit.verify();
  }
}
