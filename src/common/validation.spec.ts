import { plainProblem, validationError } from './validation';

describe('problems with a request’s fields, in plain English', () => {
  it.each([
    ['endsAt', 'endsAt must be after startsAt', 'The end must be after the start'],
    [
      'communications.radioChannel',
      'radioChannel must be shorter than or equal to 200 characters',
      'The radio channel must be 200 characters or fewer',
    ],
    [
      'communications.radioChannel',
      'communications.radioChannel must not contain control characters',
      'The radio channel must not contain control characters',
    ],
    ['teamId', 'teamId must be a UUID', 'The team must be an id this service gave out'],
    [
      'safeguarding.expectedPotentialVictims',
      'expectedPotentialVictims must not be greater than 10000',
      'The number of potential victims expected must be 10000 or less',
    ],
    [
      'safeguarding.expectedPotentialVictims',
      'expectedPotentialVictims must be an integer number',
      'The number of potential victims expected must be a whole number',
    ],
    [
      'safeguarding.firstResponders',
      'each value in nested property firstResponders must be either object or array',
      'Each of the first responders must be a set of fields',
    ],
    [
      'risks.0.intelligenceDerived',
      'intelligenceDerived must be a boolean value',
      'Whether the risk is derived from intelligence must be true or false',
    ],
    [
      'cursor',
      'cursor is not one this API gave out; use nextCursor from the previous page',
      'The page is not one this API gave out; use the next page link from the previous page',
    ],
    ['q', 'q must not contain control characters', 'The search must not contain control characters'],
  ])('names %s by its label: "%s"', (field, text, plain) => {
    expect(plainProblem(field, text)).toEqual({ text: plain });
  });

  it('says which values a field takes in words, and lists the codes apart for programs', () => {
    expect(plainProblem('decision', 'decision must be APPROVE or REQUEST_CHANGES')).toEqual({
      text: 'The decision must be one of the values this field takes',
      allowed: ['APPROVE', 'REQUEST_CHANGES'],
    });
    expect(plainProblem('kind', 'kind must be one of PERSON, PHONE, VEHICLE, EMAIL')).toEqual({
      text: 'The kind must be one of the values this field takes',
      allowed: ['PERSON', 'PHONE', 'VEHICLE', 'EMAIL'],
    });
  });

  it('keeps a problem written for people as it is', () => {
    expect(plainProblem('locations.0.entry.warrant.expiresAt', 'Enter when the warrant expires')).toEqual({
      text: 'Enter when the warrant expires',
    });
  });

  it('never repeats the name of a field the request does not take', () => {
    expect(plainProblem('fooBar', 'property fooBar should not exist')).toEqual({
      text: 'This request does not take this field: leave it out',
    });
  });
});

describe('the refusal of an invalid request', () => {
  it('says each problem in words, keeping the field paths and codes in the details', () => {
    const error = validationError([
      { field: 'endsAt', problems: ['endsAt must be after startsAt'] },
      { field: 'scope', problems: ['Choose the scope of the day of action'], allowed: ['LOCAL', 'NATIONAL'] },
      { field: 'createdBy', problems: ['property createdBy should not exist'] },
      { field: 'approvedBy', problems: ['property approvedBy should not exist'] },
    ]);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      'The request is invalid: The end must be after the start; Choose the scope of the day of action; it has 2 fields this request does not take (details name them)',
    );
    expect(error.details).toEqual({
      fields: [
        { field: 'endsAt', problems: ['The end must be after the start'] },
        { field: 'scope', problems: ['Choose the scope of the day of action'], allowed: ['LOCAL', 'NATIONAL'] },
        { field: 'createdBy', problems: ['This request does not take this field: leave it out'] },
        { field: 'approvedBy', problems: ['This request does not take this field: leave it out'] },
      ],
    });
  });
});
