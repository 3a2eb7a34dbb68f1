import { randomBytes } from 'node:crypto';
import { PUBLISHED_SECRETS, secretProblems } from './secrets';

describe('production secrets', () => {
  it('accepts 32 random bytes as hex or base64', () => {
    for (let i = 0; i < 50; i++) {
      expect(secretProblems('JWT_SECRET', randomBytes(32).toString('hex'))).toEqual([]);
      expect(secretProblems('JWT_SECRET', randomBytes(32).toString('base64'))).toEqual([]);
      expect(secretProblems('JWT_SECRET', randomBytes(32).toString('base64url'))).toEqual([]);
    }
  });

  it.each([
    ['too short', randomBytes(16).toString('hex'), 'at least 32 bytes of randomness'],
    ['a repeated character', 'a'.repeat(64), 'not random enough'],
    ['a repeated pattern', '0123456789abcdef'.repeat(4), 'not random enough'],
    ['few characters', 'ab'.repeat(20) + 'ba'.repeat(20), 'not random enough'],
  ])('refuses %s', (_name, secret, problem) => {
    expect(secretProblems('JWT_SECRET', secret)).toEqual([expect.stringContaining(problem)]);
  });

  it('refuses every secret published in the repository, however long', () => {
    for (const secret of PUBLISHED_SECRETS)
      expect(secretProblems('JWT_SECRET', secret)).toEqual([expect.stringContaining('published in the repository')]);
  });
});
