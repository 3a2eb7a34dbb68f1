import type { AgeGroup, CountKind, DecisionRole, PremisesStatus, SeizureKind } from '../common/domain';
import type { LogEntryRow } from './day-log.repository';

/** An entry as the summary reads it: what its reader may see of it. */
export type SummaryEntry = Pick<
  LogEntryRow,
  'id' | 'kind' | 'section' | 'location' | 'status' | 'happenedAt' | 'correctsId' | 'details'
> & {
  author: { name: string };
};

/** What the day counted, each correction in place of the count it corrects. */
export interface DayTotals {
  arrests: number;
  potentialVictims: Record<AgeGroup, number>;
  safeguarded: number;
  nrmReferrals: number;
  dutyToNotify: number;
  seizures: Record<SeizureKind, number>;
}

export interface PremisesTimeline {
  location: { id: string; label: string };
  /** Each status the premises was moved to, in the order it happened. */
  statuses: { status: PremisesStatus; happenedAt: string }[];
}

export interface LoggedDecision {
  id: string;
  happenedAt: string;
  decidedBy: DecisionRole;
  decision: string;
  rationale: string;
  considered: string;
  intelligence: boolean;
  recordedBy: string;
  /** The decision this one corrects, when it does: the log keeps both. */
  correctsId: string | null;
}

export interface DaySummary {
  /** Whether anything was logged at all: with nothing logged, the totals say nothing about the day. */
  logged: boolean;
  totals: DayTotals;
  /** The premises entered, of all the log names (not only `locations`): those whose status reached Entry made or later. */
  premisesVisited: number;
  premises: PremisesTimeline[];
  decisions: LoggedDecision[];
}

/** The statuses that say officers went in. */
const ENTERED: readonly PremisesStatus[] = ['ENTRY_MADE', 'SEARCH_UNDER_WAY', 'CLEAR'];

const byTime = (a: SummaryEntry, b: SummaryEntry) => a.happenedAt.localeCompare(b.happenedAt) || Number(a.id) - Number(b.id);

/** Adds one count entry to the totals. */
function add(totals: DayTotals, details: Record<string, unknown>): void {
  const number = Number(details.number) || 0;
  const simple: Partial<Record<CountKind, 'arrests' | 'safeguarded' | 'nrmReferrals' | 'dutyToNotify'>> = {
    ARREST: 'arrests',
    SAFEGUARDED: 'safeguarded',
    NRM_REFERRAL: 'nrmReferrals',
    DUTY_TO_NOTIFY: 'dutyToNotify',
  };
  const count = details.count as CountKind;
  const field = simple[count];
  if (field) totals[field] += number;
  else if (count === 'POTENTIAL_VICTIM' && details.ageGroup) totals.potentialVictims[details.ageGroup as AgeGroup] += number;
  else if (count === 'SEIZURE' && details.seized) totals.seizures[details.seized as SeizureKind] += number;
}

/** What stands of the log: the entries no later entry corrects (a correction stands in place of what it corrects). */
export function standing<T extends Pick<SummaryEntry, 'id' | 'correctsId'>>(entries: T[]): T[] {
  const corrected = new Set(entries.filter((e) => e.correctsId).map((e) => e.correctsId));
  return entries.filter((e) => !corrected.has(e.id));
}

/** The totals of the counts among `entries`, each correction in place of the count it corrects. */
export function countTotals(entries: SummaryEntry[]): DayTotals {
  const totals: DayTotals = {
    arrests: 0,
    potentialVictims: { ADULT: 0, CHILD: 0 },
    safeguarded: 0,
    nrmReferrals: 0,
    dutyToNotify: 0,
    seizures: { CASH: 0, DEVICES: 0, DOCUMENTS: 0 },
  };
  for (const entry of standing(entries)) if (entry.kind === 'COUNT') add(totals, entry.details);
  return totals;
}

/** Each kind of count's total: potential victims of every age group together, seizures of every kind together. */
export function totalsByKind(totals: DayTotals): Record<CountKind, number> {
  const sum = (numbers: Record<string, number>) => Object.values(numbers).reduce((a, b) => a + b, 0);
  return {
    ARREST: totals.arrests,
    POTENTIAL_VICTIM: sum(totals.potentialVictims),
    SAFEGUARDED: totals.safeguarded,
    NRM_REFERRAL: totals.nrmReferrals,
    DUTY_TO_NOTIFY: totals.dutyToNotify,
    SEIZURE: sum(totals.seizures),
  };
}

/**
 * The day as its log tells it, as far as its reader sees the log: the totals of each count (a count or status corrected
 * by a later entry is replaced by it, never counted twice), each of `locations`' status timeline, the premises entered,
 * and the decision log in the order the decisions were taken (a corrected decision stays, beside its correction).
 */
export function daySummary(entries: SummaryEntry[], locations: { id: string; label: string }[]): DaySummary {
  // A status set right by a later entry is not what happened: the correction stands in its place.
  const statuses = standing(entries)
    .filter((e) => e.kind === 'STATUS' && e.status && e.location)
    .sort(byTime);
  const premises = locations.map((location) => ({
    location,
    statuses: statuses
      .filter((e) => e.location!.id === location.id)
      .map((e) => ({ status: e.status as PremisesStatus, happenedAt: e.happenedAt })),
  }));
  return {
    logged: entries.length > 0,
    totals: countTotals(entries),
    premisesVisited: new Set(statuses.filter((e) => ENTERED.includes(e.status!)).map((e) => e.location!.id)).size,
    premises,
    decisions: entries
      .filter((e) => e.kind === 'DECISION')
      .sort(byTime)
      .map((e) => ({
        id: e.id,
        happenedAt: e.happenedAt,
        decidedBy: e.details.decidedBy as DecisionRole,
        decision: String(e.details.decision ?? ''),
        rationale: String(e.details.rationale ?? ''),
        considered: String(e.details.considered ?? ''),
        intelligence: e.section === 'INTELLIGENCE',
        recordedBy: e.author.name,
        correctsId: e.correctsId,
      })),
  };
}

/** The outcomes a completion records, as the log counted them. */
export function loggedOutcomes(summary: DaySummary): {
  arrests: number;
  potentialVictimsSafeguarded: number;
  nrmReferrals: number;
  premisesVisited: number;
} {
  return {
    arrests: summary.totals.arrests,
    potentialVictimsSafeguarded: summary.totals.safeguarded,
    nrmReferrals: summary.totals.nrmReferrals,
    premisesVisited: summary.premisesVisited,
  };
}
