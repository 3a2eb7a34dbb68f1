import { deviceCookie, readCookie, sessionCookie, signInCookie } from './cookies';

describe('the session cookie', () => {
  it('is Secure in production, and HttpOnly, SameSite=Lax and for the whole site always', () => {
    expect(sessionCookie('abc', true)).toBe('doap_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie('abc', false)).toBe('doap_session=abc; Path=/; HttpOnly; SameSite=Lax');
    expect(sessionCookie(undefined, true)).toBe('doap_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure');
  });

  it('has the sign-in form’s token only for the sign-in page, never sent from another site', () => {
    expect(signInCookie('t', true)).toBe('doap_sign_in=t; Path=/sign-in; HttpOnly; SameSite=Strict; Secure');
    expect(signInCookie(undefined, false)).toBe('doap_sign_in=; Max-Age=0; Path=/sign-in; HttpOnly; SameSite=Strict');
  });

  it('has the device cookie kept 180 days, only for the sign-in page, never sent from another site', () => {
    expect(deviceCookie('a.b', true)).toBe('doap_device=a.b; Max-Age=15552000; Path=/sign-in; HttpOnly; SameSite=Strict; Secure');
    expect(deviceCookie('a', false)).toBe('doap_device=a; Max-Age=15552000; Path=/sign-in; HttpOnly; SameSite=Strict');
  });

  it('is read from a Cookie header among others, and only by its exact name', () => {
    expect(readCookie('a=1; doap_session=xyz; b=2', 'doap_session')).toBe('xyz');
    expect(readCookie('xdoap_session=nope', 'doap_session')).toBeUndefined();
    expect(readCookie(undefined, 'doap_session')).toBeUndefined();
  });
});
