import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { REQUIRED_ROLES } from '../common/auth/decorators';
import type { Role } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { anyOfRoles } from '../common/labels';

/** Checks the roles a route declares with @Roles(); runs after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (user && hasRole(user, ...required)) return true;
    throw new DomainError('FORBIDDEN', `Only ${anyOfRoles(required)} can do this`, { rolesNeeded: required });
  }
}
