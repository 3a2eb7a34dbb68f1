import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
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
    description: 'The owner sets the sections a partner agency sees beyond its default (R14b); 422 SHARING_NOT_PERMITTED for intelligence to victim support or a local authority, or an agency with no team on the plan',
  })
  share(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SharingDto): Promise<OperationView> {
    return this.sharing.share(caller, id, body);
  }
}
