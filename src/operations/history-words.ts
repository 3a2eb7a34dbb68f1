import { BRIEFING_SECTIONS } from '../common/domain';
import { label, LabelSet } from '../common/labels';
import { spokenNumber } from '../common/phone';
import { ukClock, ukDate, ukDateTime, ukDay } from '../common/uk-time';
import { sharedInWords } from './hit-kinds';
import { sameContent } from './plan-edits';

/**
 * A plan's history in words: each audit event as sentences people read (labels, not codes; UK
 * time with GMT or BST; names, not ids), one line for each field or item it changed. The history
 * reaches the formatter already filtered for its reader (R14c), so any key may be missing: a
 * missing key is something this reader does not see, never something that changed.
 */

type Fields = Record<string, unknown>;

/** An audit event as the history holds it. */
export interface AuditChange {
  action: string;
  before: Fields | null;
  after: Fields | null;
}

/** What the ids and codes a history refers to stand for: agencies by id and by code, teams, RV points and locations by id. */
export type Names = ReadonlyMap<string, string>;

/** The ids (of agencies, teams, RV points) and agency codes a history refers to, to be named in one query. */
export interface NameReferences {
  ids: string[];
  codes: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keys whose values are agency codes. */
const AGENCY_CODE_KEYS = new Set(['agency', 'leadAgency']);
/** Free text longer than this is cut short in a line: the plan holds it whole. */
const LONGEST_TEXT = 300;

/** What a history learns as it is read, oldest first: the names of its RV points and evidence requirements. */
interface Context {
  names: Names;
  rvPoints: Map<string, string>;
  requirements: Map<string, string>;
}

/** How a value is read. */
type Kind =
  | 'text'
  | 'number'
  | 'list'
  | 'yesNo'
  | 'date'
  /** A time on the day of action: its date said only when it differs. */
  | 'time'
  /** A time always said with its date (the window, a warrant's expiry). */
  | 'dateTime'
  | 'agency'
  | 'team'
  | 'rvPoint'
  /** The plan's locations a team is allocated to, by label. */
  | 'premises'
  /** A commander: name, rank or grade, agency and number. */
  | 'commander'
  | { code: LabelSet }
  | { codes: LabelSet };

/** A field of something the history changes: where it is in the record, what people call it, and how its value is read. */
type Field = [path: string, name: string, kind: Kind];

const isRecord = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);
const records = (value: unknown): Fields[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const at = (record: Fields | null | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), record);

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function shortened(text: string): string {
  return text.length > LONGEST_TEXT ? `${text.slice(0, LONGEST_TEXT - 1).trimEnd()}…` : text;
}

/** "2027-03-01" as "Mon, 1 March 2027". */
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });

function agencyName(value: unknown, ctx: Context): string {
  const ref = String(value);
  return ctx.names.get(ref) ?? (UUID.test(ref) ? 'an agency no longer on record' : ref);
}

/** A value that is there, in words. */
function valueWords(kind: Kind, value: unknown, ctx: Context): string {
  if (typeof kind === 'object') {
    if ('codes' in kind)
      return texts(value)
        .map((code) => label(kind.codes, code))
        .join(', ');
    return label(kind.code, String(value));
  }
  switch (kind) {
    case 'list':
      return texts(value).join(', ');
    case 'yesNo':
      return value ? 'yes' : 'no';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dayFormat.format(new Date(`${String(value)}T00:00:00Z`)) : String(value);
    case 'time':
    case 'dateTime':
      return ukDateTime(String(value));
    case 'agency':
      return agencyName(value, ctx);
    case 'team':
      return ctx.names.get(String(value)) ?? 'a team no longer on record';
    case 'rvPoint':
      return ctx.rvPoints.get(String(value)) ?? ctx.names.get(String(value)) ?? 'an RV point since removed';
    case 'premises':
      // The audit holds the ids in no order people know: the labels are said in alphabetical order.
      return texts(value)
        .map((id) => ctx.names.get(id) ?? 'a location since removed')
        .sort((a, b) => a.localeCompare(b, 'en-GB'))
        .join(', ');
    case 'commander':
      return commanderWords(value);
    case 'text':
      return shortened(String(value));
    case 'number':
      return String(value);
  }
}

/** "Ann Clarke, Chief Superintendent, West Midlands Police, +44 121 626 5000". */
export function commanderWords(value: unknown): string {
  if (!isRecord(value) || isEmpty(value.name)) return 'none';
  return [value.name, value.rankOrGrade, value.agency]
    .map(String)
    .concat(spokenNumber(String(value.phone)))
    .join(', ');
}

function shown(kind: Kind, value: unknown, ctx: Context): string {
  return isEmpty(value) ? 'none' : valueWords(kind, value, ctx);
}

/**
 * Two times joined by `joint` (" → ", " to "): on the same day as clock times, GMT or BST named
 * once ("06:00 → 06:30 GMT", with the date first `withDate`), in full otherwise.
 */
function twoTimes(before: string, after: string, joint: string, withDate: boolean): string {
  if (ukDate(new Date(before)) !== ukDate(new Date(after))) return `${ukDateTime(before)}${joint}${ukDateTime(after)}`;
  const [from, to] = [ukClock(before), ukClock(after)];
  const zone = (clock: string) => clock.slice(clock.lastIndexOf(' ') + 1);
  const start = zone(from) === zone(to) ? from.slice(0, from.lastIndexOf(' ')) : from;
  const day = withDate ? `${ukDateTime(before).split(' at ')[0]} at ` : '';
  return `${day}${start}${joint}${to}`;
}

/** A field's change, before → after, or nothing when it did not change. */
function change(kind: Kind, before: unknown, after: unknown, ctx: Context): string | undefined {
  if (sameContent(before, after)) return undefined;
  if ((kind === 'time' || kind === 'dateTime') && !isEmpty(before) && !isEmpty(after))
    return twoTimes(String(before), String(after), ' → ', kind === 'dateTime');
  return `${shown(kind, before, ctx)} → ${shown(kind, after, ctx)}`;
}

/** "Name: Old → New"; with a `subject`, "Glam Nails: strike time 06:00 → 06:30 GMT". */
function line(subject: string | undefined, name: string, words: string): string {
  return subject ? `${subject}: ${name} ${words}` : `${capitalised(name)}: ${words}`;
}

/** Each field that changed between two records, a line each; with no record before, each field that is set. */
function fieldLines(fields: Field[], before: Fields | null, after: Fields | null, ctx: Context, subject?: string): string[] {
  return fields.flatMap(([path, name, kind]) => {
    const to = at(after, path);
    // A record made afresh says only what is set: nothing, no and zero go without saying.
    if (before === null) return isEmpty(to) || to === false || to === 0 ? [] : [line(subject, name, valueWords(kind, to, ctx))];
    const words = change(kind, at(before, path), to, ctx);
    return words ? [line(subject, name, words)] : [];
  });
}

/** Each field that has a value, zero included: "Arrests: 0". */
function stated(fields: Field[], record: unknown, ctx: Context): string[] {
  if (!isRecord(record)) return [];
  return fields.flatMap(([path, name, kind]) => {
    const value = at(record, path);
    return isEmpty(value) ? [] : [line(undefined, name, valueWords(kind, value, ctx))];
  });
}

/** A list of things the history names: how one is matched across a change, named, and summed up when added or removed. */
interface Items {
  noun: string;
  /** Ways to match an item before with one after, tried in turn. */
  keys: ((item: Fields) => string)[];
  name: (item: Fields) => string;
  summary: (item: Fields, ctx: Context) => string;
  /** Compared on an item kept. */
  fields: Field[];
  /** Said of an item added, beyond its summary, when set. */
  details: Field[];
}

const lower = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();

const LOCATION_DETAILS: Field[] = [
  ['strikeAt', 'strike time', 'time'],
  ['entry.basis', 'entry', { code: 'entryBasis' }],
  ['entry.warrant.type', 'warrant', 'text'],
  ['entry.warrant.court', 'warrant court', 'text'],
  ['entry.warrant.reference', 'warrant reference', 'text'],
  ['entry.warrant.expiresAt', 'warrant expires', 'dateTime'],
  ['entry.power', 'statutory power', 'text'],
  ['siteCommander', 'site commander', 'commander'],
];

const LOCATIONS: Items = {
  noun: 'Location',
  // A location renamed is the same place; one moved under the same name is the same entry.
  keys: [(l) => lower(l.label), (l) => `${lower(l.address)}|${lower(l.postcode)}`],
  name: (l) => String(l.label),
  summary: (l) => [l.label, l.address, l.postcode].filter((part) => !isEmpty(part)).join(', '),
  fields: [['label', 'name', 'text'], ['address', 'address', 'text'], ['postcode', 'postcode', 'text'], ...LOCATION_DETAILS],
  details: LOCATION_DETAILS,
};

const riskName = (r: Fields) =>
  isEmpty(r.hazardDetail) ? label('hazard', String(r.hazard)) : `${label('hazard', String(r.hazard))} (${String(r.hazardDetail)})`;

const RISK_DETAILS: Field[] = [
  ['controls', 'controls', 'text'],
  ['owner', 'owner', 'text'],
  ['acceptedBy', 'accepted by', 'text'],
  ['intelligenceDerived', 'derived from intelligence', 'yesNo'],
];

const RISKS: Items = {
  noun: 'Risk',
  keys: [(r) => `${String(r.hazard)}|${lower(r.hazardDetail)}`],
  name: riskName,
  summary: (r) =>
    `${riskName(r)}, likelihood ${String(r.likelihood)}, impact ${String(r.impact)}, residual risk ${label('riskRating', String(r.residual)).toLowerCase()}`,
  fields: [
    ['likelihood', 'likelihood', 'number'],
    ['impact', 'impact', 'number'],
    ['residual', 'residual risk', { code: 'riskRating' }],
    ...RISK_DETAILS,
  ],
  details: RISK_DETAILS,
};

const FIRST_RESPONDERS: Items = {
  noun: 'First responder',
  keys: [(f) => lower(f.name)],
  name: (f) => String(f.name),
  summary: (f, ctx) => `${String(f.name)}, ${agencyName(f.agencyId, ctx)}`,
  fields: [
    ['agencyId', 'agency', 'agency'],
    ['phone', 'phone', 'text'],
  ],
  details: [['phone', 'phone', 'text']],
};

const INTERPRETERS: Items = {
  noun: 'Interpreter',
  keys: [(i) => lower(i.name)],
  name: (i) => String(i.name),
  summary: (i) => `${String(i.name)}, ${String(i.language)}`,
  fields: [['language', 'language', 'text']],
  details: [],
};

/** Items removed, changed and added: "Location added: …", "Glam Nails: strike time 06:00 → 06:30 GMT". */
function itemLines(items: Items, before: unknown, after: unknown, ctx: Context): string[] {
  const removed = records(before);
  const added = records(after);
  const kept: [Fields, Fields][] = [];
  for (const key of items.keys) {
    for (const old of [...removed]) {
      const match = added.find((item) => key(item) === key(old));
      if (!match) continue;
      kept.push([old, match]);
      removed.splice(removed.indexOf(old), 1);
      added.splice(added.indexOf(match), 1);
    }
  }
  return [
    ...removed.map((item) => `${items.noun} removed: ${items.summary(item, ctx)}`),
    ...kept.flatMap(([old, now]) => fieldLines(items.fields, old, now, ctx, items.name(old))),
    ...added.flatMap((item) => [
      `${items.noun} added: ${items.summary(item, ctx)}`,
      ...fieldLines(items.details, null, item, ctx, items.name(item)),
    ]),
  ];
}

/** The plan's own fields, in the order the history says them. */
const PLAN_FIELDS: Field[] = [
  ['name', 'name', 'text'],
  ['exploitationTypes', 'exploitation types', { codes: 'exploitationType' }],
  ['scope', 'scope', { code: 'scope' }],
  ['startsAt', 'start', 'dateTime'],
  ['endsAt', 'end', 'dateTime'],
  ['leadAgencyId', 'lead agency', 'agency'],
  ['classification', 'protective marking', 'text'],
  ['handlingInstruction', 'handling instruction', 'text'],
  ['briefingAt', 'briefing time', 'time'],
  ['briefingPlace', 'briefing place', 'text'],
  ['debriefAt', 'debrief time', 'time'],
  ['radioChannel', 'radio channel', 'text'],
  ['controlRoomNumber', 'control room number', 'text'],
  ['gold', 'Gold commander', 'commander'],
  ['silver', 'Silver commander', 'commander'],
  ['sio', 'SIO', 'commander'],
  ['expectedPotentialVictims', 'expected potential victims', 'number'],
  ['languages', 'languages needed', 'list'],
  ['receptionCentre', 'reception centre', 'text'],
  ['receptionOpensAt', 'reception centre opens', 'time'],
  ['receptionClosesAt', 'reception centre closes', 'time'],
  ['medicalCover', 'medical cover', 'text'],
];

/** The lists the plan holds, each said item by item. */
const PLAN_LISTS: [key: string, items: Items][] = [
  ['locations', LOCATIONS],
  ['firstResponders', FIRST_RESPONDERS],
  ['interpreters', INTERPRETERS],
  ['risks', RISKS],
];

/** The groups a record may nest the plan's fields in. */
const GROUPS = new Set(['safeguarding', 'timings', 'communications', 'marking', 'command']);

/**
 * The plan's fields, whichever way the event records them: a new plan's snapshot nests them in
 * groups ({ timings: { briefingAt } }), a change names them with their group ("timings.briefingAt").
 */
function flattened(record: Fields | null): Fields {
  const flat: Fields = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (GROUPS.has(key) && isRecord(value)) Object.assign(flat, value);
    else flat[key.slice(key.indexOf('.') + 1)] = value;
  }
  return flat;
}

/** The briefing's sections by their titles; a section left empty is no section. */
function briefingLines(before: unknown, after: unknown, creating: boolean, ctx: Context): string[] {
  if (!isRecord(after)) return [];
  const from = isRecord(before) ? before : {};
  const sections = BRIEFING_SECTIONS.filter((section) => section in after || section in from);
  const fields = sections.map((section): Field => [section, `briefing, ${label('briefingSection', section)}`, 'text']);
  return fieldLines(fields, creating ? null : from, after, ctx);
}

/**
 * What a new plan holds (`before` null) or what a change of it changed. Only what the event holds
 * is said: a part the reader may not see (the places, the briefing's Information, risks derived
 * from intelligence) is absent from both sides, and so from the words.
 */
function planLines(before: Fields | null, after: Fields | null, ctx: Context): string[] {
  const creating = before === null;
  const from = flattened(before);
  const to = flattened(after);
  const held = (key: string) => key in to && (creating || key in from);
  const briefing = held('briefing') ? briefingLines(from.briefing, to.briefing, creating, ctx) : [];
  const lists = PLAN_LISTS.filter(([key]) => held(key)).flatMap(([key, items]) => itemLines(items, from[key], to[key], ctx));
  const fields = PLAN_FIELDS.filter(([key]) => held(key));
  return [...fieldLines(fields, creating ? null : from, to, ctx), ...briefing, ...lists];
}

const reason = (record: Fields | null): string[] => said('Reason', record?.reason);

/** "Note: …", when there is one. */
function said(name: string, value: unknown): string[] {
  return isEmpty(value) ? [] : [`${name}: ${shortened(String(value))}`];
}

/** A team and its agency: "Alpha Team, Metropolitan Police Service". */
function teamWords(record: Fields, ctx: Context): string {
  const team = isEmpty(record.team) ? 'A team' : String(record.team);
  return isEmpty(record.agency) ? team : `${team}, ${agencyName(record.agency, ctx)}`;
}

const OUTCOMES: Field[] = [
  ['arrests', 'arrests', 'number'],
  ['potentialVictimsSafeguarded', 'potential victims safeguarded', 'number'],
  ['nrmReferrals', 'NRM referrals', 'number'],
  ['premisesVisited', 'premises visited', 'number'],
  ['notes', 'notes', 'text'],
];

/** How a day of action ended: the reason, the outcomes, and each team released. */
function endLines(event: AuditChange, ctx: Context): string[] {
  const released = records(event.after?.releasedTeams).map((team) => {
    const was = isEmpty(team.status) ? '' : `, which was ${label('deploymentStatus', String(team.status)).toLowerCase()}`;
    return `Team released: ${teamWords(team, ctx)}${was}`;
  });
  return [...reason(event.after), ...besideTheLog(stated(OUTCOMES, event.after?.outcomes, ctx), event.after), ...released];
}

/**
 * The outcomes' lines, each figure the owner recorded that differs from what the day's log counted followed by the
 * log's ("Arrests: 4 (the log counted 3)"), so a figure changed from the log's shows. `lines` are in OUTCOMES' order.
 */
function besideTheLog(lines: string[], after: Fields | null): string[] {
  const recorded = after?.outcomes;
  const logged = after?.logCounted;
  if (!isRecord(recorded) || !isRecord(logged)) return lines;
  const differing = OUTCOMES.filter(([path]) => typeof logged[path] === 'number' && logged[path] !== recorded[path]);
  return lines.map((text) => {
    const field = differing.find(([, name]) => text.startsWith(`${capitalised(name)}: `));
    return field ? `${text} (the log counted ${String(logged[field[0]])})` : text;
  });
}

function reviewLines(event: AuditChange): string[] {
  return [...said('Comment', event.after?.comment), ...said('Version reviewed', event.after?.versionReviewed)];
}

/** The sections a partner agency sees, more or fewer (R14b). */
function sharingLines(event: AuditChange): string[] {
  const agency = at(event.after, 'agency.name') ?? at(event.before, 'agency.name');
  const who = isEmpty(agency) ? 'the partner agency' : String(agency);
  const was = texts(event.before?.sections);
  const now = texts(event.after?.sections);
  const named = (sections: string[]) => sections.map((section) => label('sectionName', section)).join(', ');
  const more = now.filter((section) => !was.includes(section));
  const fewer = was.filter((section) => !now.includes(section));
  return [
    ...(more.length ? [`Now shared with ${who}: ${named(more)}`] : []),
    ...(fewer.length ? [`No longer shared with ${who}: ${named(fewer)}`] : []),
    ...reason(event.after),
  ];
}

function signOffLines(event: AuditChange, ctx: Context): string[] {
  const agency = event.after?.agency ?? event.before?.agency;
  const whose = isEmpty(agency) ? 'Sign-off' : `Sign-off of ${agencyName(agency, ctx)}`;
  const signOff = change({ code: 'signOffState' }, event.before?.signOff, event.after?.signOff, ctx);
  const moved =
    event.before && event.after && 'status' in event.before && 'status' in event.after
      ? change({ code: 'status' }, event.before.status, event.after.status, ctx)
      : undefined;
  return [...(signOff ? [`${whose}: ${signOff}`] : []), ...reason(event.after), ...(moved ? [`Plan status: ${moved}`] : [])];
}

const RV_POINT: Field[] = [
  ['name', 'name', 'text'],
  ['address', 'address', 'text'],
  ['meetAt', 'meeting time', 'time'],
];

function rvPointWords(point: Fields | null): string {
  const meeting = isEmpty(point?.meetAt) ? [] : [`meeting at ${ukDateTime(String(point?.meetAt))}`];
  return [point?.name, point?.address]
    .filter((part) => !isEmpty(part))
    .map(String)
    .concat(meeting)
    .join(', ');
}

/** A deployment's part in the order; its premises only for a reader who sees the places (the history holds them for no one else). */
const DEPLOYMENT_ORDER: Field[] = [
  ['tasking', 'tasking', 'text'],
  ['powers', 'powers', { codes: 'power' }],
  ['rvPointId', 'RV point', 'rvPoint'],
  ['callSign', 'call sign', 'text'],
  ['locationIds', 'premises', 'premises'],
];

function requestedLines(event: AuditChange, ctx: Context): string[] {
  const after = event.after ?? {};
  const team = isEmpty(after.team) ? 'The team' : String(after.team);
  const officers = typeof after.headcount === 'number' ? [`${team}: ${after.headcount} officer${after.headcount === 1 ? '' : 's'}`] : [];
  const window =
    isEmpty(after.startsAt) || isEmpty(after.endsAt)
      ? []
      : [`${team}: from ${twoTimes(String(after.startsAt), String(after.endsAt), ' to ', true)}`];
  return [
    `${after.status === 'CONFIRMED' ? 'Team added' : 'Team requested'}: ${teamWords(after, ctx)}`,
    ...officers,
    ...window,
    ...fieldLines(DEPLOYMENT_ORDER, null, after, ctx, team),
  ];
}

/** A team confirmed, declined or released: "Alpha Team: Requested → Confirmed". */
function answerLines(event: AuditChange, ctx: Context): string[] {
  const team = String(event.after?.team ?? event.before?.team ?? 'The team');
  const moved = change({ code: 'deploymentStatus' }, event.before?.status, event.after?.status, ctx);
  return [...(moved ? [`${team}: ${moved}`] : []), ...reason(event.after)];
}

const REQUIREMENT: Field[] = [
  ['offence', 'offence', { code: 'offence' }],
  ['offenceOther', 'offence, in words', 'text'],
  ['evidenceType', 'evidence type', { code: 'evidenceType' }],
  ['description', 'description', 'text'],
  ['priority', 'priority', { code: 'evidencePriority' }],
];

/** Which requirement an evidence event is about, by its description when the history holds it. */
function requirement(event: AuditChange, ctx: Context): string[] {
  const id = event.after?.requirementId ?? event.before?.requirementId;
  const name = isEmpty(id) ? undefined : ctx.requirements.get(String(id));
  return name ? [`Requirement: ${name}`] : [];
}

function assignedLines(event: AuditChange, ctx: Context): string[] {
  const from = isEmpty(event.before?.teamId) ? 'none' : valueWords('team', event.before?.teamId, ctx);
  const to = isEmpty(event.after?.team) ? 'none' : String(event.after?.team);
  const moved = event.before?.teamId === event.after?.teamId ? [] : [`Team: ${from} → ${to}`];
  return [...requirement(event, ctx), ...moved, ...said('Warning', event.after?.warning)];
}

/** "a phone number" as what two plans both hold: "the same phone number". */
const sameThing = (matched: unknown) => String(matched).replace(/^an? /, 'the same ');
const otherPlan = (record: Fields | null) => (isEmpty(record?.other) ? 'another plan' : String(record?.other));
const subjectWords = (kind: unknown) => (isEmpty(kind) ? undefined : label('subjectKind', String(kind)).toLowerCase());

/**
 * A hit as raised: what the two plans shared then (kinds, postcodes, the overlap by UK day). A hit
 * recorded before hits listed their kinds was one of place and time: its postcodes only.
 */
function hitRaisedLines(event: AuditChange): string[] {
  const after = event.after;
  const postcodes = texts(after?.sharedPostcodes);
  if (!Array.isArray(after?.kinds))
    return [`Hit with ${otherPlan(after)}${postcodes.length ? `: both plans hold ${postcodes.join(', ')} in overlapping windows` : ''}`];
  const overlap = isRecord(after?.overlap) ? after.overlap : undefined;
  const days =
    overlap &&
    (overlap.from === overlap.to ? ukDay(String(overlap.from)) : `${ukDay(String(overlap.from))} to ${ukDay(String(overlap.to))}`);
  return [
    `Hit with ${otherPlan(after)}: both plans held ${sharedInWords(texts(after?.kinds))}`,
    ...said('Shared postcodes', postcodes.join(', ')),
    ...said('Both on the ground', days),
  ];
}

/** What an acknowledged hit was on: " on a place in the same window and a phone number" (or, before hits listed kinds, the one kind of a subject hit). */
function acknowledgedOn(after: Fields | null): string {
  if (Array.isArray(after?.kinds)) return ` on ${sharedInWords(texts(after?.kinds))}`;
  return isEmpty(after?.matched) ? '' : ` on ${sameThing(after?.matched)}`;
}

interface Described {
  what: string | ((event: AuditChange) => string);
  lines?: (event: AuditChange, ctx: Context) => string[];
}

/** Every kind of event a plan's history holds, in words. */
const EVENTS: Record<string, Described> = {
  'operation.created': { what: 'Created the plan', lines: (e, ctx) => planLines(null, e.after, ctx) },
  'operation.updated': { what: 'Changed the plan', lines: (e, ctx) => planLines(e.before ?? {}, e.after, ctx) },
  'operation.lead-changed': {
    what: 'Changed the lead agency',
    lines: (e, ctx) => fieldLines([['leadAgency', 'lead agency', 'agency']], e.before ?? {}, e.after, ctx),
  },
  'operation.submit': { what: 'Submitted the plan for review' },
  'operation.withdraw': { what: 'Withdrew the plan from review' },
  'operation.approved': { what: 'Approved the plan', lines: reviewLines },
  'operation.changes-requested': { what: 'Asked for changes', lines: reviewLines },
  'operation.approval-withdrawn': { what: 'Approval withdrawn by a change', lines: (e) => reason(e.after) },
  'operation.start': { what: 'Started the day of action' },
  'operation.complete': { what: 'Completed the day of action', lines: endLines },
  'operation.cancel': { what: 'Cancelled the plan', lines: endLines },
  'operation.stand-down': { what: 'Stood the day of action down', lines: endLines },
  'operation.sharing-changed': { what: 'Changed what a partner agency sees of the plan', lines: sharingLines },
  'operation.signed-off': { what: 'Signed off their agency’s part', lines: signOffLines },
  'operation.sign-off-declined': { what: 'Declined to sign off their agency’s part', lines: signOffLines },
  'rv-point.added': { what: 'Added an RV point', lines: (e) => said('RV point added', rvPointWords(e.after)) },
  'rv-point.changed': {
    what: 'Changed an RV point',
    lines: (e, ctx) => fieldLines(RV_POINT, e.before ?? {}, e.after, ctx, String(e.before?.name ?? e.after?.name ?? 'The RV point')),
  },
  'rv-point.removed': { what: 'Removed an RV point', lines: (e) => said('RV point removed', rvPointWords({ ...e.before, meetAt: null })) },
  'deployment.requested': { what: (e) => (e.after?.status === 'CONFIRMED' ? 'Added a team' : 'Requested a team'), lines: requestedLines },
  'deployment.asked-again': {
    what: 'Asked partners to confirm their teams again',
    lines: (e, ctx) => [...records(e.before?.deployments).map((d) => `${teamWords(d, ctx)}: asked to confirm again`), ...reason(e.after)],
  },
  'deployment.confirmed': { what: 'Confirmed a team', lines: answerLines },
  'deployment.declined': { what: 'Declined a team request', lines: answerLines },
  'deployment.released': { what: 'Released a team', lines: answerLines },
  'deployment.changed': {
    what: 'Changed a team’s part in the order',
    lines: (e, ctx) => fieldLines(DEPLOYMENT_ORDER, e.before ?? {}, e.after, ctx, String(e.before?.team ?? e.after?.team ?? 'The team')),
  },
  'cps.requested': {
    what: 'Requested early CPS involvement',
    lines: (e, ctx) => [...said('Advice sought', e.after?.note), ...stated([['adviceNeededBy', 'advice needed by', 'date']], e.after, ctx)],
  },
  'cps.withdrawn': { what: 'Withdrew the CPS request', lines: (e) => reason(e.after) },
  'cps.engaged': { what: 'Accepted early CPS involvement' },
  'cps.declined': { what: 'Declined early CPS involvement', lines: (e) => reason(e.after) },
  'cps.closed': { what: 'Closed evidence gathering' },
  'evidence.added': {
    what: 'Added an evidence requirement',
    lines: (e, ctx) => [
      ...said('Evidence requirement added', e.after?.description),
      ...fieldLines(
        REQUIREMENT.filter(([path]) => path !== 'description'),
        null,
        e.after,
        ctx,
      ),
    ],
  },
  'evidence.updated': {
    what: 'Changed an evidence requirement',
    lines: (e, ctx) => [...requirement(e, ctx), ...fieldLines(REQUIREMENT, e.before ?? {}, e.after, ctx)],
  },
  'evidence.assigned': { what: 'Assigned evidence to a team', lines: assignedLines },
  'evidence.unassigned': {
    what: 'Evidence left without a team',
    lines: (e, ctx) => [
      ...requirement(e, ctx),
      ...(isEmpty(e.before?.team) ? [] : [`Team: ${String(e.before?.team)} → none`]),
      ...reason(e.after),
    ],
  },
  'evidence.gathered': {
    what: 'Recorded evidence as gathered',
    lines: (e, ctx) => [...requirement(e, ctx), ...said('Note', e.after?.note)],
  },
  'evidence.accepted': { what: 'Accepted gathered evidence', lines: (e, ctx) => requirement(e, ctx) },
  'evidence.rejected': { what: 'Rejected gathered evidence', lines: (e, ctx) => [...requirement(e, ctx), ...reason(e.after)] },
  'subject.added': { what: 'Added a subject of interest', lines: (e) => said('Subject added', subjectWords(e.after?.kind)) },
  'subject.removed': { what: 'Removed a subject of interest', lines: (e) => said('Subject removed', subjectWords(e.before?.kind)) },
  'deconfliction.hit-raised': {
    what: (e) => (Array.isArray(e.after?.kinds) ? 'Deconfliction hit raised' : 'Deconfliction hit raised on a place and time'),
    lines: hitRaisedLines,
  },
  // Recorded before a hit listed everything the two plans shared: one per kind of subject.
  'deconfliction.subject-hit-raised': {
    what: 'Deconfliction hit raised on a subject',
    lines: (e) => [`Hit with ${otherPlan(e.after)}${isEmpty(e.after?.matched) ? '' : `: both plans hold ${sameThing(e.after?.matched)}`}`],
  },
  'deconfliction.acknowledged': {
    what: 'Acknowledged a deconfliction hit',
    lines: (e) => [`Hit with ${otherPlan(e.after)}${acknowledgedOn(e.after)}`, ...said('Note', e.after?.note)],
  },
};

/** One event in words: what happened, then a line for each thing it changed. */
function inWords(event: AuditChange, ctx: Context): string[] {
  const described = EVENTS[event.action];
  if (!described) return [capitalised(event.action.replace(/[.-]/g, ' '))];
  const what = typeof described.what === 'string' ? described.what : described.what(event);
  return [what, ...(described.lines?.(event, ctx) ?? [])];
}

/** What later events need named that only the history holds: RV points (even removed ones) and evidence requirements. */
function learn(event: AuditChange, ctx: Context): void {
  const after = event.after;
  if (!after) return;
  if (event.action.startsWith('rv-point.') && !isEmpty(after.rvPointId) && !isEmpty(after.name))
    ctx.rvPoints.set(String(after.rvPointId), String(after.name));
  if (event.action.startsWith('evidence.') && !isEmpty(after.requirementId) && !isEmpty(after.description)) {
    ctx.requirements.set(String(after.requirementId), shortened(String(after.description)));
  }
}

/**
 * A history, oldest first, in words: for each event its sentences, the first saying what
 * happened and each further one a field or item it changed. `names` are what the history's ids
 * and agency codes stand for (`referencedNames`).
 */
export function historyInWords(events: AuditChange[], names: Names): string[][] {
  const ctx: Context = { names, rvPoints: new Map(), requirements: new Map() };
  return events.map((event) => {
    const words = inWords(event, ctx);
    learn(event, ctx);
    return words;
  });
}

/** The ids and agency codes a history refers to, for naming them all in one query. */
export function referencedNames(events: AuditChange[]): NameReferences {
  const ids = new Set<string>();
  const codes = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.add(value);
      else if (AGENCY_CODE_KEYS.has(key)) codes.add(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (isRecord(value)) Object.entries(value).forEach(([inner, item]) => walk(item, inner));
  };
  for (const event of events) {
    walk(event.before, '');
    walk(event.after, '');
  }
  return { ids: [...ids], codes: [...codes] };
}
