import { DomainError } from '../common/errors/domain-error';
import type { User } from './user.entity';

/** A password an admin issues signs in for this long, and only until its user sets their own. */
export const ISSUED_PASSWORD_HOURS = 72;
const ISSUED_PASSWORD_MS = ISSUED_PASSWORD_HOURS * 3600 * 1000;

export function issuedPasswordExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ISSUED_PASSWORD_MS);
}

/** Whether the user still holds an admin-issued password, unchanged and past its 72 hours. */
export function issuedPasswordExpired(user: Pick<User, 'passwordChangeRequired' | 'passwordIssuedAt'>, now = new Date()): boolean {
  return user.passwordChangeRequired && user.passwordIssuedAt !== null && issuedPasswordExpiresAt(user.passwordIssuedAt) <= now;
}

/**
 * Refuses a sign-in with an admin-issued password that has expired. Asked only once the password
 * is known to be right: it tells the person nothing a guesser could use.
 */
export function assertIssuedPasswordCurrent(user: Pick<User, 'passwordChangeRequired' | 'passwordIssuedAt'>): void {
  if (issuedPasswordExpired(user)) {
    throw new DomainError(
      'FORBIDDEN',
      `The one-time password an admin gave you has expired: it works for ${ISSUED_PASSWORD_HOURS} hours only. Ask an admin for a new one, then sign in with it and choose your own password.`,
      { issuedPasswordExpired: true },
    );
  }
}
