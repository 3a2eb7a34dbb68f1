import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../domain';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';
export const IS_WEB_PAGE = 'auth:web-page';

/** The route needs no token (DESIGN §4 names the few that do not). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** A page of the web UI: signed in by the session cookie, not a bearer token, and every POST carries the session's CSRF token. */
export const WebPage = () => SetMetadata(IS_WEB_PAGE, true);

/** The caller must hold at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user,
);
