import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { SharingDto } from './dto/sharing.dto';
import { OperationView } from './dto/plan-view.dto';
import { SharingService } from './sharing.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id/sharing')
export class SharingController {
  constructor(private readonly sharing: SharingService) {}

  @Put()
  @ApiOkResponse({
    type: OperationView,
    description:
      'The owner sets the sections a partner agency sees beyond its default (R14b); 422 SHARING_NOT_PERMITTED for intelligence to victim support or a local authority, or an agency with no team on the plan',
  })
  @ApiOperation({ summary: 'Share sections with a partner' })
  @ApiErrors(400, 404, 409, 422)
  share(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SharingDto): Promise<OperationView> {
    return this.sharing.share(caller, id, body);
  }
}
