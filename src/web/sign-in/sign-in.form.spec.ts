import { DomainError } from '../../common/errors/domain-error';
import { safeNext, signInForm, signInRefusal } from './sign-in.form';

describe('the sign-in form', () => {
  it('goes on only to a path of this site, never elsewhere nor back to signing in', () => {
    expect(safeNext('/plans/OP-2027-0001?x=1')).toBe('/plans/OP-2027-0001?x=1');
    expect(['https://evil.example', '//evil.example', '/\\evil.example', '/sign-in', '/a b', undefined, ['/plans']].map(safeNext)).toEqual(
      Array(7).fill('/'),
    );
  });

  it('reads the email address as accounts hold it, and says what is missing or too long', () => {
    expect(signInForm({ email: '  Ann@Example.ORG ', password: 'pw' })).toEqual({ email: 'ann@example.org', password: 'pw', errors: [] });
    expect(signInForm({}).errors.map((error) => error.text)).toEqual(['Enter your email address', 'Enter your password']);
    const long = signInForm({ email: `${'a'.repeat(250)}@x.org`, password: 'p'.repeat(257) });
    expect(long.errors.map((error) => error.field)).toEqual(['email', 'password']);
  });

  it('shows a refused sign-in with its status, one message for a wrong address or password', () => {
    expect(signInRefusal(new DomainError('UNAUTHENTICATED', 'No such user'))).toEqual({
      error: { field: 'email', text: 'Enter a correct email address and password' },
      status: 401,
    });
    expect(signInRefusal(new DomainError('RATE_LIMITED', 'Try again in 5 minutes'))).toEqual({
      error: { field: 'email', text: 'Try again in 5 minutes' },
      status: 429,
    });
    const expired = new DomainError('FORBIDDEN', 'Your one-time password has expired', { issuedPasswordExpired: true });
    expect(signInRefusal(expired)).toEqual({ error: { field: 'password', text: 'Your one-time password has expired' }, status: 403 });
  });

  it('leaves any other failure to the error page', () => {
    expect(signInRefusal(new Error('database down'))).toBeUndefined();
    expect(signInRefusal(new DomainError('FORBIDDEN', 'No'))).toBeUndefined();
  });
});
