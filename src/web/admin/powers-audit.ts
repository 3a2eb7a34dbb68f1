import type { ReferenceEventView } from '../../audit/dto/audit.dto';
import { label } from '../../common/labels';
import type { HistoryEntry } from '../history-view';

const named = (powers: unknown): string =>
  Array.isArray(powers) && powers.length ? powers.map((power) => label('power', String(power))).join(', ') : 'none';

/** A change of the powers a kind of agency holds, as people read it: the kind and the powers by name, and the reason. */
export function readableReferenceEntry(
  entry: HistoryEntry,
  event: Pick<ReferenceEventView, 'entity' | 'entityId' | 'before' | 'after'>,
): HistoryEntry {
  if (event.entity !== 'powers') return entry;
  const reason = typeof event.after?.reason === 'string' ? [{ field: 'reason', before: '', after: event.after.reason }] : [];
  return {
    ...entry,
    what: `Changed the powers of ${label('agencyKind', event.entityId)}`,
    changes: [{ field: 'powers', before: named(event.before?.powers), after: named(event.after?.powers) }, ...reason],
  };
}
