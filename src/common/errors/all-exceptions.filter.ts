import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorFromDatabase } from '../../database/pg-errors';
import { DomainError, ErrorBody } from './domain-error';
import { ErrorCode } from './error-code';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  406: 'VALIDATION_FAILED',
  409: 'CONFLICT',
  413: 'VALIDATION_FAILED',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors raised by Fastify itself (malformed JSON, body too large, bad content type) carry a 4xx statusCode. */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * The one place every error leaves the app: always {statusCode, code, message, details?}.
 * Unexpected errors are logged with the request id and answered as a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    this.adapterHost.httpAdapter.reply(context.getResponse<FastifyReply>(), body, body.statusCode);
  }

  toBody(exception: unknown, request: FastifyRequest | undefined): ErrorBody {
    if (exception instanceof DomainError) return this.fromDomain(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status];
      if (code) return { statusCode: status, code, message: messageOf(exception) };
    }
    const databaseError = domainErrorFromDatabase(exception);
    if (databaseError) {
      if (databaseError.code === 'SERVICE_UNAVAILABLE') {
        this.logger.warn({ msg: 'database unavailable', requestId: request?.id, error: String(exception) });
      }
      return this.fromDomain(databaseError);
    }
    const status = clientErrorStatus(exception);
    if (status) {
      const message = exception instanceof Error ? exception.message : 'The request could not be processed';
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED', message };
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
