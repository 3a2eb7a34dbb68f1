import type { CpsInvolvementStatus } from '../common/domain';

/**
 * Where early CPS involvement must stand for each move on it (none yet: `null`): the CPS service
 * refuses a move from anywhere else, and the CPS page offers a move only where the service takes it.
 * A new request waits for no open or engaged one; only a request that waits is answered or withdrawn.
 */
const INVOLVEMENT_MOVES = {
  request: [null, 'WITHDRAWN', 'DECLINED'],
  answer: ['REQUESTED'],
  withdraw: ['REQUESTED'],
} as const satisfies Record<string, readonly (CpsInvolvementStatus | null)[]>;

type InvolvementMove = keyof typeof INVOLVEMENT_MOVES;

/** Whether involvement standing at `status` (undefined or null: none yet) may take `move`. */
export function mayMoveInvolvement(status: CpsInvolvementStatus | null | undefined, move: InvolvementMove): boolean {
  return (INVOLVEMENT_MOVES[move] as readonly (CpsInvolvementStatus | null)[]).includes(status ?? null);
}
