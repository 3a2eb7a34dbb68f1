import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorBody } from '../common/errors/domain-error';
import { domainErrorFromDatabase } from '../database/pg-errors';

/** The contract's codes for statuses whose plain name would say less. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  429: 'RATE_LIMITED',
};

/** A code that names an HTTP status: the contract's where it has one, else the status's own name (413 → PAYLOAD_TOO_LARGE). */
export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z]+/g, '_');
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** The status of an error that carries one: Nest's HttpException, or an error raised by Fastify or a plugin (malformed JSON, body too large). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The one place every error leaves the app: always {statusCode, code, message, details?}.
 * A client error keeps its status, with a code that names it; unexpected errors are logged
 * with the request id and answered as a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    this.replyJson(exception, host);
  }

  /** The error in the contract's JSON shape. */
  protected replyJson(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    this.adapterHost.httpAdapter.reply(context.getResponse<FastifyReply>(), body, body.statusCode);
  }

  toBody(exception: unknown, request: FastifyRequest | undefined): ErrorBody {
    if (exception instanceof DomainError) return this.fromDomain(exception);
    const databaseError = domainErrorFromDatabase(exception);
    if (databaseError) {
      if (databaseError.code === 'SERVICE_UNAVAILABLE') {
        this.logger.warn({ msg: 'database unavailable', requestId: request?.id, error: String(exception) });
      }
      return this.fromDomain(databaseError);
    }
    const status = statusOf(exception);
    if (status && ((status >= 400 && status < 500) || status === 503)) {
      const message =
        exception instanceof HttpException
          ? messageOf(exception)
          : exception instanceof Error
            ? exception.message
            : (STATUS_CODES[status] ?? 'Error');
      return { statusCode: status, code: codeForStatus(status), message };
    }
    this.logger.error({
      msg: 'unexpected error',
      requestId: request?.id,
      method: request?.method,
      url: request?.url,
      error: exception instanceof Error ? exception.message : String(exception),
      stack: exception instanceof Error ? exception.stack : undefined,
    });
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: `Something went wrong on our side; quote request id ${request?.id ?? 'unknown'} when reporting it`,
    };
  }

  private fromDomain(error: DomainError): ErrorBody {
    const body: ErrorBody = { statusCode: error.statusCode, code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return body;
  }
}
