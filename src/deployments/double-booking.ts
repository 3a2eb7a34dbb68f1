import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ukDate } from '../common/uk-time';
import { SqlParams } from '../database/sql-params';
import { visibleTo } from '../operations/visibility';

export interface Booking {
  teamIds: string[];
  operationId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * R5's refusal, after the exclusion constraint over confirmed deployments said no: names the
 * other operation and its window only when the caller may see it (R13/R14), otherwise only the day.
 */
export async function doubleBookingError(manager: EntityManager, viewer: AuthUser, booking: Booking): Promise<DomainError> {
  const p = new SqlParams();
  const [clash] = await manager.query(
    `SELECT t.name AS "teamName", o.reference, d.starts_at AS "startsAt", d.ends_at AS "endsAt", ${visibleTo(viewer, p)} AS visible
       FROM deployments d
       JOIN operations o ON o.id = d.operation_id
       JOIN teams t ON t.id = d.team_id
      WHERE d.team_id = ANY(${p.add(booking.teamIds)}::uuid[])
        AND d.status = 'CONFIRMED'
        AND d.operation_id <> ${p.add(booking.operationId)}
        AND tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(${p.add(booking.startsAt)}, ${p.add(booking.endsAt)}, '[)')
      LIMIT 1`,
    p.values,
  );
  if (!clash) return new DomainError('TEAM_DOUBLE_BOOKED', 'The team is already deployed at that time; reload and try again');
  if (clash.visible) {
    return new DomainError(
      'TEAM_DOUBLE_BOOKED',
      `${clash.teamName} is already deployed on ${clash.reference} from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`,
      { team: clash.teamName, operation: clash.reference },
    );
  }
  // Of a plan the caller may not see, the day is enough to act on; its hours are not theirs to know.
  const days = [...new Set([ukDate(clash.startsAt), ukDate(new Date(clash.endsAt.getTime() - 1))])].join(' to ');
  return new DomainError('TEAM_DOUBLE_BOOKED', `${clash.teamName} is already deployed on another operation on ${days}`, { team: clash.teamName });
}
