import { DomainError } from '../common/errors/domain-error';
import { assertIssuedPasswordCurrent, issuedPasswordExpired, issuedPasswordExpiresAt } from './issued-password';

const issuedAt = new Date('2027-03-01T09:00:00Z');
const hours = (count: number) => new Date(issuedAt.getTime() + count * 3600 * 1000);

describe('an admin-issued password', () => {
  it('expires 72 hours after it was issued', () => {
    expect(issuedPasswordExpiresAt(issuedAt).toISOString()).toBe('2027-03-04T09:00:00.000Z');
    const issued = { passwordChangeRequired: true, passwordIssuedAt: issuedAt };
    expect(issuedPasswordExpired(issued, hours(71.9))).toBe(false);
    expect(issuedPasswordExpired(issued, hours(72))).toBe(true);
  });

  it('never expires once its user has set their own, nor for a user who never had one', () => {
    expect(issuedPasswordExpired({ passwordChangeRequired: false, passwordIssuedAt: issuedAt }, hours(500))).toBe(false);
    expect(issuedPasswordExpired({ passwordChangeRequired: false, passwordIssuedAt: null }, hours(500))).toBe(false);
  });

  it('is refused once expired with a message saying to ask an admin for a new one', () => {
    const ago = (count: number) => new Date(Date.now() - count * 3600 * 1000);
    expect(() => assertIssuedPasswordCurrent({ passwordChangeRequired: true, passwordIssuedAt: ago(1) })).not.toThrow();
    let refusal: unknown;
    try {
      assertIssuedPasswordCurrent({ passwordChangeRequired: true, passwordIssuedAt: ago(73) });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', statusCode: 403, details: { issuedPasswordExpired: true } });
    expect((refusal as DomainError).message).toContain('Ask an admin for a new one');
  });
});
