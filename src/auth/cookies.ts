import { DEVICE_TRUST_DAYS } from './device-cookie';

export const SESSION_COOKIE = 'doap_session';
/** The sign-in form's own token (no session exists yet): only the sign-in page sets it and only the sign-in POST reads it. */
export const SIGN_IN_COOKIE = 'doap_sign_in';
/** The browser's device tokens (device-cookie.ts): only the sign-in POST reads them, so only the sign-in page is sent them. */
export const DEVICE_COOKIE = 'doap_device';

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie value for the session cookie; `undefined` clears it. */
export function sessionCookie(id: string | undefined, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return id === undefined
    ? [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ')
    : [`${SESSION_COOKIE}=${id}`, ...attributes].join('; ');
}

/** The Set-Cookie value for the sign-in form's token; `undefined` clears it. */
export function signInCookie(token: string | undefined, secure: boolean): string {
  const attributes = ['Path=/sign-in', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  return token === undefined
    ? [`${SIGN_IN_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ')
    : [`${SIGN_IN_COOKIE}=${token}`, ...attributes].join('; ');
}

/**
 * The Set-Cookie value for the device cookie, kept as long as the devices it names are trusted.
 * SameSite=Strict: the sign-in form posts from this site, and no other site can make the browser present it.
 */
export function deviceCookie(value: string, secure: boolean): string {
  return [
    `${DEVICE_COOKIE}=${value}`,
    `Max-Age=${DEVICE_TRUST_DAYS * 86400}`,
    'Path=/sign-in',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
