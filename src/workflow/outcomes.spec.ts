import { outcomeProblems } from './outcomes';

describe('outcomes of a day of action', () => {
  const outcomes = { arrests: 2, potentialVictimsSafeguarded: 5, nrmReferrals: 5, premisesVisited: 3 };

  it('accepts as many NRM referrals as potential victims safeguarded, or fewer', () => {
    expect(outcomeProblems(outcomes)).toEqual([]);
    expect(outcomeProblems({ ...outcomes, nrmReferrals: 0 })).toEqual([]);
  });

  it('refuses more NRM referrals than potential victims safeguarded, naming both numbers', () => {
    expect(outcomeProblems({ ...outcomes, nrmReferrals: 6 })).toEqual([
      {
        field: 'outcomes.nrmReferrals',
        problems: ['NRM referrals (6) cannot be more than the potential victims safeguarded (5); correct one of them'],
      },
    ]);
  });
});
