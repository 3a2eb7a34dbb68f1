import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC, IS_WEB_PAGE } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { CallerRepository } from './caller.repository';
import { readCookie, SESSION_COOKIE } from './cookies';
import { OPEN_BEFORE_CHANGE_METADATA, passwordChangeRequired } from './password-change';
import { Session, SessionsService } from './sessions.service';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser; session?: Session };

/**
 * Every route needs a valid bearer token of an active user, unless marked @Public(); a web page
 * (@WebPage()) needs a live session cookie instead, and a POST to it the session's CSRF token.
 * The API never reads the cookie, so no other site can make a browser call it. A user with a
 * one-time password an admin issued gets only the routes marked @OpenBeforePasswordChange().
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly dataSource: DataSource,
    private readonly callers: CallerRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const openBeforeChange = this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_CHANGE_METADATA, targets) ?? false;
    if (this.reflector.getAllAndOverride<boolean>(IS_WEB_PAGE, targets))
      return this.signedInBrowser(request, this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets), openBeforeChange);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send the access token as "Authorization: Bearer <token>"');
    const claims = await this.tokens.verify(match[1]);
    if (!claims || !UUID.test(claims.userId))
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or has expired; sign in again');
    const caller = await this.callers.find(this.dataSource.manager, claims.userId, claims.generation);
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or has expired; sign in again');
    const { passwordChangeRequired: mustChange, ...user } = caller;
    request.user = user;
    if (mustChange && !openBeforeChange) throw passwordChangeRequired();
    return true;
  }

  /**
   * A public page (sign in) still learns who is signed in, if anyone. A user who must still
   * replace a one-time password is sent to do that (the web's error filter redirects to /account).
   */
  private async signedInBrowser(request: AuthenticatedRequest, isPublic: boolean, openBeforeChange: boolean): Promise<boolean> {
    const session = await this.sessions.find(readCookie(request.headers.cookie, SESSION_COOKIE));
    if (session) {
      const { csrfToken: _csrf, idleSeconds: _idle, idHash: _hash, passwordChangeRequired: _change, ...user } = session;
      request.user = user;
      request.session = session;
    }
    if (isPublic) return true;
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Your session has ended: sign in again');
    if (session.passwordChangeRequired && !openBeforeChange) throw passwordChangeRequired();
    if (request.method === 'POST' && !SessionsService.csrfMatches(session, (request.body as { _csrf?: unknown } | undefined)?._csrf)) {
      throw new DomainError(
        'FORBIDDEN',
        'This form could not be accepted because it did not come from this page: nothing was changed. Go back, reload the page and try again.',
        { csrf: true },
      );
    }
    return true;
  }
}
