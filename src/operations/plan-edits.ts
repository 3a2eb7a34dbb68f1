import { FieldProblem, validationError } from '../common/validation';
import { LocationView, StoredLocationView } from './dto/operation.dto';
import { RiskDto } from './dto/order.dto';
import { OperationRow } from './operation-row';
import { timesOutsideWindow } from './order';
import { windowProblems } from './window';

/** The rules of editing a plan's content that need no database: what is compared, recorded and refused. */

/** Where a plan happens, whatever the locations are called or their order: a change here is material to partners. */
export function places(locations: LocationView[]): string {
  return JSON.stringify(locations.map(placeOf).sort());
}

function placeOf(location: LocationView): string {
  return `${location.postcode}|${location.address.toLowerCase()}`;
}

/** A location to store: with the id of the plan's location it keeps, or none for a new one. */
export type LocationToStore = LocationView & { id?: string };

/**
 * The new list of locations, each keeping the id of the plan's location at the same place (postcode
 * and address), so the teams allocated there stay allocated; a location at a new place is a new one.
 */
export function keepingIds(current: StoredLocationView[], next: LocationToStore[]): LocationToStore[] {
  const unclaimed = new Map(current.map((location) => [location.id, location]));
  const named = next.map((location) => (location.id && unclaimed.delete(location.id) ? location.id : undefined));
  return next.map((location, at) => {
    const id = named[at] ?? [...unclaimed.values()].find((candidate) => placeOf(candidate) === placeOf(location))?.id;
    if (id) unclaimed.delete(id);
    return { ...location, id };
  });
}

/** A location sent with an id names one of the plan's locations. */
export function locationIdProblems(current: StoredLocationView[], next: LocationToStore[]): FieldProblem[] {
  const known = new Set(current.map((location) => location.id));
  if (next.every((location) => !location.id || known.has(location.id))) return [];
  return [{ field: 'locations', problems: ['Each location’s id must be one of this plan’s locations; leave it out for a new location'] }];
}

/** A value of the plan's content as it is compared: keys in one order, and an empty text, a null and an absent value alike. */
function normalised(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalised);
  if (typeof value !== 'object') return value;
  const fields = Object.keys(value)
    .sort()
    .map((key): [string, unknown] => [key, normalised((value as Record<string, unknown>)[key])])
    .filter(([, field]) => field !== null);
  return Object.fromEntries(fields);
}

/**
 * Whether a field holds the same after a change as before: a change that changes nothing is not
 * made or recorded. Stored JSON comes back with its keys in the database's order, and a form
 * sends an empty text for what the plan holds as nothing.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

/** What an audit event records of the plan's editable fields. */
export function snapshot(row: OperationRow, locations: LocationView[], risks: RiskDto[]) {
  return {
    name: row.name,
    exploitationTypes: row.exploitationTypes,
    scope: row.scope,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    leadAgencyId: row.leadAgencyId,
    briefing: row.briefing,
    locations,
    safeguarding: {
      expectedPotentialVictims: row.expectedPotentialVictims,
      languages: row.safeguardingLanguages,
      receptionCentre: row.receptionCentre,
      receptionOpensAt: row.receptionOpensAt,
      receptionClosesAt: row.receptionClosesAt,
      medicalCover: row.medicalCover,
      firstResponders: row.firstResponders,
      interpreters: row.interpreters,
    },
    marking: { classification: row.classification, handlingInstruction: row.handlingInstruction },
    timings: { briefingAt: row.briefingAt, briefingPlace: row.briefingPlace, debriefAt: row.debriefAt },
    communications: { radioChannel: row.radioChannel, controlRoomNumber: row.controlRoomNumber },
    command: { gold: row.goldCommander, silver: row.silverCommander, sio: row.sioCommander },
    risks,
  };
}

/** A risk as the register stores it, every field present. */
export function storedRisk(risk: RiskDto): RiskDto {
  const { hazard, hazardDetail, likelihood, impact, controls, residual, owner, acceptedBy, intelligenceDerived } = risk;
  return {
    hazard,
    hazardDetail: hazardDetail ?? null,
    likelihood,
    impact,
    controls,
    residual,
    owner,
    acceptedBy: acceptedBy ?? null,
    intelligenceDerived: intelligenceDerived ?? false,
  };
}

/** Strike times, each checked against the window. */
export function strikeProblems(window: { startsAt: Date; endsAt: Date }, locations: LocationView[]): FieldProblem[] {
  return timesOutsideWindow(
    window,
    locations.map((location, index) => ({
      field: `locations.${index}.strikeAt`,
      what: `The strike time of ${location.label}`,
      at: location.strikeAt,
    })),
  );
}

/**
 * A register that holds risks derived from intelligence is sent back saying, of every risk, whether
 * it is one: left out, the mark would fall silently, and those risks would show to every agency on
 * the plan (R14a).
 */
export function assertIntelligenceKept(current: RiskDto[], sent: RiskDto[]): void {
  if (!current.some((risk) => risk.intelligenceDerived)) return;
  assertNoProblems(
    sent.flatMap((risk, index) =>
      risk.intelligenceDerived === undefined
        ? [
            {
              field: `risks.${index}.intelligenceDerived`,
              problems: [
                'Say whether this risk is derived from intelligence: the register holds risks that are, and they are shown only to those who see the intelligence',
              ],
            },
          ]
        : [],
    ),
  );
}

export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length) throw validationError(problems);
}

export function assertWindow(startsAt: Date, endsAt: Date): void {
  const problems = windowProblems(startsAt, endsAt);
  if (problems.length) throw validationError([{ field: 'endsAt', problems }]);
}
