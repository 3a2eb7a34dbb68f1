import { AGENCY_KINDS } from '../common/domain';
import type { RuleData } from './policy';

const UK_SCOPES = ['LOCAL', 'REGIONAL', 'NATIONAL'] as const;

/** The default rules as DESIGN R1/R2 state them; the migration must install exactly these. */
export const DEFAULT_POLICY_RULES: RuleData[] = AGENCY_KINDS.flatMap((kind): RuleData[] => [
  {
    agencyKind: kind,
    role: 'LEAD',
    permitted: ['POLICE', 'NCA', 'GLAA'].includes(kind),
    allowedScopes: kind === 'POLICE' || kind === 'GLAA' ? [...UK_SCOPES] : null,
    exploitationTypesWithin: kind === 'GLAA' ? ['LABOUR'] : null,
    exploitationTypesAnyOf: null,
  },
  {
    agencyKind: kind,
    role: 'SUPPORT',
    permitted: kind !== 'CPS',
    allowedScopes: null,
    exploitationTypesWithin: null,
    exploitationTypesAnyOf: kind === 'GLAA' ? ['LABOUR'] : null,
  },
]);
