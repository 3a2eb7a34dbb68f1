import { validationError } from '../common/validation';
import type { LogEntryView } from './dto/day-log.dto';

/** An entry's id as the database numbers them (bigserial): the order recorded, and the event id of the stream. */
const ENTRY_ID = /^\d{1,18}$/;

/**
 * Where a stream of the log resumes: after the entry the browser last received (its `Last-Event-ID` header, sent
 * again on every reconnection), or after `?after=` for a client that cannot set headers; from the start with neither.
 */
export function resumePoint(lastEventId: string | undefined, after: unknown): string | undefined {
  const [field, given] = lastEventId ? ['Last-Event-ID', lastEventId] : ['after', after];
  if (given === undefined || given === '') return undefined;
  if (typeof given === 'string' && ENTRY_ID.test(given)) return given;
  throw validationError([{ field, problems: ['Resume from the number of the last entry received, a whole number such as 12'] }]);
}

/** One entry as a server-sent event: its id (for Last-Event-ID), the event name, and the entry as one line of JSON. */
export function entryEvent(entry: LogEntryView): string {
  return `id: ${entry.id}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`;
}

/** A comment line: ignored by EventSource, it keeps proxies and load balancers from closing a quiet stream. */
export const HEARTBEAT = ': still here\n\n';

/** Sent first: how long a browser waits before reconnecting when the stream drops. */
export const RETRY = 'retry: 5000\n\n';
