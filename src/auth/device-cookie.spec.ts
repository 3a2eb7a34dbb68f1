import { createHash } from 'node:crypto';
import { deviceCookieValue, deviceTokenHash, deviceTokens, DEVICES_PER_BROWSER, newDeviceToken } from './device-cookie';

describe('the device cookie’s value', () => {
  const token = (n: number) => `${'a'.repeat(41)}${String(n).padStart(2, '0')}`;

  it('holds random 256-bit tokens, and Postgres only their SHA-256', () => {
    const one = newDeviceToken();
    expect(one).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newDeviceToken()).not.toBe(one);
    expect(deviceTokenHash(one)).toEqual(createHash('sha256').update(one).digest());
  });

  it('reads only well-formed tokens, each once, and no more than a browser keeps', () => {
    expect(deviceTokens(undefined)).toEqual([]);
    expect(deviceTokens(`${token(1)}.not-a-token.${token(1)}.${token(2)}x.${token(3)}`)).toEqual([token(1), token(3)]);
    const many = Array.from({ length: DEVICES_PER_BROWSER + 3 }, (_, n) => token(n)).join('.');
    expect(deviceTokens(many)).toHaveLength(DEVICES_PER_BROWSER);
  });

  it('puts the newest token first and drops the oldest past the limit', () => {
    const others = Array.from({ length: DEVICES_PER_BROWSER }, (_, n) => token(n));
    const value = deviceCookieValue(token(99), others);
    expect(value.split('.')).toEqual([token(99), ...others.slice(0, DEVICES_PER_BROWSER - 1)]);
  });
});
