import { createHash, randomBytes } from 'node:crypto';

/** A feed token: 256 random bits, base64url without padding (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored: a copy of the table gives no one a working address. */
export function feedTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether text can be a feed token at all: anything else is not looked up. */
export function isFeedToken(text: unknown): text is string {
  return typeof text === 'string' && TOKEN.test(text);
}
