import type { FieldProblem } from '../common/validation';

export interface Outcomes {
  arrests: number;
  potentialVictimsSafeguarded: number;
  nrmReferrals: number;
  premisesVisited: number;
}

/** Outcomes that cannot all be true together: every NRM referral is of a potential victim the day safeguarded. */
export function outcomeProblems(outcomes: Outcomes): FieldProblem[] {
  if (outcomes.nrmReferrals <= outcomes.potentialVictimsSafeguarded) return [];
  return [
    {
      field: 'outcomes.nrmReferrals',
      problems: [
        `NRM referrals (${outcomes.nrmReferrals}) cannot be more than the potential victims safeguarded (${outcomes.potentialVictimsSafeguarded}); correct one of them`,
      ],
    },
  ];
}
