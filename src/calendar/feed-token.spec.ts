import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are 256 random bits in 43 base64url characters, each new', () => {
    const token = newFeedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newFeedToken()).not.toBe(token);
    expect(isFeedToken(token)).toBe(true);
  });

  it('are stored as a 32-byte SHA-256, the same for the same token', () => {
    const token = newFeedToken();
    expect(feedTokenHash(token)).toHaveLength(32);
    expect(feedTokenHash(token).equals(feedTokenHash(token))).toBe(true);
    expect(feedTokenHash(token).equals(feedTokenHash(newFeedToken()))).toBe(false);
  });

  it.each(['', 'short', '../../x', `${'a'.repeat(42)}.`, 'a'.repeat(44), `${'a'.repeat(42)}=`, 42])('refuses %p', (text) => {
    expect(isFeedToken(text)).toBe(false);
  });
});
