import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where code of each kind lives (the dependency rules themselves are in .dependency-cruiser.cjs, run by `npm test`). */
const SRC = join(__dirname, '../../src');

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files(SRC).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
const where = (file: string) => relative(join(SRC, '..'), file);

describe('the shape of src/', () => {
  it('keeps SQL in repositories, shared SQL fragments (*.sql.ts), migrations and the database infrastructure', () => {
    const allowed = (file: string) => /\.(repository|sql)\.ts$/.test(file) || where(file).startsWith('src/database/');
    const offenders = sources
      .filter((file) => !allowed(file) && /\b(SELECT|INSERT|UPDATE|DELETE)\b/.test(readFileSync(file, 'utf8')))
      .map(where);
    expect(offenders).toEqual([]);
  });

  /**
   * A service's size as its code, comments and whitespace aside, so that formatting does not move it:
   * 12,000 characters is what the 260 lines allowed before held, at up to 200 columns; Prettier's 140
   * columns spread the same code over a fifth more lines.
   */
  it('keeps every service at about 12,000 characters of code or fewer', () => {
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s+/g, '').length;
    const long = sources
      .filter((file) => file.endsWith('.service.ts'))
      .map((file) => ({ file: where(file), characters: code(readFileSync(file, 'utf8')) }))
      .filter(({ characters }) => characters > 12_000);
    expect(long).toEqual([]);
  });
});
