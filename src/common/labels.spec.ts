import { agencyNamed, anyOfRoles, counted, fieldLabel, inSentence } from './labels';

describe('words for people', () => {
  it('counts with the noun singular or plural as English has it', () => {
    expect(counted(1, 'location')).toBe('1 location');
    expect(counted(0, 'team')).toBe('0 teams');
    expect(counted(2, 'officer')).toBe('2 officers');
    expect(counted(1, 'premises visited', 'premises visited')).toBe('1 premises visited');
    expect(counted(12000, 'arrest')).toBe('12,000 arrests');
  });

  it('names an agency with its code only where the code says something the name does not', () => {
    expect(agencyNamed({ name: 'Border Force', code: 'BF' })).toBe('Border Force (BF)');
    expect(agencyNamed({ name: 'NCA', code: 'NCA' })).toBe('NCA');
    expect(agencyNamed({ name: 'Glaa', code: 'GLAA' })).toBe('Glaa');
  });

  it('puts a label inside a sentence, keeping the capitals of an abbreviation', () => {
    expect(inSentence('Radio channel or talkgroup')).toBe('radio channel or talkgroup');
    expect(inSentence('RV points')).toBe('RV points');
    expect(inSentence('NRM first responders')).toBe('NRM first responders');
  });

  it('names a request’s field by its label, or by its own words', () => {
    expect(fieldLabel('endsAt')).toBe('the end');
    expect(fieldLabel('locations.0.strikeAt')).toBe('the strike time');
    expect(fieldLabel('communications.radioChannel')).toBe('the radio channel');
    expect(fieldLabel('outcomes.valueOf')).toBe('the value of');
    expect(fieldLabel('constructor')).toBe('the constructor');
  });

  it('names the roles that may do something', () => {
    expect(anyOfRoles(['COORDINATOR'])).toBe('a coordinator');
    expect(anyOfRoles(['MANAGER', 'COORDINATOR'])).toBe('a manager or a coordinator');
    expect(anyOfRoles(['ADMIN', 'CPS_LIAISON', 'MANAGER'])).toBe('an admin, a CPS liaison or a manager');
  });
});
