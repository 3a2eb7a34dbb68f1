import {
  HttpException,
  MethodNotAllowedException,
  NotAcceptableException,
  RequestTimeoutException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '../common/errors/domain-error';
import { AllExceptionsFilter, codeForStatus } from './all-exceptions.filter';

describe('the error filter', () => {
  const filter = new AllExceptionsFilter({} as HttpAdapterHost);
  const body = (exception: unknown) => filter.toBody(exception, undefined);

  it.each([
    [new MethodNotAllowedException(), 405, 'METHOD_NOT_ALLOWED'],
    [new NotAcceptableException(), 406, 'NOT_ACCEPTABLE'],
    [new RequestTimeoutException(), 408, 'REQUEST_TIMEOUT'],
    [new UnprocessableEntityException('Not processable'), 422, 'UNPROCESSABLE_ENTITY'],
    [new HttpException('Too early', 425), 425, 'TOO_EARLY'],
  ])('keeps the status of a framework client error (%s), with a code that names it', (exception, status, code) => {
    expect(body(exception)).toMatchObject({ statusCode: status, code });
  });

  it('keeps the status of an error raised by Fastify or a plugin', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    const unsupported = Object.assign(new Error('Unsupported Media Type: application/xml'), { statusCode: 415 });
    expect(body(tooLarge)).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' });
    expect(body(unsupported)).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('uses the contract’s own codes where they name the status better', () => {
    expect([400, 401, 403, 404, 409, 429, 503].map(codeForStatus)).toEqual([
      'VALIDATION_FAILED',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ]);
  });

  it('answers a domain error as it says, and anything unexpected as a bare 500', () => {
    expect(body(new DomainError('NOT_READY', 'Choose a lead', { checks: [] }))).toEqual({
      statusCode: 422,
      code: 'NOT_READY',
      message: 'Choose a lead',
      details: { checks: [] },
    });
    expect(body(new Error('secret internals'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; quote request id unknown when reporting it',
    });
  });
});
