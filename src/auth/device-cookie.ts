import { createHash, randomBytes } from 'node:crypto';

/** How long a browser stays trusted for an account after it last signed in to it. */
export const DEVICE_TRUST_DAYS = 180;
/**
 * A shared PC (a briefing room's) is trusted for each of the accounts signed in on it, each with
 * a token of its own in the one cookie; the ten most recent are kept.
 */
export const DEVICES_PER_BROWSER = 10;

const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The well-formed tokens a device cookie's value holds (dot-separated), each once, at most DEVICES_PER_BROWSER. */
export function deviceTokens(value: string | undefined): string[] {
  const tokens = (value ?? '').split('.').filter((token) => DEVICE_TOKEN.test(token));
  return [...new Set(tokens)].slice(0, DEVICES_PER_BROWSER);
}

/** A new random 256-bit device token. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What Postgres keeps of a token: its SHA-256, so the table alone trusts no browser. */
export function deviceTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The cookie's value after a sign-in: the new token first, then the browser's other trusted ones, newest first. */
export function deviceCookieValue(newToken: string, others: string[]): string {
  return [newToken, ...others].slice(0, DEVICES_PER_BROWSER).join('.');
}
