import type { LogKind } from '../common/domain';

/**
 * Where a reader stands on a plan, for writing its day's log: whether they are a coordinator or a manager (`writes`),
 * whether their agency holds the plan (its command), has a confirmed team on it, and the places (location ids) its
 * confirmed teams are allocated to.
 */
export interface LogStanding {
  writes: boolean;
  holds: boolean;
  confirmed: boolean;
  places: string[];
}

/**
 * The one table of who records what besides the plan's command (which records every kind, at any place): an agency
 * with a confirmed team records the kind anywhere, only at the places its teams are allocated to (or with no place),
 * or not at all. The service refuses by it and the day's page offers only the forms it allows.
 */
const PARTNERS: Record<LogKind, 'ANYWHERE' | 'THEIR_PLACES' | 'NEVER'> = {
  STATUS: 'THEIR_PLACES',
  COUNT: 'THEIR_PLACES',
  MESSAGE: 'ANYWHERE',
  DECISION: 'NEVER',
};

/** Why the reader may not record an entry of `kind` at the place `locationId` (null: none), in words; null when they may. */
export function logRefusal(kind: LogKind, standing: LogStanding, locationId: string | null): string | null {
  if (!standing.writes) return 'The day’s log is written by the coordinators and managers of the agencies with teams on the plan';
  if (standing.holds) return null;
  if (!standing.confirmed) return 'Only the agencies with a confirmed team on the plan write its day’s log';
  const partner = PARTNERS[kind];
  if (partner === 'NEVER') return 'Decisions are recorded by the plan’s command, at the agency that owns it';
  if (partner === 'THEIR_PLACES' && locationId !== null && !standing.places.includes(locationId)) {
    return 'Only a team allocated to these premises, or the plan’s command, records what happens there';
  }
  return null;
}

export function mayRecord(kind: LogKind, standing: LogStanding, locationId: string | null): boolean {
  return logRefusal(kind, standing, locationId) === null;
}
