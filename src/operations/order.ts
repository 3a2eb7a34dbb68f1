import { NRM_FIRST_RESPONDER_KINDS } from '../common/domain';
import type { AgencyKind, Hazard, RiskRating } from '../common/domain';
import { label } from '../common/labels';
import { FieldProblem } from '../common/validation';
import { ukDateTime } from '../common/uk-time';
import type { LocationDto } from './dto/operation.dto';
import type { LocationView } from './dto/operation.dto';
import type { CommanderDto, CommanderView } from './dto/order.dto';

/** The operational order's rules that need no database: canonical forms and times inside the window. */

const iso = (at: string | null | undefined): string | null => (at ? new Date(at).toISOString() : null);

/** A commander as stored and shown: only their own fields, in a fixed order; none when not named. */
export function canonicalCommander(commander: CommanderDto | null | undefined): CommanderView | null {
  return commander ? { name: commander.name, rankOrGrade: commander.rankOrGrade, agency: commander.agency, phone: commander.phone } : null;
}

/** A location as it is stored and shown: every field present, instants in UTC, only the entry details its basis needs. */
export function canonicalLocation(location: LocationDto): LocationView {
  const entry = location.entry;
  return {
    label: location.label,
    address: location.address,
    postcode: location.postcode,
    strikeAt: iso(location.strikeAt),
    entry: entry
      ? {
          basis: entry.basis,
          warrant:
            entry.basis === 'WARRANT' && entry.warrant
              ? {
                  type: entry.warrant.type,
                  court: entry.warrant.court,
                  reference: entry.warrant.reference,
                  expiresAt: iso(entry.warrant.expiresAt) as string,
                }
              : null,
          power: entry.basis === 'STATUTORY_POWER' ? (entry.power ?? null) : null,
        }
      : null,
    siteCommander: canonicalCommander(location.siteCommander),
  };
}

export interface Window {
  startsAt: Date;
  endsAt: Date;
}

/** The problems of each time of the day that falls outside the window, by field. */
export function timesOutsideWindow(
  window: Window,
  times: { field: string; what: string; at: string | Date | null | undefined }[],
): FieldProblem[] {
  const span = `${ukDateTime(window.startsAt)} to ${ukDateTime(window.endsAt)}`;
  return times.flatMap(({ field, what, at }) => {
    if (!at) return [];
    const moment = new Date(at);
    return moment < window.startsAt || moment > window.endsAt
      ? [{ field, problems: [`${what} must be inside the plan’s window, ${span}`] }]
      : [];
  });
}

/** Whether officers of an agency of this kind may refer a potential victim into the NRM. */
export function isFirstResponder(kind: AgencyKind): boolean {
  return NRM_FIRST_RESPONDER_KINDS.includes(kind);
}

/** A residual rating a senior officer must accept, by name, before the plan goes for review. */
export function needsSeniorAcceptance(residual: RiskRating): boolean {
  return residual === 'HIGH';
}

/** A risk whose residual rating needs a senior officer's acceptance, and has none yet. */
export function awaitsAcceptance(risk: { residual: RiskRating; acceptedBy?: string | null }): boolean {
  return needsSeniorAcceptance(risk.residual) && !risk.acceptedBy?.trim();
}

const RESIDUAL_ORDER: Record<RiskRating, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** The risk register as it is read: the highest residual risk first, then the highest score, else as entered. */
export function registerOrder<T extends { residual: RiskRating; score: number }>(risks: T[]): T[] {
  return [...risks].sort((a, b) => RESIDUAL_ORDER[a.residual] - RESIDUAL_ORDER[b.residual] || b.score - a.score);
}

/** A risk's hazard in words: the description given for Other. */
export function hazardName(risk: { hazard: Hazard; hazardDetail?: string | null }): string {
  return risk.hazard === 'OTHER' ? risk.hazardDetail || label('hazard', 'OTHER') : label('hazard', risk.hazard);
}
