import { constants, identifier, join, named, sql } from './sql';

describe('the sql tag', () => {
  it('makes each value a numbered parameter', () => {
    expect(sql`SELECT * FROM operations WHERE id = ${'a'} AND version = ${3}`.compile()).toEqual({
      text: 'SELECT * FROM operations WHERE id = $1 AND version = $2',
      values: ['a', 3],
    });
  });

  it('inlines fragments with their own parameters, renumbered, so a parameter exists only where it is used', () => {
    const visible = sql`o.created_by_agency_id = ${'agency'}`;
    const filters = join([sql`o.status = ${'DRAFT'}`, visible], ' AND ');
    expect(sql`SELECT o.id FROM operations o WHERE o.id = ${'x'} AND ${filters} LIMIT ${5}`.compile()).toEqual({
      text: 'SELECT o.id FROM operations o WHERE o.id = $1 AND o.status = $2 AND o.created_by_agency_id = $3 LIMIT $4',
      values: ['x', 'DRAFT', 'agency', 5],
    });
    expect(sql`SELECT 1 WHERE ${join([], ' AND ')}true`.compile()).toEqual({ text: 'SELECT 1 WHERE true', values: [] });
  });

  it('never splices a value into the text, whatever it holds', () => {
    const hostile = "'; DROP TABLE operations; --";
    expect(sql`SELECT ${hostile}`.compile()).toEqual({ text: 'SELECT $1', values: [hostile] });
  });

  it('takes identifiers only as plain names', () => {
    type Column = 'starts_at' | 'o.name';
    expect(sql`UPDATE operations SET ${identifier<Column>('starts_at')} = ${1}`.compile().text).toBe(
      'UPDATE operations SET starts_at = $1',
    );
    expect(() => identifier('name; DROP TABLE x' as 'starts_at')).toThrow('not an SQL identifier');
  });

  it('names a statement by its text: the same text the same name, another text another', () => {
    const first = named(sql`SELECT ${1}`);
    expect(named(sql`SELECT ${2}`).name).toBe(first.name);
    expect(named(sql`SELECT ${1}, ${2}`).name).not.toBe(first.name);
    expect(first.name.length).toBeLessThanOrEqual(63);
    expect(first).toMatchObject({ text: 'SELECT $1', values: [1] });
  });

  it('writes vocabulary constants as literals, and only words of capitals', () => {
    expect(sql`d.status IN (${constants(['REQUESTED', 'CONFIRMED'])}) AND d.id = ${'x'}`.compile()).toEqual({
      text: "d.status IN ('REQUESTED', 'CONFIRMED') AND d.id = $1",
      values: ['x'],
    });
    expect(() => constants(["A'); DROP TABLE x; --"])).toThrow('not a vocabulary constant');
  });
});
