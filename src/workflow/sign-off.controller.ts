import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiErrors } from '../common/errors/api-errors';
import { IdParam } from '../common/id-param';
import { OperationView } from '../operations/dto/plan-view.dto';
import { SignOffDto } from './dto/sign-off.dto';
import { SignOffService } from './sign-off.service';

@ApiTags('review and lifecycle')
@ApiBearerAuth()
@Controller('operations/:id')
export class SignOffController {
  constructor(private readonly signOffs: SignOffService) {}

  @Post('sign-off')
  @HttpCode(200)
  @ApiOkResponse({
    type: OperationView,
    description:
      'A manager of a supporting agency with a confirmed team signs off its part of a SUBMITTED plan (the version stays), or declines with a reason (the plan goes to CHANGES_REQUESTED). 403 for anyone else who can see the plan; 409 INVALID_TRANSITION unless SUBMITTED',
  })
  @ApiOperation({ summary: 'Sign off or decline your agency’s part' })
  @ApiErrors(400, 404, 409)
  signOff(@CurrentUser() caller: AuthUser, @IdParam() id: string, @Body() body: SignOffDto): Promise<OperationView> {
    return this.signOffs.decide(caller, id, body);
  }
}
