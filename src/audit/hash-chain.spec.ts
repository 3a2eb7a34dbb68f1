import { canonicalJson, eventHash, firstBrokenLink, StoredEvent } from './hash-chain';

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      operationId: 'op-1',
      seq,
      action: `change-${seq}`,
      actorId: 'user-1',
      actorAgencyId: 'agency-1',
      at: new Date(Date.UTC(2027, 0, 1, 0, seq)).toISOString(),
      before: { name: `n${seq - 1}` },
      after: { name: `n${seq}`, nested: { b: 1, a: [1, 2] } },
      prevHash: events[seq - 2]?.hash ?? null,
    };
    events.push({ ...content, id: String(seq), hash: eventHash(content) });
  }
  return events;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('firstBrokenLink', () => {
  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(5))).toBeUndefined();
  });

  it('finds an event whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { name: 'forged' } };
    expect(firstBrokenLink(events)).toMatchObject({ eventId: '3', seq: 3, problem: expect.stringContaining('content does not match') });
  });

  it('finds an event whose hash was recomputed to hide a change (the next link breaks)', () => {
    const events = chain(5);
    const { id: _id, hash: _hash, ...content } = { ...events[1], after: { name: 'forged' } };
    events[1] = { ...events[1], after: { name: 'forged' }, hash: eventHash(content) };
    expect(firstBrokenLink(events)).toMatchObject({ eventId: '3', problem: expect.stringContaining('does not point') });
  });

  it('finds a missing event', () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(firstBrokenLink(events)).toMatchObject({ eventId: '4', problem: expect.stringContaining('missing') });
  });
});
