import { EVIDENCE_TYPES } from './domain';
import { capabilityWarning, SUGGESTED_CAPABILITY } from './evidence-fit';

describe('capabilityWarning', () => {
  it('suggests a capability for the evidence types the issue names', () => {
    expect(SUGGESTED_CAPABILITY.DIGITAL_DEVICES).toBe('DIGITAL_FORENSICS');
    expect(SUGGESTED_CAPABILITY.FINANCIAL_RECORDS).toBe('FINANCIAL_INVESTIGATION');
    expect(SUGGESTED_CAPABILITY.VICTIM_ACCOUNT).toBe('SAFEGUARDING');
  });

  it('warns when the team lacks the suggested capability', () => {
    expect(capabilityWarning('DIGITAL_DEVICES', { name: 'Entry Team', capabilities: ['ENTRY'] })).toBe(
      'Digital devices evidence is usually gathered by a team with digital forensics; Entry Team has none',
    );
  });

  it('is silent when the team fits, or when any team can gather the evidence', () => {
    expect(capabilityWarning('DIGITAL_DEVICES', { name: 'Forensics', capabilities: ['DIGITAL_FORENSICS'] })).toBeNull();
    expect(capabilityWarning('WITNESS_STATEMENT', { name: 'Anyone', capabilities: [] })).toBeNull();
  });

  it('has an entry for every evidence type', () => {
    expect(Object.keys(SUGGESTED_CAPABILITY).sort()).toEqual([...EVIDENCE_TYPES].sort());
  });
});
