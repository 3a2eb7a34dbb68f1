import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { sessionCookie } from '../../auth/cookies';
import { SessionsService } from '../../auth/sessions.service';
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

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller()
export class SignInController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sign-in')
  page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('next') next?: string, @Query('ended') ended?: string): FastifyReply {
    if (request.user) return redirect(reply, safeNext(next));
    return render(reply, request, 'sign-in.njk', { pageTitle: 'Sign in', values: {}, next: next ? safeNext(next) : undefined, ended: ended !== undefined });
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
    const again = (problems: FieldError[], status: number) =>
      render(reply, request, 'sign-in.njk', { pageTitle: 'Sign in', values: { email }, errors: problems, next: next ? safeNext(next) : undefined }, status);
    if (errors.length) return again(errors, 400);
    try {
      const session = await this.sessions.signIn({ email, password }, request.ip);
      reply.header('set-cookie', sessionCookie(session.id, this.config.NODE_ENV === 'production'));
      return redirect(reply, safeNext(next));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return again([{ field: 'email', text: 'Enter a correct email address and password' }], 401);
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') return again([{ field: 'email', text: error.message }], 429);
      throw error;
    }
  }

  @Post('sign-out')
  async signOut(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (request.session) await this.sessions.signOut(request.session);
    reply.header('set-cookie', sessionCookie(undefined, this.config.NODE_ENV === 'production'));
    return redirect(reply, '/sign-in?ended');
  }
}
