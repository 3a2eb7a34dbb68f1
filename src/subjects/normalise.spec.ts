import { nameKey, normaliseSubject, phoneKey, registrationKey } from './normalise';

describe('normalising subjects for blind matching', () => {
  it.each([
    ['Jan Kowalski', 'KOWALSKI, Jan'],
    ['Jan  Kowalski', 'kowalski jan'],
    ['Łukasz Wójcik', 'lukasz wojcik'],
    ['Zoë Brontë-Smith', 'SMITH Bronte Zoe'],
    ['Søren Ødegård', 'soren odegard'],
  ])('reads %s and %s as one name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Jan Kowalski')).not.toBe(nameKey('Jan Kowalska'));
    expect(nameKey('Ann Lee')).not.toBe(nameKey('Annlee'));
  });

  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['(020) 7946 0018', '+442079460018'],
    ['+1 202-555-0143', '+12025550143'],
  ])('reads the phone %s as %s', (phone, e164) => {
    expect(phoneKey(phone)).toBe(e164);
  });

  it('refuses what cannot be a phone number', () => {
    expect(phoneKey('12')).toBeUndefined();
    expect(phoneKey('call me')).toBeUndefined();
  });

  it('reads registrations without spaces or hyphens, in upper case', () => {
    expect(registrationKey('ab12 cde')).toBe('AB12CDE');
    expect(registrationKey('AB12-CDE')).toBe('AB12CDE');
  });

  it('matches a person by each of their names with their date of birth, and nothing else', () => {
    const person = normaliseSubject({
      kind: 'PERSON',
      fullName: 'Jan Kowalski',
      dateOfBirth: '1980-02-01',
      aliases: ['Janek K', 'KOWALSKI Jan'],
    });
    expect(person).toEqual({
      details: { fullName: 'Jan Kowalski', dateOfBirth: '1980-02-01', aliases: ['Janek K', 'KOWALSKI Jan'] },
      matchTexts: ['PERSON|jan kowalski|1980-02-01', 'PERSON|janek k|1980-02-01'],
    });
    expect(normaliseSubject({ kind: 'EMAIL', email: ' Boss@Example.COM ' })).toEqual({
      details: { email: 'boss@example.com' },
      matchTexts: ['EMAIL|boss@example.com'],
    });
    expect(normaliseSubject({ kind: 'PERSON', fullName: 'Jan', dateOfBirth: '1980-02-01', aliases: ['--'] })).toEqual([
      { field: 'aliases.0', problems: ['Enter a name with letters in it'] },
    ]);
  });
});
