import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/decorators';
import { ApiPublicErrors, ApiSignedInErrors } from '../common/errors/api-errors';
import { UserView } from '../reference-data/dto/user.dto';
import { UsersService } from '../reference-data/users.service';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { LoginDto, LoginResult } from './dto/login.dto';
import { ChangePasswordDto } from './dto/password.dto';
import { OpenBeforePasswordChange } from './password-change';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly account: AccountService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult })
  @ApiOperation({ summary: 'Sign in' })
  @ApiPublicErrors(400, 401, 429)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResult> {
    return this.auth.login(body, request.ip);
  }

  @Get('me')
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  @ApiOperation({ summary: 'Read the signed-in user' })
  @ApiSignedInErrors()
  me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    return this.users.view(caller.id);
  }

  @Post('password')
  @HttpCode(200)
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'The current password is required (5 wrong ones in 15 minutes and the account is refused with 429 for the rest of them). The new one follows the rules for every password and differs from the current one. The change ends every session, token and calendar feed the user holds, this token included: carry on with the token in the answer. It also sets your own password in place of a one-time password an admin issued, which every other route refuses with 403 PASSWORD_CHANGE_REQUIRED until it is replaced.',
  })
  @ApiOkResponse({ type: LoginResult, description: 'A new token, as sign-in gives' })
  @ApiSignedInErrors(400, 409, 429)
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto): Promise<LoginResult> {
    return this.account.changePassword(caller, body);
  }
}
