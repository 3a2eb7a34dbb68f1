import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountService } from '../../auth/account.service';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { sessionCookie } from '../../auth/cookies';
import { ChangePasswordDto } from '../../auth/dto/password.dto';
import { OpenBeforePasswordChange } from '../../auth/password-change';
import { WebPage } from '../../common/auth/decorators';
import { AppConfig } from '../../config/app-config';
import { ISSUED_PASSWORD_HOURS } from '../../reference-data/issued-password';
import { formErrors, refusalOf, validated } from '../form-errors';
import { FieldError, redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { passwordChangeForm } from './account.form';

/**
 * "Your account" (issue 25): change your own password. A user who signed in with a one-time
 * password an admin issued is sent here first, and nowhere else works until they have set their
 * own. A change signs the user out everywhere else and turns off their calendar feed; this browser
 * stays signed in, under a new session.
 */
@ApiExcludeController()
@WebPage()
@OpenBeforePasswordChange()
@UseFilters(WebExceptionFilter)
@Controller('account')
export class AccountPageController {
  constructor(
    private readonly account: AccountService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): FastifyReply {
    return this.draw(reply, request, { changed: 'changed' in query });
  }

  @Post()
  async change(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    try {
      const sessionId = await this.account.changePasswordInBrowser(
        request.user!,
        await validated(ChangePasswordDto, passwordChangeForm(request.body)),
      );
      reply.header('set-cookie', sessionCookie(sessionId, this.config.NODE_ENV === 'production'));
      return redirect(reply, '/account?changed');
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return this.draw(reply, request, { errors: formErrors(error, { id: (field) => field }) }, error.statusCode);
    }
  }

  /** The page; passwords typed are never drawn back into it. */
  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    shown: { changed?: boolean; errors?: FieldError[] },
    status = 200,
  ): FastifyReply {
    return render(
      reply,
      request,
      'account/account.njk',
      {
        pageTitle: 'Your account',
        section: 'account',
        mustChange: request.session?.passwordChangeRequired ?? false,
        issuedHours: ISSUED_PASSWORD_HOURS,
        ...shown,
      },
      status,
    );
  }
}
