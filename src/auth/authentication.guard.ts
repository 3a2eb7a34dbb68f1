import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { CallerRepository } from './caller.repository';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every route needs a valid bearer token of an active user, unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send the access token as "Authorization: Bearer <token>"');
    const claims = await this.tokens.verify(match[1]);
    if (!claims || !UUID.test(claims.userId)) throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or has expired; sign in again');
    const user = await CallerRepository.find(this.dataSource.manager, claims.userId, claims.generation);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or has expired; sign in again');
    request.user = user;
    return true;
  }
}
