import { isRepetition } from '../common/repetition';

/**
 * Secrets and passwords that appear in this repository (examples, tests, old defaults): public,
 * so never good enough in production. test/tooling/published-secrets.spec.ts fails when the
 * repository gains a secret-like literal that production would accept.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-secret-of-32-chars-or-more',
  'ChangeMe-Demo-2026!',
  'test-secret-that-is-long-enough-for-hs256-0123456789',
  'test-subject-match-key-0123456789abcdef',
  'lifecycle-test-secret-0123456789abcdef',
  'lifecycle-demo-password-42',
  'correct horse battery staple',
  'not-the-secret',
  'bench-demo-password-1',
  'marble kettle orchard',
];

const MIN_KEY_BYTES = 32;
const MIN_BITS_PER_CHARACTER = 3;

/** Empirical Shannon entropy of the string, in bits per character. */
function bitsPerCharacter(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Bytes of key material the secret carries: hex and base64 decode, anything else counts as it is. */
function keyBytes(secret: string): number {
  if (/^[0-9a-f]+$/i.test(secret)) return Math.floor(secret.length / 2);
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return Math.floor((secret.replace(/=+$/, '').length * 6) / 8);
  return Buffer.byteLength(secret);
}

/**
 * What is wrong with a token-signing secret for production: it must carry at least 32 bytes of
 * key material (64 hex or 43 base64 characters, e.g. `openssl rand -hex 32`), look random
 * (no repeated pattern, varied characters), and not be one published in this repository.
 */
export function secretProblems(name: string, secret: string): string[] {
  if (PUBLISHED_SECRETS.includes(secret)) return [`${name} is published in the repository; generate your own with: openssl rand -hex 32`];
  const problems: string[] = [];
  if (keyBytes(secret) < MIN_KEY_BYTES) {
    problems.push(
      `${name} must carry at least ${MIN_KEY_BYTES} bytes of randomness (64 hex characters); generate one with: openssl rand -hex 32`,
    );
  } else if (isRepetition(secret) || bitsPerCharacter(secret) < MIN_BITS_PER_CHARACTER) {
    problems.push(`${name} is not random enough (it repeats or uses few characters); generate one with: openssl rand -hex 32`);
  }
  return problems;
}
