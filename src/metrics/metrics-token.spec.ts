import { carriesToken } from './metrics-token';

const TOKEN = 'a-metrics-token-of-at-least-32-characters';

describe('carriesToken', () => {
  it('accepts the token sent as a bearer token', () => {
    expect(carriesToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it('refuses no header, another scheme, another token, or a token only begun', () => {
    expect(carriesToken(undefined, TOKEN)).toBe(false);
    expect(carriesToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(carriesToken(TOKEN, TOKEN)).toBe(false);
    expect(carriesToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(carriesToken(`Bearer ${TOKEN.slice(0, 10)}`, TOKEN)).toBe(false);
    expect(carriesToken('Bearer ', TOKEN)).toBe(false);
  });
});
