import { signInThrottle } from './sign-in-throttle';

const limits = { perAccount: 5, perAddress: 30 };
const window = 15 * 60 * 1000;

describe('what a sign-in counts', () => {
  it('counts an untrusted attempt against the account and the client address; a success clears the account and gives back the address', () => {
    expect(signInThrottle('jo@police.uk', '198.51.100.7', undefined, limits)).toEqual({
      failures: [
        { key: 'login-failures:account:jo@police.uk', max: 5, windowMs: window },
        { key: 'login-failures:address:198.51.100.7', max: 30, windowMs: window },
      ],
      clear: ['login-failures:account:jo@police.uk'],
      giveBack: ['login-failures:address:198.51.100.7'],
    });
  });

  it('counts an attempt from a browser trusted for the account against that browser alone, at the per-account number', () => {
    expect(signInThrottle('jo@police.uk', '198.51.100.7', 'd-1', limits)).toEqual({
      failures: [{ key: 'login-failures:device:d-1', max: 5, windowMs: window }],
      clear: ['login-failures:device:d-1'],
      giveBack: [],
    });
  });
});
