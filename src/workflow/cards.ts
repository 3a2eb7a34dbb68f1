import { label } from '../common/labels';
import { markingText } from '../common/marking';
import { spokenNumber } from '../common/phone';
import { ukDateTime } from '../common/uk-time';
import type { RiskView } from '../operations/dto/order.dto';
import type { StoredLocationView } from '../operations/dto/operation.dto';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { registerOrder } from '../operations/order';
import { entryText, hazardCell, planFrame, rvText, statusText, teamsOnTheDay } from './briefing';
import type { Block, Printable } from './documents/printable';

/**
 * At most this many teams and risks on a card, their longer texts cut short (see `clipped`): with the rest
 * of the card, they fit one A4 sheet even when those texts are as long as they may be.
 */
const MOST_TEAMS = 6;
const MOST_RISKS = 4;
/** A line of a card's facts holds about this many characters; this many lines more than one a fact still leave room for all those rows. */
const FACT_LINE = 90;
const SPARE_LINES = 6;

/**
 * How many teams and risks fit under facts that run to `lines` lines: a team's row for every two lines
 * beyond the spare ones, down to two teams, then a risk's row for every four, down to one risk.
 */
function room(lines: number): { teams: number; risks: number } {
  const over = Math.max(0, lines - SPARE_LINES);
  const teams = Math.max(2, MOST_TEAMS - Math.ceil(over / 2));
  const left = Math.max(0, over - 2 * (MOST_TEAMS - 2));
  return { teams, risks: Math.max(1, MOST_RISKS - Math.ceil(left / 4)) };
}

/** The lines the texts take beyond one each, at FACT_LINE characters a line. */
const extraLines = (texts: string[]) => texts.reduce((sum, text) => sum + Math.max(0, Math.ceil(text.length / FACT_LINE) - 1), 0);

/** Text cut to `most` characters, ending "…" when cut: the briefing pack has it in full. */
const clipped = (text: string, most: number) => (text.length <= most ? text : `${text.slice(0, most - 1).trimEnd()}…`);

/** A pattern matched only as whole words, in any case: "Unit 1" is not in "Unit 12", nor "House" in "warehouse". */
const wholeWords = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A risk names a place when its hazard, controls or owner mentions the place's label or postcode as whole
 * words, in any case; the postcode with or without its space ("B11 1AA" or "B111AA").
 */
function namesPlace(risk: RiskView, location: StoredLocationView): boolean {
  const text = [risk.hazardDetail ?? '', risk.controls, risk.owner].join('\n');
  const name = wholeWords(location.label.trim().split(/\s+/).map(escaped).join('\\s+'));
  const postcode = wholeWords([...location.postcode.replace(/\s+/g, '')].map(escaped).join('\\s*'));
  return name.test(text) || postcode.test(text);
}

type Table = Extract<Block, { kind: 'table' }>;

/** A table of a card's first `most` rows, and under it how many more there are and where to read them. */
function capped(table: Table, most: number, what: string): Block[] {
  const more = table.rows.length - most;
  if (more <= 0) return [table];
  return [
    { ...table, rows: table.rows.slice(0, most) },
    { kind: 'paragraph', text: `…and ${more} more ${what}: see the briefing pack.` },
  ];
}

/** The site commander and their 24-hour number, or who names one. */
function siteCommander(plan: OperationView, location: StoredLocationView): [string, string][] {
  const commander = location.siteCommander;
  if (!commander) return [['Site commander', `Not named yet: a coordinator of ${plan.owningAgency.name} names one on the Command page`]];
  return [
    ['Site commander', `${commander.name}, ${commander.rankOrGrade}, ${commander.agency}`],
    ['24-hour contact', spokenNumber(commander.phone)],
  ];
}

/**
 * The teams allocated to the location, each with its status, so a team only requested is not read as coming.
 * A reader the Teams section is not shared with sees where its own agency's teams go, and is told that
 * other agencies' teams here are not shown (R14a).
 */
function teamsAt(plan: OperationView, location: StoredLocationView, most: number): Block[] {
  const shared = plan.sections.includes('TEAMS');
  const here = teamsOnTheDay(plan).filter((d) => d.locationIds?.includes(location.id));
  const table: Table = {
    kind: 'table',
    header: ['Team', 'Agency', 'Call sign', 'Officers', 'Powers', 'RV point', 'Status'],
    rows: here.map((d) => [
      clipped(d.team.name, 30),
      d.agency.code,
      clipped(d.callSign ?? '-', 16),
      String(d.headcount),
      (d.powers ?? []).map((power) => label('power', power)).join(', ') || '-',
      d.rvPoint ? rvText({ ...d.rvPoint, name: clipped(d.rvPoint.name, 24) }) : 'Not given',
      clipped(statusText(d), 40),
    ]),
    empty: shared
      ? `No team allocated here yet: a coordinator of ${plan.owningAgency.name} allocates teams to premises on the Teams page.`
      : 'No team of your agency is allocated here.',
  };
  const unshared: Block[] = shared
    ? []
    : [
        {
          kind: 'paragraph',
          text: `Other agencies’ teams at this address are not shared with your agency: ask the plan’s owner, ${plan.owningAgency.name}, who else will be here.`,
        },
      ];
  return [...capped(table, most, 'teams'), ...unshared];
}

function risksAt(plan: OperationView, location: StoredLocationView, most: number): Block[] {
  const table: Table = {
    kind: 'table',
    header: ['Hazard', 'Control measures', 'Residual risk', 'Owner'],
    rows: registerOrder(plan.risks.filter((risk) => namesPlace(risk, location))).map((risk) => [
      hazardCell(risk, (hazard) => clipped(hazard, 50)),
      clipped(risk.controls, 160),
      label('riskRating', risk.residual),
      clipped(risk.owner, 40),
    ]),
    empty: 'No risk in the register names this place: read the whole risk register in the briefing pack.',
  };
  return capped(table, most, 'risks');
}

/** Where potential victims are taken, when it is open, and who interprets: the same for every address. */
function welfare(plan: OperationView): [string, string][] {
  const s = plan.safeguarding;
  return [
    ['Reception centre', clipped(s.receptionCentre ?? 'Not arranged', 160)],
    [
      'Reception centre open',
      s.receptionOpensAt && s.receptionClosesAt
        ? `${ukDateTime(s.receptionOpensAt)} to ${ukDateTime(s.receptionClosesAt)}`
        : 'Hours not given',
    ],
    [
      'Interpreters',
      clipped(s.interpreters.map((i) => `${i.language}: ${i.name}`).join('; '), 160) ||
        (s.languages.length ? 'None booked yet' : 'None needed'),
    ],
    ['Radio channel or talkgroup', plan.communications.radioChannel ?? 'Not set'],
    ['Control room', plan.communications.controlRoomNumber ?? 'Not set'],
  ];
}

/** One location's card: what officers at that address are briefed from, on one sheet; the longer its facts, the fewer rows of teams and risks. */
function card(plan: OperationView, location: StoredLocationView): Block[] {
  const about = `Premises card of ${plan.reference}: ${plan.name}`;
  const facts: [string, string][] = [
    ['Address', location.address],
    ['Postcode', location.postcode],
    ['Strike time (H-hour)', location.strikeAt ? ukDateTime(location.strikeAt) : 'Not set'],
    ['Entry', entryText(location)],
    ...siteCommander(plan, location),
  ];
  const welfareFacts = welfare(plan);
  const fits = room(extraLines([location.label, about, ...[...facts, ...welfareFacts].map(([, value]) => value)]));
  return [
    { kind: 'marking', text: markingText(plan.marking) },
    { kind: 'title', text: location.label },
    { kind: 'paragraph', text: about },
    { kind: 'facts', rows: facts },
    { kind: 'subheading', text: 'Teams at this address' },
    ...teamsAt(plan, location, fits.teams),
    { kind: 'subheading', text: 'Risks at this address' },
    ...risksAt(plan, location, fits.risks),
    { kind: 'subheading', text: 'Safeguarding and communications' },
    { kind: 'facts', rows: welfareFacts },
  ];
}

/**
 * A card for each location the reader sees (the Places section, R14a). A reader the places are not
 * shared with gets one page saying so, not an empty document that looks like a plan with no premises.
 */
export function cardBlocks(plan: OperationView): Block[][] {
  const marking: Block = { kind: 'marking', text: markingText(plan.marking) };
  const alone = (text: string): Block[][] => [
    [marking, { kind: 'title', text: `${plan.reference}: ${plan.name}` }, { kind: 'paragraph', text }],
  ];
  if (!plan.locations)
    return alone(
      `The premises of this plan are not shared with your agency. Ask the plan’s owner, ${plan.owningAgency.name}, if your part needs them.`,
    );
  if (plan.locations.length === 0) return alone(`No locations yet: a coordinator of ${plan.owningAgency.name} adds them.`);
  return plan.locations.map((location) => card(plan, location));
}

/** The premises cards as a printable document: a sheet each, set compactly to fit it, under the frame every printed page carries (R14d). */
export function cardsPrintable(plan: OperationView, producedAt: Date): Printable {
  return { frame: planFrame(plan, producedAt, 'premises cards'), pages: cardBlocks(plan), compact: true };
}
