import { inOrder } from './premises-moves';

describe('a premises’ status moves', () => {
  it('in order one step at a time, from nothing recorded through to clear', () => {
    expect(inOrder(null, 'TEAM_AT_RV')).toBe(true);
    expect(inOrder('TEAM_AT_RV', 'ENTRY_MADE')).toBe(true);
    expect(inOrder('ENTRY_MADE', 'SEARCH_UNDER_WAY')).toBe(true);
    expect(inOrder('SEARCH_UNDER_WAY', 'CLEAR')).toBe(true);
  });

  it('stands down from any step before it is clear', () => {
    expect(inOrder(null, 'STOOD_DOWN')).toBe(true);
    expect(inOrder('ENTRY_MADE', 'STOOD_DOWN')).toBe(true);
  });

  it('is out of order when a step is skipped, goes back, repeats, or moves after the end', () => {
    expect(inOrder(null, 'ENTRY_MADE')).toBe(false);
    expect(inOrder('SEARCH_UNDER_WAY', 'TEAM_AT_RV')).toBe(false);
    expect(inOrder('ENTRY_MADE', 'ENTRY_MADE')).toBe(false);
    expect(inOrder('CLEAR', 'STOOD_DOWN')).toBe(false);
    expect(inOrder('STOOD_DOWN', 'TEAM_AT_RV')).toBe(false);
  });
});
