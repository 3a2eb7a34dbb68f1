import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';

/** What a unique, exclusion, check or foreign-key constraint means to a person. */
const CONSTRAINT_ERRORS: Record<string, { code: DomainError['code']; message: string; field?: string }> = {
  uq_agencies_code: { code: 'CONFLICT', message: 'An agency with this code already exists' },
  uq_users_email: { code: 'CONFLICT', message: 'A user with this email already exists' },
  uq_teams_agency_name: { code: 'CONFLICT', message: 'This agency already has a team with this name' },
  uq_policy_rules_kind_role: { code: 'CONFLICT', message: 'There is already a rule for this kind of agency and role' },
  ck_policy_rules_cps_never: {
    code: 'VALIDATION_FAILED',
    message: 'The CPS takes part through early involvement only, never as the lead or with teams',
  },
  ck_users_cps_liaison_agency: { code: 'VALIDATION_FAILED', message: 'Only users of the Crown Prosecution Service can be CPS liaisons' },
  ck_day_log_entries_open: {
    code: 'INVALID_TRANSITION',
    message: 'The day’s log is open only while the day of action is under way, and for 72 hours after it ends',
  },
  ck_day_log_entries_append_only: {
    code: 'INVALID_TRANSITION',
    message: 'The day’s log is kept as written: correct an entry with a new one',
  },
  ck_day_log_entries_location: { code: 'VALIDATION_FAILED', message: 'Choose one of this plan’s locations', field: 'locationId' },
  ck_day_log_entries_corrects: {
    code: 'VALIDATION_FAILED',
    message: 'A correction is of an entry of this plan’s log of the same kind and at the same premises',
    field: 'correctsId',
  },
  ck_day_log_entries_happened: { code: 'VALIDATION_FAILED', message: 'The time it happened cannot be in the future', field: 'happenedAt' },
  ck_day_log_entries_happened_early: {
    code: 'VALIDATION_FAILED',
    message: 'The time it happened cannot be more than a day before the day of action',
    field: 'happenedAt',
  },
  ck_operations_window: { code: 'VALIDATION_FAILED', message: 'The end must be after the start' },
  ck_operations_window_length: { code: 'VALIDATION_FAILED', message: 'A day of action may last at most 72 hours' },
  ck_operation_locations_postcode: { code: 'VALIDATION_FAILED', message: 'The postcode must be a UK postcode, like B11 1AA' },
  fk_operations_lead_agency: { code: 'NOT_FOUND', message: 'The agency does not exist' },
  ck_deployments_headcount: { code: 'VALIDATION_FAILED', message: 'The number of officers must be at least 1' },
  ck_deployments_window: { code: 'VALIDATION_FAILED', message: 'A team’s time on the plan must end after it starts' },
  ck_operations_four_eyes: {
    code: 'SELF_APPROVAL',
    message: 'Four eyes: nobody approves a plan they created; another manager must review it',
  },
  ex_deployments_team_window: { code: 'TEAM_DOUBLE_BOOKED', message: 'The team is already deployed at that time' },
  ck_operations_briefing_in_window: { code: 'VALIDATION_FAILED', message: 'The briefing must be inside the plan’s window' },
  ck_operations_debrief_in_window: { code: 'VALIDATION_FAILED', message: 'The debrief must be inside the plan’s window' },
  ck_operations_briefing_before_debrief: { code: 'VALIDATION_FAILED', message: 'The briefing must come before the debrief' },
  ck_operations_reception_hours: {
    code: 'VALIDATION_FAILED',
    message: 'The reception centre must open before it closes, with both times given',
  },
  ck_operations_times_in_window: {
    code: 'VALIDATION_FAILED',
    message: 'An RV or strike time would fall outside the new window: change it first',
  },
  ck_rv_points_in_window: { code: 'VALIDATION_FAILED', message: 'The RV time must be inside the plan’s window' },
  ck_operation_locations_in_window: { code: 'VALIDATION_FAILED', message: 'A strike time must be inside the plan’s window' },
  ck_operation_locations_warrant: { code: 'VALIDATION_FAILED', message: 'A warrant needs its type, issuing court, reference and expiry' },
  uq_rv_points_name: { code: 'CONFLICT', message: 'The plan already has an RV point with this name' },
  fk_deployment_locations_location: {
    code: 'VALIDATION_FAILED',
    message: 'Each location a team is allocated to must be one of this plan’s locations',
    field: 'locationIds',
  },
  fk_deployments_rv_point: { code: 'NOT_FOUND', message: 'The RV point is not one of this plan’s' },
  fk_teams_agency: { code: 'NOT_FOUND', message: 'The agency does not exist' },
  fk_users_agency: { code: 'NOT_FOUND', message: 'The agency does not exist' },
  fk_plan_section_grants_agency: { code: 'NOT_FOUND', message: 'The agency does not exist' },
  ck_plan_section_grants_intelligence: {
    code: 'SHARING_NOT_PERMITTED',
    message: 'A plan’s intelligence is never shared with a victim-support or local-authority agency',
  },
  ck_operations_classification: {
    code: 'VALIDATION_FAILED',
    message: 'Mark the plan OFFICIAL or OFFICIAL-SENSITIVE: material classified SECRET or above must not be held in this system',
  },
};

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
];

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

function driverErrorOf(error: unknown): DriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as DriverError;
  if (error instanceof Error) return error as DriverError;
  return undefined;
}

/** Postgres said the database can't serve right now: down, restarting, out of connections, too slow. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a transaction's connection when Postgres drops it; the next query of that transaction
  // (its COMMIT too, when the connection drops just before it) then fails one of these ways.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError) return true;
  const driverError = driverErrorOf(error);
  if (!driverError) return false;
  const code = driverError.code ?? '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code === '57014') return true;
  const message = driverError.message ?? '';
  return UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}

export function isSerializationFailure(error: unknown): boolean {
  const code = driverErrorOf(error)?.code;
  return code === '40001' || code === '40P01';
}

export function pgErrorCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as DriverError).code : undefined;
}

export function constraintOf(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as DriverError).constraint : undefined;
}

/**
 * The refusal a named constraint of ours stands for (a team at premises of another plan, a double booking),
 * in the words written for it: a rule the person can act on. Undefined for any other failure.
 */
export function knownConstraintRefusal(error: unknown): DomainError | undefined {
  const constraint = constraintOf(error);
  if (!constraint || !CONSTRAINT_ERRORS[constraint]) return undefined;
  const known = CONSTRAINT_ERRORS[constraint];
  // A constraint that stands for one field's rule names the field as a validation failure does.
  const fields = known.field ? { fields: [{ field: known.field, problems: [known.message] }] } : {};
  return new DomainError(known.code, known.message, { constraint, ...fields });
}

/** Turns a Postgres failure into the contract's error, or undefined when it is not one we know. */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) {
    return new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  if (isSerializationFailure(error)) {
    return new DomainError('CONFLICT', 'A concurrent change got in the way; reload and try again');
  }
  const known = knownConstraintRefusal(error);
  if (known) return known;
  const constraint = constraintOf(error);
  switch (pgErrorCode(error)) {
    case '23505':
      return new DomainError('CONFLICT', 'This would duplicate an existing record', { constraint });
    case '23503':
      return new DomainError('NOT_FOUND', 'A referenced record does not exist', { constraint });
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
      return new DomainError('VALIDATION_FAILED', 'The database refused a value as invalid', { constraint });
    default:
      return undefined;
  }
}
