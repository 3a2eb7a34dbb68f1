import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { domainErrorFromDatabase, isDatabaseUnavailable } from './pg-errors';

const failed = (driverError: object) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('failed'), driverError));

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['server shutting down (57P01)', failed({ code: '57P01' })],
    ['connection failure class 08', failed({ code: '08006' })],
    ['statement timeout (57014)', failed({ code: '57014' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a transaction whose connection was dropped', new QueryRunnerProviderAlreadyReleasedError()],
    ['a commit whose connection was dropped just before it', new QueryRunnerAlreadyReleasedError()],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(domainErrorFromDatabase(error)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it.each([
    ['a unique violation', failed({ code: '23505', constraint: 'uq_agencies_code' })],
    ['a syntax error', failed({ code: '42601' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
