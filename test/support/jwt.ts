import { createHmac } from 'node:crypto';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a JWT by hand, so tests can forge every kind of bad token. */
export function forgeToken(payload: Record<string, unknown>, options: { secret?: string; alg?: string } = {}): string {
  const alg = options.alg ?? 'HS256';
  const head = `${encode({ alg, typ: 'JWT' })}.${encode(payload)}`;
  if (alg === 'none') return `${head}.`;
  const signature = createHmac('sha256', options.secret ?? 'not-the-secret')
    .update(head)
    .digest('base64url');
  return `${head}.${signature}`;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
/** The key the test app matches subjects under (published here, so production refuses it). */
export const TEST_SUBJECT_MATCH_KEY = 'test-subject-match-key-0123456789abcdef';
export const ISSUER = 'day-of-action-planner';
export const AUDIENCE = 'day-of-action-planner-api';
