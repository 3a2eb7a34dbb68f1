import type { AgencyKind, Role } from '../domain';

/** The caller, as the authentication guard loaded them for this request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  agencyId: string;
  agencyCode: string;
  agencyKind: AgencyKind;
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
