import { DomainError } from '../common/errors/domain-error';
import { Clash } from './deployment.repository';
import { ukDateTime, ukDay } from '../common/uk-time';

/**
 * R5's refusal, after the exclusion constraint over confirmed deployments said no: names the
 * other operation and its window only when the caller may see it (R13/R14), otherwise only the day.
 */
export function doubleBookingError(clash: Clash | undefined): DomainError {
  if (!clash) return new DomainError('TEAM_DOUBLE_BOOKED', 'The team is already deployed at that time; reload and try again');
  if (clash.visible) {
    return new DomainError(
      'TEAM_DOUBLE_BOOKED',
      `${clash.teamName} is already deployed on ${clash.reference} from ${ukDateTime(clash.startsAt)} to ${ukDateTime(clash.endsAt)}`,
      { team: clash.teamName, operation: clash.reference },
    );
  }
  // Of a plan the caller may not see, the day is enough to act on; its hours are not theirs to know.
  const days = [...new Set([ukDay(clash.startsAt), ukDay(new Date(clash.endsAt.getTime() - 1))])].join(' to ');
  return new DomainError('TEAM_DOUBLE_BOOKED', `${clash.teamName} is already deployed on another operation on ${days}`, {
    team: clash.teamName,
  });
}
