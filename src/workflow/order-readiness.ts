import type { EntryBasis, RiskRating } from '../common/domain';
import { label } from '../common/labels';
import { ukClock, ukDateTime } from '../common/uk-time';
import type { SignOffState } from '../operations/dto/order.dto';
import { awaitsAcceptance, needsSeniorAcceptance } from '../operations/order';

/** What readiness reads of the operational order. */
export interface OrderFacts {
  locations: { label: string; strikeAt: Date | null; entry: { basis: EntryBasis; warrantExpiresAt: Date | null } | null }[];
  briefingAt: Date | null;
  debriefAt: Date | null;
  rvPointCount: number;
  /** Confirmed teams given no RV point. */
  teamsWithoutRv: string[];
  /** Locations no requested or confirmed team is allocated to. */
  locationsWithoutTeam: string[];
  /** Confirmed teams allocated to no location and given no RV point: nobody has told them where to go. */
  teamsWithNowhere: string[];
  risks: { hazard: string; hazardDetail: string | null; residual: RiskRating; acceptedBy: string | null; intelligenceDerived: boolean }[];
  firstResponderCount: number;
  interpreterLanguages: string[];
  medicalCover: string | null;
  reception: { opensAt: Date; closesAt: Date } | null;
  radioChannel: string | null;
  controlRoomNumber: string | null;
  /** Each supporting agency with a confirmed team, and where its sign-off stands. */
  signOffs: { agencyCode: string; state: SignOffState }[];
  /** Whether the reader sees the Intelligence section: then risks derived from it are named, else only counted (R14a). */
  describesIntelligence: boolean;
}

type Check = (id: string, ok: boolean, okMessage: string, failMessage: string, blocking?: boolean) => void;

const list = (items: string[]) => [...new Set(items)].join(', ');
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The operational order's checks: an expired warrant, an unaccepted high risk and (for approval)
 * a partner's missing sign-off block; the rest warn of what an order should pin down.
 */
export function orderChecks(
  facts: { startsAt: Date; expectedPotentialVictims: number; languages: string[]; order: OrderFacts },
  stage: string,
  check: Check,
): void {
  const { order } = facts;
  const expired = order.locations.filter(
    (l) => l.entry?.basis === 'WARRANT' && l.entry.warrantExpiresAt && l.entry.warrantExpiresAt <= (l.strikeAt ?? facts.startsAt),
  );
  check(
    'warrants-valid',
    expired.length === 0,
    order.locations.some((l) => l.entry?.basis === 'WARRANT')
      ? 'Every warrant is valid at its strike time'
      : 'No entry relies on a warrant',
    `The warrant for ${list(expired.map((l) => `${l.label} expires ${ukDateTime(l.entry?.warrantExpiresAt as Date)}`))}, before the strike: get a new warrant or strike earlier`,
  );
  const unaccepted = order.risks.filter(awaitsAcceptance);
  // Every agency on the plan reads this check: to one that may not see the intelligence, a risk derived from it is counted, never described (R14a).
  const described = (r: OrderFacts['risks'][number]) => order.describesIntelligence || !r.intelligenceDerived;
  const fromIntelligence = unaccepted.filter((r) => !described(r)).length;
  const named = unaccepted.filter(described).map((r) => (r.hazard === 'OTHER' ? (r.hazardDetail ?? 'Other') : label('hazard', r.hazard)));
  check(
    'high-risks-accepted',
    unaccepted.length === 0,
    order.risks.some((r) => needsSeniorAcceptance(r.residual))
      ? 'A senior officer has accepted every high residual risk'
      : 'No high residual risk',
    `A named senior officer must accept each high residual risk: ${list([...named, ...(fromIntelligence ? [plural(fromIntelligence, 'risk derived from intelligence', 'risks derived from intelligence')] : [])])}`,
  );
  const awaiting = order.signOffs.filter((s) => s.state !== 'SIGNED_OFF');
  check(
    'partner-sign-off',
    awaiting.length === 0,
    order.signOffs.length
      ? `${list(order.signOffs.map((s) => s.agencyCode))} signed off their part`
      : 'No supporting agency needs to sign off',
    stage === 'approve'
      ? `Waiting for a manager of ${list(awaiting.map((s) => s.agencyCode))} to sign off their part`
      : `Once submitted, a manager of ${list(awaiting.map((s) => s.agencyCode))} signs off their part before approval`,
    stage === 'approve',
  );

  check(
    'risk-assessment',
    order.risks.length > 0,
    order.describesIntelligence ? `${plural(order.risks.length, 'risk')} assessed` : 'The risks are assessed',
    'Record the risk assessment: each hazard, its controls and who owns it',
    false,
  );
  const noStrike = order.locations.filter((l) => !l.strikeAt).map((l) => l.label);
  const noEntry = order.locations.filter((l) => !l.entry).map((l) => l.label);
  check(
    'entry-and-strike',
    noStrike.length === 0 && noEntry.length === 0,
    'Every location has a strike time and an entry basis',
    [noStrike.length && `set a strike time for ${list(noStrike)}`, noEntry.length && `record the entry basis for ${list(noEntry)}`]
      .filter(Boolean)
      .join('; '),
    false,
  );
  const timingProblems = [
    !order.briefingAt && 'set the briefing time and place',
    order.rvPointCount === 0 && 'add an RV point',
    order.teamsWithoutRv.length > 0 && `give ${list(order.teamsWithoutRv)} an RV point`,
    !order.debriefAt && 'set the debrief time',
  ].filter(Boolean);
  check(
    'timings',
    timingProblems.length === 0,
    `Briefing ${order.briefingAt ? ukClock(order.briefingAt) : ''}, ${plural(order.rvPointCount, 'RV point')}, debrief set`,
    capitalise(timingProblems.join('; ')),
    false,
  );
  check(
    'teams-at-premises',
    order.locationsWithoutTeam.length === 0 && order.teamsWithNowhere.length === 0,
    'Every location has a team, and every confirmed team a location or an RV point',
    capitalise(
      [
        order.locationsWithoutTeam.length && `allocate a team to ${list(order.locationsWithoutTeam)}`,
        order.teamsWithNowhere.length && `allocate ${list(order.teamsWithNowhere)} to a location, or give it an RV point`,
      ]
        .filter(Boolean)
        .join('; '),
    ),
    false,
  );
  const commsProblems = [
    !order.radioChannel && 'the radio channel or talkgroup',
    !order.controlRoomNumber && 'the control room number',
  ].filter(Boolean);
  check(
    'communications',
    commsProblems.length === 0,
    'Radio channel and control room number set',
    `Record ${commsProblems.join(' and ')}`,
    false,
  );

  const victims = facts.expectedPotentialVictims > 0;
  check(
    'first-responders',
    !victims || order.firstResponderCount > 0,
    victims ? `${plural(order.firstResponderCount, 'NRM first responder')} named` : 'No potential victims expected',
    'Potential victims are expected: name the NRM first responders for the day',
    false,
  );
  const covered = new Set(order.interpreterLanguages.map((language) => language.toLowerCase()));
  const uncovered = facts.languages.filter((language) => !covered.has(language.toLowerCase()));
  check(
    'interpreters',
    uncovered.length === 0,
    facts.languages.length ? 'An interpreter for every language expected' : 'No languages needed',
    `Book an interpreter for ${list(uncovered)}`,
    false,
  );
  check(
    'medical-cover',
    !victims || Boolean(order.medicalCover?.trim()),
    victims ? 'Medical cover arranged' : 'No potential victims expected',
    'Arrange medical cover for the potential victims',
    false,
  );
  const strikes = order.locations.flatMap((l) => (l.strikeAt ? [{ label: l.label, at: l.strikeAt }] : []));
  const reception = order.reception;
  const closed = reception ? strikes.filter((s) => s.at < reception.opensAt || s.at > reception.closesAt) : strikes;
  check(
    'reception-hours',
    !victims || (reception !== null && closed.length === 0),
    victims && reception
      ? `The reception centre is open ${ukClock(reception.opensAt)} to ${ukClock(reception.closesAt)}, covering every strike`
      : 'No potential victims expected',
    reception
      ? `The reception centre is closed at the strike time of ${list(closed.map((s) => `${s.label} (${ukClock(s.at)})`))}`
      : 'Record the reception centre’s opening hours on the day',
    false,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
