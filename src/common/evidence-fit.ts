import { label } from './labels';
import type { Capability, EvidenceType, Offence } from './domain';

/** The capability a team usually needs to gather each type of evidence; null where any team can. */
export const SUGGESTED_CAPABILITY: Record<EvidenceType, Capability | null> = {
  VICTIM_ACCOUNT: 'SAFEGUARDING',
  WITNESS_STATEMENT: null,
  FINANCIAL_RECORDS: 'FINANCIAL_INVESTIGATION',
  DIGITAL_DEVICES: 'DIGITAL_FORENSICS',
  COMMUNICATIONS_DATA: 'DIGITAL_FORENSICS',
  CCTV: 'SEARCH',
  DOCUMENTS: 'SEARCH',
  SCENE_PHOTOGRAPHY: 'SEARCH',
  MEDICAL: 'SAFEGUARDING',
  INTELLIGENCE: 'INTELLIGENCE',
};

export const OFFENCE_LABELS: Record<Offence, string> = {
  MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR: 'Modern Slavery Act 2015 s.1: slavery, servitude and forced or compulsory labour',
  MSA_S2_HUMAN_TRAFFICKING: 'Modern Slavery Act 2015 s.2: human trafficking',
  MSA_S4_OFFENCE_WITH_INTENT: 'Modern Slavery Act 2015 s.4: committing an offence with intent to commit a s.2 offence',
  OTHER: 'Other offences',
};

/** A warning when the team lacks the capability the evidence type suggests; null when it fits. */
export function capabilityWarning(evidenceType: EvidenceType, team: { name: string; capabilities: readonly string[] }): string | null {
  const needed = SUGGESTED_CAPABILITY[evidenceType];
  if (!needed || team.capabilities.includes(needed)) return null;
  return `${label('evidenceType', evidenceType)} evidence is usually gathered by a team with ${label('capability', needed).toLowerCase()}; ${team.name} has none`;
}
