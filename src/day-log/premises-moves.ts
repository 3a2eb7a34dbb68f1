import { PREMISES_STATUSES, PremisesStatus } from '../common/domain';

/**
 * Whether moving a premises from `from` (null: nothing recorded yet, so Not started) to `to` is in order:
 * the next step on (Not started → Team at RV → Entry made → Search under way → Premises clear), or standing
 * it down from any step before it is clear. Anything else (a step skipped, a step back, a move after it is clear
 * or stood down) is out of order, and needs a note saying why.
 */
export function inOrder(from: PremisesStatus | null, to: PremisesStatus): boolean {
  const now = from ?? 'NOT_STARTED';
  if (now === 'CLEAR' || now === 'STOOD_DOWN') return false;
  if (to === 'STOOD_DOWN') return true;
  return PREMISES_STATUSES.indexOf(to) === PREMISES_STATUSES.indexOf(now) + 1;
}
