import { label } from './labels';
import type { Capability, EvidenceType } from './domain';

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

/** A warning when the team lacks the capability the evidence type suggests; null when it fits. */
export function capabilityWarning(evidenceType: EvidenceType, team: { name: string; capabilities: readonly string[] }): string | null {
  const needed = SUGGESTED_CAPABILITY[evidenceType];
  if (!needed || team.capabilities.includes(needed)) return null;
  return `${label('evidenceType', evidenceType)} evidence is usually gathered by a team with ${label('capability', needed).toLowerCase()}; ${team.name} has none`;
}
