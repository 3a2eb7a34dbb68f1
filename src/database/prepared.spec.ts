import { prepared } from './prepared';

type Named = { name: string; text: string };

describe('prepared', () => {
  const sql = 'SELECT id FROM operations WHERE id = $1';

  it('names a text the same way every time, and different texts differently', () => {
    const first = prepared(sql) as unknown as Named;
    expect((prepared(sql) as unknown as Named).name).toBe(first.name);
    expect((prepared(`${sql} AND status = $2`) as unknown as Named).name).not.toBe(first.name);
    expect(first.name.length).toBeLessThanOrEqual(63);
  });

  it('keeps the SQL as its text, and reads as the SQL when logged', () => {
    expect((prepared(sql) as unknown as Named).text).toBe(sql);
    expect(String(prepared(sql))).toBe(sql);
  });
});
