import {
  AGE_GROUPS,
  COUNT_KINDS,
  DECISION_ROLES,
  LogKind,
  OFFENCES,
  PREMISES_STATUSES,
  PremisesStatus,
  SEIZURE_KINDS,
} from '../../common/domain';
import { counted, label, LabelSet } from '../../common/labels';
import { ukClock, ukDateTime } from '../../common/uk-time';
import { countTotals, DaySummary, daySummary, DayTotals, PremisesTimeline, standing, totalsByKind } from '../../day-log/day-summary';
import type { LogEntryView } from '../../day-log/dto/day-log.dto';
import { LogStanding, mayRecord } from '../../day-log/rights';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { fieldId, PostedEntry } from './day.form';

/** How many situation reports the board shows, newest first. */
const LATEST_MESSAGES = 5;

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
const detail = (entry: LogEntryView, field: string) => String(entry.details[field] ?? '');
const byAuthor = (entry: LogEntryView) => `${entry.author.name}, ${entry.agency.name}`;
const newestFirst = (entries: LogEntryView[]) => [...entries].sort((a, b) => Number(b.id) - Number(a.id));

/** Minutes in words: "23 minutes", "2 hours 5 minutes". */
function duration(minutes: number): string {
  if (minutes < 60) return counted(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${counted(hours, 'hour')} ${counted(minutes % 60, 'minute')}` : counted(hours, 'hour');
}

/** How long ago `instant` was, in words: "less than a minute", "23 minutes". */
function since(instant: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(instant).getTime()) / 60_000);
  return minutes < 1 ? 'less than a minute' : duration(minutes);
}

/** How far what happened was from the plan: "6 minutes late", "on time", "2 minutes early". */
export function difference(planned: string, happened: string): string {
  const minutes = Math.round((new Date(happened).getTime() - new Date(planned).getTime()) / 60_000);
  if (minutes === 0) return 'On time';
  return `${duration(Math.abs(minutes))} ${minutes > 0 ? 'late' : 'early'}`;
}

/** Each kind of count with its total, every kind listed (none counted is 0). */
function countRows(totals: DayTotals): { text: string; number: number }[] {
  const byKind = totalsByKind(totals);
  return COUNT_KINDS.map((kind) => ({ text: label('countKind', kind), number: byKind[kind] }));
}

/**
 * One row per premises the reader sees (Places): its status as the log last moved it and for how long, the teams
 * allocated there as the plan gives them, and what has been counted there; as the day's summary reads the log, so a
 * corrected status or count gives way to its correction.
 */
function premisesRows(plan: OperationView, summary: DaySummary, entries: LogEntryView[], now: Date) {
  const stands = standing(entries);
  return summary.premises.map(({ location, statuses }) => {
    const latest = statuses.at(-1);
    const teams = plan.deployments.filter(
      (deployment) => ['CONFIRMED', 'RELEASED'].includes(deployment.status) && deployment.locationIds?.includes(location.id),
    );
    const counts = countRows(countTotals(stands.filter((entry) => entry.location?.id === location.id))).filter((sum) => sum.number > 0);
    return {
      label: location.label,
      status: latest?.status ?? 'NOT_STARTED',
      since: latest ? `for ${since(latest.happenedAt, now)}` : null,
      teams: teams.map((deployment) => `${deployment.team.name} (${deployment.agency.code})`).join(', ') || 'None allocated',
      counts: counts.map((sum) => `${sum.text}: ${sum.number}`).join('; ') || 'None',
    };
  });
}

/** A decision as the log shows it: who decided and why, who recorded it and when; a correction names what it corrects. */
function decisionView(entry: LogEntryView, entries: LogEntryView[]) {
  const corrected = entry.correctsId ? entries.find((other) => other.id === entry.correctsId) : undefined;
  const corrects = corrected
    ? `The decision recorded at ${ukDateTime(corrected.recordedAt)}: “${detail(corrected, 'decision')}”`
    : 'An earlier entry';
  return {
    decision: detail(entry, 'decision'),
    intelligence: entry.section === 'INTELLIGENCE',
    rows: [
      row('Decided by', label('decisionRole', detail(entry, 'decidedBy'))),
      row('Rationale', detail(entry, 'rationale')),
      row('Considered', detail(entry, 'considered')),
      ...(entry.correctsId ? [row('Corrects', corrects)] : []),
      row('Decided at', ukDateTime(entry.happenedAt)),
      row('Recorded by', `${byAuthor(entry)}, at ${ukDateTime(entry.recordedAt)}`),
    ],
  };
}

const ETHANE: [string, string][] = [
  ['exactLocation', 'Exact location'],
  ['incidentType', 'Type of incident'],
  ['hazards', 'Hazards'],
  ['access', 'Access'],
  ['casualties', 'Number and type of casualties or potential victims'],
  ['services', 'Emergency services present and required'],
];

function messageView(entry: LogEntryView) {
  return {
    heading: `${ukDateTime(entry.happenedAt)}, ${byAuthor(entry)}`,
    rows: ETHANE.map(([field, text]) => row(text, detail(entry, field))),
  };
}

/** When the first status standing in the log that moved one of `places` to `status` says it happened. */
function firstAt(premises: PremisesTimeline[], status: PremisesStatus, places: string[]): string | undefined {
  return premises
    .filter((timeline) => places.includes(timeline.location.id))
    .flatMap((timeline) => timeline.statuses)
    .filter((moved) => moved.status === status)
    .map((moved) => moved.happenedAt)
    .sort()[0];
}

/**
 * The planned times against what happened: each RV point's meeting time against the first team recorded at the RV
 * of a premises its teams go on to, and each strike time against the first entry made at that premises.
 */
function timeline(plan: OperationView, premises: PremisesTimeline[]) {
  const meetingAt = (rvId: string) =>
    plan.deployments.filter((deployment) => deployment.rvPoint?.id === rvId).flatMap((deployment) => deployment.locationIds ?? []);
  const planned = [
    ...plan.rvPoints.map((rv) => ({
      what: `Teams meet at ${rv.name}`,
      at: rv.meetAt,
      happened: firstAt(premises, 'TEAM_AT_RV', meetingAt(rv.id)),
    })),
    ...(plan.locations ?? []).flatMap((location) =>
      location.strikeAt
        ? [{ what: `Entry at ${location.label}`, at: location.strikeAt, happened: firstAt(premises, 'ENTRY_MADE', [location.id]) }]
        : [],
    ),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return planned.map((item) => [
    { text: item.what },
    { text: ukClock(item.at) },
    { text: item.happened ? ukClock(item.happened) : 'Not yet' },
    { text: item.happened ? difference(item.at, item.happened) : '' },
  ]);
}

/** An entry in one line, for the list of everything recorded. */
function entryLine(entry: LogEntryView): string {
  const place = entry.location ? `${entry.location.label}: ` : '';
  const what: Record<LogKind, () => string> = {
    STATUS: () => label('premisesStatus', entry.status ?? ''),
    DECISION: () => `decision: ${detail(entry, 'decision')}`,
    COUNT: () => `${label('countKind', detail(entry, 'count'))}: ${detail(entry, 'number')}`,
    MESSAGE: () => `situation report: ${detail(entry, 'incidentType')}`,
  };
  return `${ukClock(entry.happenedAt)}, ${place}${what[entry.kind]()} (${byAuthor(entry)})`;
}

/**
 * The day's board: the premises, the totals, the decision log, the latest situation reports, the timeline. Its totals
 * and statuses are the day's summary's (what the Complete page offers), never counted a second way.
 */
export function boardView(plan: OperationView, entries: LogEntryView[], now: Date) {
  const newest = newestFirst(entries);
  const summary = daySummary(entries, plan.locations ?? []);
  return {
    premises: plan.locations ? premisesRows(plan, summary, entries, now) : null,
    totals: countRows(summary.totals).map((sum) => row(sum.text, String(sum.number))),
    decisions: newest.filter((entry) => entry.kind === 'DECISION').map((entry) => decisionView(entry, entries)),
    messages: newest
      .filter((entry) => entry.kind === 'MESSAGE')
      .slice(0, LATEST_MESSAGES)
      .map(messageView),
    timeline: timeline(plan, summary.premises),
    entries: newest.map((entry) => ({ id: entry.id, text: entryLine(entry) })),
    lastEntry: entries.length
      ? ukDateTime(
          entries
            .map((entry) => entry.recordedAt)
            .sort()
            .at(-1)!,
        )
      : null,
    lastEntryId: newest[0]?.id ?? '0',
  };
}

/** A choice of a radio group or a select, from a vocabulary of labels; the one posted checked. */
function choices(set: LabelSet, codes: readonly string[], posted: string | undefined) {
  return codes.map((code) => ({ value: code, text: label(set, code), checked: code === posted, selected: code === posted }));
}

/**
 * The forms the reader may use (rights.ts, as the service decides), while the log is open: the status of the
 * premises they may move, a decision (and marking it as intelligence) for the plan's command, a count at the places
 * they may count at or none, and a situation report. Each keeps what was typed into it when it is drawn again.
 */
export function dayForms(
  plan: OperationView,
  entries: LogEntryView[],
  standing: LogStanding & { open: boolean },
  posted: PostedEntry | null,
) {
  if (!standing.open) return null;
  const typed = (kind: LogKind) => (posted?.kind === kind ? posted.values : {});
  const places = (kind: LogKind, value: string | undefined) =>
    (plan.locations ?? [])
      .filter((location) => mayRecord(kind, standing, location.id))
      .map((location) => ({ value: location.id, text: location.label, selected: location.id === value }));
  const status = typed('STATUS');
  const count = typed('COUNT');
  const decision = typed('DECISION');
  const earlier = newestFirst(entries)
    .filter((entry) => entry.kind === 'DECISION')
    .map((entry) => ({
      value: entry.id,
      text: `${ukClock(entry.happenedAt)}: ${detail(entry, 'decision')}`,
      selected: entry.id === decision.correctsId,
    }));
  const statusPlaces = places('STATUS', status.locationId);
  return {
    status: statusPlaces.length
      ? { values: status, places: statusPlaces, statuses: choices('premisesStatus', PREMISES_STATUSES, status.status), ids: ids('STATUS') }
      : null,
    decision: mayRecord('DECISION', standing, null)
      ? {
          values: decision,
          roles: choices('decisionRole', DECISION_ROLES, decision.decidedBy),
          intelligence: standing.holds,
          earlier,
          ids: ids('DECISION'),
        }
      : null,
    count: mayRecord('COUNT', standing, null)
      ? {
          values: count,
          places: places('COUNT', count.locationId),
          kinds: choices('countKind', COUNT_KINDS, count.count),
          offences: choices('offence', OFFENCES, count.offence),
          ageGroups: choices('ageGroup', AGE_GROUPS, count.ageGroup),
          seized: choices('seizureKind', SEIZURE_KINDS, count.seized),
          ids: ids('COUNT'),
        }
      : null,
    message: mayRecord('MESSAGE', standing, null) ? { values: typed('MESSAGE'), ids: ids('MESSAGE') } : null,
  };
}

/** The ids of a form's fields that other forms have too (fieldId), for the template. */
function ids(kind: LogKind) {
  return { locationId: fieldId(kind, 'locationId'), note: fieldId(kind, 'note'), happenedAt: fieldId(kind, 'happenedAt') };
}
