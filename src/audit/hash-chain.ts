import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so that jsonb's reordering does not change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The fields of an audit event that its hash covers. */
export interface ChainedEvent {
  operationId: string;
  seq: number;
  action: string;
  actorId: string;
  actorAgencyId: string;
  at: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
}

export function eventHash(event: ChainedEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  id: string;
  hash: string;
}

export interface BrokenLink {
  eventId: string;
  operationId: string;
  seq: number;
  problem: string;
}

/** Checks one operation's events, in seq order; returns the first link that does not hold. */
export function firstBrokenLink(events: StoredEvent[]): BrokenLink | undefined {
  let previous: StoredEvent | undefined;
  for (const event of events) {
    const at = { eventId: event.id, operationId: event.operationId, seq: event.seq };
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (event.seq !== expectedSeq) return { ...at, problem: `expected event #${expectedSeq}, found #${event.seq}: events are missing` };
    if (event.prevHash !== (previous?.hash ?? null)) return { ...at, problem: 'does not point at the hash of the event before it' };
    const { id: _id, hash, ...content } = event;
    if (eventHash(content) !== hash) return { ...at, problem: 'its content does not match its hash: it was changed after it was written' };
    previous = event;
  }
  return undefined;
}
