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

/** The fields of an operation's audit event that its hash covers. */
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

/** The fields of a reference-data audit event (agencies, teams, users, the policy) that its hash covers. */
export interface ReferenceChainedEvent {
  seq: number;
  entity: string;
  entityId: string;
  action: string;
  actorId: string;
  actorAgencyId: string;
  at: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
}

/** The hash of an event: SHA-256 of its canonical JSON, which includes the hash of the event before it. */
export function eventHash(event: ChainedEvent | ReferenceChainedEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** An event as stored: its hashed content, its row id and its hash. */
export type Stored<E> = E & { id: string; hash: string };
export type StoredEvent = Stored<ChainedEvent>;

export interface BrokenLink {
  eventId: string;
  seq: number;
  problem: string;
}

/** Checks one chain's events, in seq order; returns the first link that does not hold. */
export function firstBrokenLink<E extends ChainedEvent | ReferenceChainedEvent>(events: Stored<E>[]): BrokenLink | undefined {
  let previous: Stored<E> | undefined;
  for (const event of events) {
    const at = { eventId: event.id, seq: event.seq };
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (event.seq !== expectedSeq) return { ...at, problem: `expected event #${expectedSeq}, found #${event.seq}: events are missing` };
    if (event.prevHash !== (previous?.hash ?? null)) return { ...at, problem: 'does not point at the hash of the event before it' };
    const { id: _id, hash, ...content } = event;
    if (eventHash(content as unknown as E) !== hash)
      return { ...at, problem: 'its content does not match its hash: it was changed after it was written' };
    previous = event;
  }
  return undefined;
}
