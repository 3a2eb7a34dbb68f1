export const SESSION_COOKIE = 'doap_session';

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
  return id === undefined ? [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ') : [`${SESSION_COOKIE}=${id}`, ...attributes].join('; ');
}
