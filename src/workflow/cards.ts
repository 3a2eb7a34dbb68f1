import { label } from '../common/labels';
import { markingText } from '../common/marking';
import { spokenNumber } from '../common/phone';
import { ukClock, ukDateTime } from '../common/uk-time';
import type { RiskView } from '../operations/dto/order.dto';
import type { StoredLocationView } from '../operations/dto/operation.dto';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { registerOrder } from '../operations/order';
import { entryText, hazardText, planFrame, teamsOnTheDay } from './briefing';
import type { Block, Printable } from './documents/printable';

/** A risk names a place when its hazard, controls or owner mentions the place's label or postcode, in any case. */
function namesPlace(risk: RiskView, location: StoredLocationView): boolean {
  const text = [risk.hazardDetail ?? '', risk.controls, risk.owner].join('\n').toLowerCase();
  return [location.label, location.postcode].some((name) => text.includes(name.toLowerCase()));
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

/** The teams allocated to the location, as the reader sees them: another agency's team only if the Teams section is shared. */
function teamsAt(plan: OperationView, location: StoredLocationView): Block {
  const here = teamsOnTheDay(plan).filter((d) => d.locationIds?.includes(location.id));
  return {
    kind: 'table',
    header: ['Team', 'Agency', 'Call sign', 'Officers', 'Powers', 'RV point'],
    rows: here.map((d) => [
      d.team.name,
      d.agency.code,
      d.callSign ?? '-',
      d.headcount === undefined ? '-' : String(d.headcount),
      (d.powers ?? []).map((power) => label('power', power)).join(', ') || '-',
      d.rvPoint ? `${d.rvPoint.name}, ${ukClock(d.rvPoint.meetAt)}` : 'Not given',
    ]),
    empty: `No team allocated here yet: a coordinator of ${plan.owningAgency.name} allocates teams to premises on the Teams page.`,
  };
}

function risksAt(plan: OperationView, location: StoredLocationView): Block {
  return {
    kind: 'table',
    header: ['Hazard', 'Control measures', 'Residual risk', 'Owner'],
    rows: registerOrder(plan.risks.filter((risk) => namesPlace(risk, location))).map((risk) => [
      hazardText(risk),
      risk.controls,
      label('riskRating', risk.residual),
      risk.owner,
    ]),
    empty: 'No risk in the register names this place: read the whole risk register in the briefing pack.',
  };
}

/** Where potential victims are taken, when it is open, and who interprets: the same for every address. */
function welfare(plan: OperationView): [string, string][] {
  const s = plan.safeguarding;
  return [
    ['Reception centre', s.receptionCentre ?? 'Not arranged'],
    [
      'Reception centre open',
      s.receptionOpensAt && s.receptionClosesAt
        ? `${ukDateTime(s.receptionOpensAt)} to ${ukDateTime(s.receptionClosesAt)}`
        : 'Hours not given',
    ],
    [
      'Interpreters',
      s.interpreters.map((i) => `${i.language}: ${i.name}`).join('; ') || (s.languages.length ? 'None booked yet' : 'None needed'),
    ],
    ['Radio channel or talkgroup', plan.communications.radioChannel ?? 'Not set'],
    ['Control room', plan.communications.controlRoomNumber ?? 'Not set'],
  ];
}

/** One location's card: what officers at that address are briefed from, on one sheet. */
function card(plan: OperationView, location: StoredLocationView): Block[] {
  return [
    { kind: 'marking', text: markingText(plan.marking) },
    { kind: 'title', text: location.label },
    { kind: 'paragraph', text: `Premises card of ${plan.reference}: ${plan.name}` },
    {
      kind: 'facts',
      rows: [
        ['Address', location.address],
        ['Postcode', location.postcode],
        ['Strike time (H-hour)', location.strikeAt ? ukDateTime(location.strikeAt) : 'Not set'],
        ['Entry', entryText(location)],
        ...siteCommander(plan, location),
      ],
    },
    { kind: 'subheading', text: 'Teams at this address' },
    teamsAt(plan, location),
    { kind: 'subheading', text: 'Risks at this address' },
    risksAt(plan, location),
    { kind: 'subheading', text: 'Safeguarding and communications' },
    { kind: 'facts', rows: welfare(plan) },
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

/** The premises cards as a printable document: a sheet each, under the frame every printed page carries (R14d). */
export function cardsPrintable(plan: OperationView, producedAt: Date): Printable {
  return { frame: planFrame(plan, producedAt, 'premises cards'), pages: cardBlocks(plan) };
}
