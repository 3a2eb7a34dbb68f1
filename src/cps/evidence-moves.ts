import type { EvidenceStatus } from '../common/domain';

/**
 * The states an evidence requirement may be in for each move on it: the evidence service refuses a
 * move from any other, and the evidence page offers a move only where the service would take it.
 */
export const EVIDENCE_MOVES = {
  change: ['OPEN', 'ASSIGNED'],
  assign: ['OPEN', 'ASSIGNED'],
  gather: ['ASSIGNED', 'REJECTED'],
  decide: ['GATHERED'],
} as const satisfies Record<string, readonly EvidenceStatus[]>;

export type EvidenceMove = keyof typeof EVIDENCE_MOVES;

/** Whether a requirement in `status` may take `move`. */
export function mayMoveEvidence(status: EvidenceStatus, move: EvidenceMove): boolean {
  return (EVIDENCE_MOVES[move] as readonly EvidenceStatus[]).includes(status);
}
