import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { DEVICE_COOKIE, deviceCookie, readCookie, sessionCookie, SIGN_IN_COOKIE, signInCookie } from '../../auth/cookies';
import { OpenBeforePasswordChange } from '../../auth/password-change';
import { SessionsService } from '../../auth/sessions.service';
import { TrustedDevices } from '../../auth/trusted-devices.service';
import { Public, WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { FieldError, redirect, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { formText } from '../forms';

/** Only a path of this site: never an address elsewhere (an open redirect) nor a protocol-relative one. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/sign-') ? next : '/';
}

/**
 * Whether the form posted is one this browser was given: the token in the form and in its
 * SameSite=Strict cookie match. Another site cannot sign a browser in to an account of its
 * choosing (login CSRF): it can neither read the token nor make the browser send the cookie.
 */
function formFromThisBrowser(request: AuthenticatedRequest): boolean {
  const cookie = Buffer.from(readCookie(request.headers.cookie, SIGN_IN_COOKIE) ?? '');
  const posted = Buffer.from(formText(request.body, '_csrf'));
  return cookie.length === 43 && posted.length === cookie.length && timingSafeEqual(cookie, posted);
}

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
  page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('next') next?: string, @Query('ended') ended?: string): FastifyReply {
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
    const email = formText(request.body, 'email').trim().toLowerCase();
    const password = formText(request.body, 'password');
    const errors: FieldError[] = [];
    if (!email) errors.push({ field: 'email', text: 'Enter your email address' });
    else if (email.length > 254) errors.push({ field: 'email', text: 'Email address must be 254 characters or fewer' });
    if (!password) errors.push({ field: 'password', text: 'Enter your password' });
    else if (password.length > 256) errors.push({ field: 'password', text: 'Password must be 256 characters or fewer' });
    const again = (problems: FieldError[], status: number) => this.form(reply, request, { values: { email }, errors: problems, next: next ? safeNext(next) : undefined }, status);
    if (!formFromThisBrowser(request)) return again([{ field: 'email', text: 'The sign-in form had expired: sign in again' }], 403);
    if (errors.length) return again(errors, 400);
    try {
      // This browser's device cookie lets it sign in to the account whatever others' failures (sign-in-throttle.ts).
      const held = readCookie(request.headers.cookie, DEVICE_COOKIE);
      const session = await this.sessions.signIn({ email, password }, request.ip, held);
      const device = await this.devices.trust(held, email);
      reply.header('set-cookie', [sessionCookie(session.id, this.secure), signInCookie(undefined, this.secure), deviceCookie(device, this.secure)]);
      return redirect(reply, session.passwordChangeRequired ? '/account' : safeNext(next));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return again([{ field: 'email', text: 'Enter a correct email address and password' }], 401);
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') return again([{ field: 'email', text: error.message }], 429);
      if (error instanceof DomainError && error.details?.issuedPasswordExpired) return again([{ field: 'password', text: error.message }], 403);
      throw error;
    }
  }

  @Post('sign-out')
  @OpenBeforePasswordChange()
  async signOut(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (request.session) await this.sessions.signOut(request.session);
    reply.header('set-cookie', sessionCookie(undefined, this.secure));
    return redirect(reply, '/sign-in?ended');
  }
}
