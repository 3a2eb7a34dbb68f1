import { ukDay } from '../common/uk-time';
import { sharedInWords } from '../operations/hit-kinds';
import { ConflictView } from '../workflow/dto/workflow.dto';

/** A hit as pages show it: what the plans shared when it was raised, and when both were to be on the ground, in words. */
export interface HitOnPage extends ConflictView {
  /** "A place in the same window and a phone number". */
  sharedText: string;
  /** "1 May 2028", "1 May 2028 to 3 May 2028"; empty when no place was shared. */
  overlapText: string;
  /** Where the hit stands, as its tag says it. */
  state: 'Acknowledged' | 'To acknowledge' | 'Covered by a later hit' | 'Their plan was cancelled';
}

function overlapWords(hit: ConflictView): string {
  if (!hit.kinds.includes('PLACE')) return '';
  if (!hit.overlap) return 'Not recorded when the hit was raised';
  return hit.overlap.from === hit.overlap.to ? ukDay(hit.overlap.from) : `${ukDay(hit.overlap.from)} to ${ukDay(hit.overlap.to)}`;
}

/** A hit that does not stand is covered by a later one with the same plan, or the other plan was cancelled. */
function stateOf(hit: ConflictView, hits: ConflictView[]): HitOnPage['state'] {
  if (hit.acknowledgement) return 'Acknowledged';
  if (hit.stands) return 'To acknowledge';
  return hits.some((other) => other.reference === hit.reference && other.raisedAt > hit.raisedAt)
    ? 'Covered by a later hit'
    : 'Their plan was cancelled';
}

/** The hits of a plan, newest first, as pages show them. */
export function hitsOnPage(hits: ConflictView[]): HitOnPage[] {
  return hits.map((hit) => {
    const shared = sharedInWords(hit.kinds);
    return {
      ...hit,
      sharedText: shared.charAt(0).toUpperCase() + shared.slice(1),
      overlapText: overlapWords(hit),
      state: stateOf(hit, hits),
    };
  });
}
