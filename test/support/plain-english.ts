import {
  AGENCY_KINDS,
  CAPABILITIES,
  CPS_INVOLVEMENT_STATUSES,
  DEPLOYMENT_STATUSES,
  ENTRY_BASES,
  EVIDENCE_PRIORITIES,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EXPLOITATION_TYPES,
  HAZARDS,
  OFFENCES,
  OPERATION_STATUSES,
  PLAN_SECTIONS,
  POLICY_ROLES,
  POWERS,
  RISK_RATINGS,
  ROLES,
  SCOPES,
  SIGN_OFF_DECISIONS,
  SUBJECT_KINDS,
} from '../../src/common/domain';

/**
 * Plain English (issue 24, item 6): no message a person reads names a rule id, an enum code or a
 * field name. Codes stay in an error's `code` and `details`, where programs read them.
 */
export type CodeSpeakKind = 'rule id' | 'enum code' | 'code word' | 'field name';

export interface CodeSpeak {
  kind: CodeSpeakKind;
  match: string;
}

/** Words written in capitals as people write them, though the vocabulary also uses them as codes: agencies' initials, CCTV. */
const ACRONYMS = new Set(['NCA', 'GLAA', 'HMRC', 'DWP', 'CPS', 'CCTV']);

/**
 * The one-word codes of the vocabulary (the statuses above all: DRAFT, ACTIVE, STOOD_DOWN's kin):
 * written bare in capitals, they are a code, not a word. The codes with an underscore are found
 * by their shape.
 */
export const CODE_WORDS: ReadonlySet<string> = new Set(
  [
    OPERATION_STATUSES,
    DEPLOYMENT_STATUSES,
    CPS_INVOLVEMENT_STATUSES,
    EVIDENCE_STATUSES,
    SIGN_OFF_DECISIONS,
    ['APPROVE'],
    ROLES,
    POLICY_ROLES,
    AGENCY_KINDS,
    EXPLOITATION_TYPES,
    SCOPES,
    OFFENCES,
    EVIDENCE_TYPES,
    EVIDENCE_PRIORITIES,
    CAPABILITIES,
    POWERS,
    ENTRY_BASES,
    HAZARDS,
    RISK_RATINGS,
    SUBJECT_KINDS,
    PLAN_SECTIONS,
  ]
    .flat()
    .filter((code) => /^[A-Z]+$/.test(code) && !ACRONYMS.has(code)),
);

const PATTERNS: { kind: CodeSpeakKind; pattern: RegExp }[] = [
  { kind: 'rule id', pattern: /\bR\d+[a-d]?\b/g },
  { kind: 'enum code', pattern: /\b[A-Z]{2,}_[A-Z_]+[A-Z0-9_]*/g },
  { kind: 'code word', pattern: new RegExp(`\\b(${[...CODE_WORDS].join('|')})\\b`, 'g') },
  { kind: 'field name', pattern: /\b[a-z]+[A-Z][A-Za-z]*\b/g },
];

/** What in `text` speaks code rather than English: each rule id, enum code, code word and camelCase field name. */
export function codeSpeak(text: string): CodeSpeak[] {
  return PATTERNS.flatMap(({ kind, pattern }) => [...text.matchAll(pattern)].map((found) => ({ kind, match: found[0] })));
}

/**
 * Messages still produced by files another change owns, each exactly as it is sent, until that
 * change rewrites it. Temporary: the list is to be emptied, never added to for new code.
 */
export const KNOWN_UNFIXED: ReadonlySet<string> = new Set<string>([]);
