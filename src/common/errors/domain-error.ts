import { ErrorCode, httpStatusOf } from './error-code';

/** The one error type services throw; the global filter turns it into the contract's shape. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get statusCode(): number {
    return httpStatusOf(this.code);
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError('NOT_FOUND', id ? `${what} ${id} was not found` : `${what} was not found`);
  }

  static forbidden(message: string): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  /** R10: `what` is no longer at the version the client saw. */
  static staleVersion(what: string, seen: number, current?: number): DomainError {
    return new DomainError(
      'VERSION_CONFLICT',
      `${what} has changed since version ${seen}${current ? ` (it is now at version ${current})` : ''}; reload it and apply your change again`,
      current ? { yourVersion: seen, currentVersion: current } : { yourVersion: seen },
    );
  }
}

export interface ErrorBody {
  statusCode: number;
  /** An ErrorCode; for an HTTP-level client error, the name of its status (PAYLOAD_TOO_LARGE). */
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
