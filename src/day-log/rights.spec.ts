import { logRefusal, mayRecord } from './rights';

describe('who records what in the day’s log', () => {
  const command = { writes: true, holds: true, confirmed: false, places: [] };
  const partner = { writes: true, holds: false, confirmed: true, places: ['car-wash'] };

  it('lets the plan’s command record every kind, at any place', () => {
    for (const kind of ['STATUS', 'DECISION', 'COUNT', 'MESSAGE'] as const) expect(mayRecord(kind, command, 'house')).toBe(true);
  });

  it('lets a partner with a confirmed team record status and counts only where its team is, messages anywhere, and no decision', () => {
    expect(mayRecord('STATUS', partner, 'car-wash')).toBe(true);
    expect(logRefusal('STATUS', partner, 'house')).toBe(
      'Only a team allocated to these premises, or the plan’s command, records what happens there',
    );
    expect(mayRecord('COUNT', partner, null)).toBe(true);
    expect(mayRecord('COUNT', partner, 'house')).toBe(false);
    expect(mayRecord('MESSAGE', partner, null)).toBe(true);
    expect(logRefusal('DECISION', partner, null)).toBe('Decisions are recorded by the plan’s command, at the agency that owns it');
  });

  it('lets nobody else record, and no one who is neither a coordinator nor a manager', () => {
    expect(logRefusal('MESSAGE', { ...partner, confirmed: false }, null)).toBe(
      'Only the agencies with a confirmed team on the plan write its day’s log',
    );
    expect(mayRecord('MESSAGE', { ...command, writes: false }, null)).toBe(false);
  });
});
