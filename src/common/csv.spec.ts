import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it.each(['=SUM(A1:A2)', '+44 7700 900123', '-1+1', '@cmd', '\tTAB', '\rCR'])('neutralises %j so no spreadsheet runs it', (value) => {
    expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
  });

  it('quotes what must be quoted, doubling quotes', () => {
    expect(csvCell('Car wash, rear unit')).toBe('"Car wash, rear unit"');
    expect(csvCell('He said "go"')).toBe('"He said ""go"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('starts with a byte order mark and ends each row with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x', 1]])).toBe('\uFEFFa,b\r\nx,1\r\n');
  });
});
