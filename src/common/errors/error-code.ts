/** The stable, machine-readable error codes of the contract (DESIGN §4). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SELF_APPROVAL',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'TEAM_DOUBLE_BOOKED',
  'LEAD_NOT_PERMITTED',
  'SUPPORT_NOT_PERMITTED',
  'CAPACITY_EXCEEDED',
  'TEAM_NOT_DEPLOYED',
  'POWER_NOT_HELD',
  'SHARING_NOT_PERMITTED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_READY',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes an error body carries that no service throws: HTTP-level refusals, named after their
 * status by the exception filter (a body over the size limit, or sent as a type no route reads).
 */
export const HTTP_ERROR_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const;

/** Every code a client may find in an error body: the enum of the OpenAPI document's ErrorBody. */
export const RESPONSE_ERROR_CODES = [...ERROR_CODES, ...HTTP_ERROR_CODES] as const;

function assertUnreachable(code: never): never {
  throw new Error(`Unmapped error code ${String(code)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'SELF_APPROVAL':
    case 'PASSWORD_CHANGE_REQUIRED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'VERSION_CONFLICT':
    case 'INVALID_TRANSITION':
    case 'TEAM_DOUBLE_BOOKED':
      return 409;
    case 'LEAD_NOT_PERMITTED':
    case 'SUPPORT_NOT_PERMITTED':
    case 'CAPACITY_EXCEEDED':
    case 'TEAM_NOT_DEPLOYED':
    case 'POWER_NOT_HELD':
    case 'SHARING_NOT_PERMITTED':
    case 'NOT_READY':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL_ERROR':
      return 500;
    default:
      return assertUnreachable(code);
  }
}
