import { SUBJECT_KINDS } from '../common/domain';
import { label } from '../common/labels';

/**
 * What two plans can share for a deconfliction hit (R13): a place (a postcode, in windows that
 * overlap), or a subject of interest of each kind. In this order everywhere a hit lists them.
 */
export const HIT_KINDS = ['PLACE', ...SUBJECT_KINDS] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** "a place in the same window", "a phone number": what a hit says was shared, never the value. */
export function hitKindWords(kind: HitKind): string {
  return kind === 'PLACE' ? 'a place in the same window' : label('subjectKind', kind).toLowerCase();
}

/** The kinds a hit lists, in words, in the order of HIT_KINDS. */
export function matchedWords(kinds: readonly string[]): string[] {
  return HIT_KINDS.filter((kind) => kinds.includes(kind)).map(hitKindWords);
}

/** "a place in the same window and a phone number". */
export function sharedInWords(kinds: readonly string[]): string {
  const words = matchedWords(kinds);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
}
