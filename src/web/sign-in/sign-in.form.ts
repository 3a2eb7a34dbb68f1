import { timingSafeEqual } from 'node:crypto';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { readCookie, SIGN_IN_COOKIE } from '../../auth/cookies';
import { DomainError } from '../../common/errors/domain-error';
import { formText } from '../forms';
import type { FieldError } from '../page';

/** Only a path of this site: never an address elsewhere (an open redirect) nor a protocol-relative one. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/sign-') ? next : '/';
}

/**
 * Whether the form posted is one this browser was given: the token in the form and in its
 * SameSite=Strict cookie match. Another site cannot sign a browser in to an account of its
 * choosing (login CSRF): it can neither read the token nor make the browser send the cookie.
 */
export function formFromThisBrowser(request: AuthenticatedRequest): boolean {
  const cookie = Buffer.from(readCookie(request.headers.cookie, SIGN_IN_COOKIE) ?? '');
  const posted = Buffer.from(formText(request.body, '_csrf'));
  return cookie.length === 43 && posted.length === cookie.length && timingSafeEqual(cookie, posted);
}

/** The sign-in form as posted (the email address as accounts hold it), and what is missing or too long. */
export function signInForm(form: unknown): { email: string; password: string; errors: FieldError[] } {
  const email = formText(form, 'email').trim().toLowerCase();
  const password = formText(form, 'password');
  const errors: FieldError[] = [];
  if (!email) errors.push({ field: 'email', text: 'Enter your email address' });
  else if (email.length > 254) errors.push({ field: 'email', text: 'Email address must be 254 characters or fewer' });
  if (!password) errors.push({ field: 'password', text: 'Enter your password' });
  else if (password.length > 256) errors.push({ field: 'password', text: 'Password must be 256 characters or fewer' });
  return { email, password, errors };
}

/** What the form says when its token does not match this browser's. */
export const EXPIRED: FieldError = { field: 'email', text: 'The sign-in form had expired: sign in again' };

/**
 * A refused sign-in as the form shows it, and its status; undefined for any other failure. A wrong
 * email address or password is one message for both, so it tells no one which accounts exist.
 */
export function signInRefusal(error: unknown): { error: FieldError; status: number } | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code === 'UNAUTHENTICATED')
    return { error: { field: 'email', text: 'Enter a correct email address and password' }, status: 401 };
  if (error.code === 'RATE_LIMITED') return { error: { field: 'email', text: error.message }, status: 429 };
  if (error.details?.issuedPasswordExpired) return { error: { field: 'password', text: error.message }, status: 403 };
  return undefined;
}
