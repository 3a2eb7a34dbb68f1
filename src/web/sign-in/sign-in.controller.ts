import { randomBytes } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { DEVICE_COOKIE, deviceCookie, readCookie, sessionCookie, signInCookie } from '../../auth/cookies';
import { OpenBeforePasswordChange } from '../../auth/password-change';
import { SessionsService } from '../../auth/sessions.service';
import { TrustedDevices } from '../../auth/trusted-devices.service';
import { Public, WebPage } from '../../common/auth/decorators';
import { AppConfig } from '../../config/app-config';
import { FieldError, redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { EXPIRED, formFromThisBrowser, safeNext, signInForm, signInRefusal } from './sign-in.form';

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller()
export class SignInController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly devices: TrustedDevices,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sign-in')
  page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
    @Query('ended') ended?: string,
  ): FastifyReply {
    if (request.user) return redirect(reply, safeNext(next));
    return this.form(reply, request, { values: {}, next: next ? safeNext(next) : undefined, ended: ended !== undefined });
  }

  /** The sign-in form, with a new token in it and in its cookie. */
  private form(reply: FastifyReply, request: AuthenticatedRequest, data: Record<string, unknown>, status = 200): FastifyReply {
    const token = randomBytes(32).toString('base64url');
    reply.header('set-cookie', signInCookie(token, this.secure));
    return render(reply, request, 'sign-in/sign-in.njk', { pageTitle: 'Sign in', csrfToken: token, ...data }, status);
  }

  private get secure(): boolean {
    return this.config.NODE_ENV === 'production';
  }

  @Public()
  @Post('sign-in')
  async signIn(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('next') next?: string): Promise<FastifyReply> {
    const { email, password, errors } = signInForm(request.body);
    const again = (problems: FieldError[], status: number) =>
      this.form(reply, request, { values: { email }, errors: problems, next: next ? safeNext(next) : undefined }, status);
    if (!formFromThisBrowser(request)) return again([EXPIRED], 403);
    if (errors.length) return again(errors, 400);
    try {
      return await this.startSession(request, reply, { email, password }, next);
    } catch (error) {
      const refused = signInRefusal(error);
      if (!refused) throw error;
      return again([refused.error], refused.status);
    }
  }

  /** Signs the user in: a session cookie, the sign-in form's cookie cleared, and this browser trusted for the account. */
  private async startSession(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    credentials: { email: string; password: string },
    next?: string,
  ): Promise<FastifyReply> {
    // This browser's device cookie lets it sign in to the account whatever others' failures (sign-in-throttle.ts).
    const held = readCookie(request.headers.cookie, DEVICE_COOKIE);
    const session = await this.sessions.signIn(credentials, request.ip, held);
    const device = await this.devices.trust(held, credentials.email);
    reply.header('set-cookie', [
      sessionCookie(session.id, this.secure),
      signInCookie(undefined, this.secure),
      deviceCookie(device, this.secure),
    ]);
    return redirect(reply, session.passwordChangeRequired ? '/account' : safeNext(next));
  }

  @Post('sign-out')
  @OpenBeforePasswordChange()
  async signOut(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (request.session) await this.sessions.signOut(request.session);
    reply.header('set-cookie', sessionCookie(undefined, this.secure));
    return redirect(reply, '/sign-in?ended');
  }
}
