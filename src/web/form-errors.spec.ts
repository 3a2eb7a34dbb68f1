import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { formErrors, refusalOf } from './form-errors';

/** A failure as the Postgres driver reports it, wrapped by TypeORM. */
const refusedBy = (constraint: string, code = '23503') =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(`violates "${constraint}"`), { code, constraint }));

describe('refusals answered on a form', () => {
  it('answers a constraint the API names a field for against that field', () => {
    const refusal = refusalOf(refusedBy('fk_deployment_locations_location'));
    expect(refusal).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(formErrors(refusal, { id: (field) => field, messages: { locationIds: 'Select only premises of this plan' } })).toEqual([
      { field: 'locationIds', text: 'Select only premises of this plan' },
    ]);
  });

  it('answers a domain rule on the form, and leaves a missing record, a signed-out user and a fault to the error page', () => {
    const rule = new DomainError('VALIDATION_FAILED', 'The end must be after the start');
    expect(refusalOf(rule)).toBe(rule);
    expect(refusalOf(DomainError.notFound('Plan', 'OP-1'))).toBeUndefined();
    expect(refusalOf(new DomainError('UNAUTHENTICATED', 'Sign in'))).toBeUndefined();
    expect(refusalOf(refusedBy('fk_teams_agency'))).toBeUndefined();
    expect(refusalOf(refusedBy('some_constraint', '42P01'))).toBeUndefined();
    expect(refusalOf(new Error('a bug'))).toBeUndefined();
  });

  it('leaves to the error page a value the database refused that no rule of ours names, and a concurrent change that outlasted its retries', () => {
    expect(refusalOf(refusedBy('operations_name_not_null', '23502'))).toBeUndefined();
    expect(refusalOf(refusedBy('', '22P02'))).toBeUndefined();
    expect(refusalOf(refusedBy('', '40001'))).toBeUndefined();
  });
});
