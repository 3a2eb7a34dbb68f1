import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigValidationError, loadConfig } from './app-config';
import { malformedLines, readEnvFile } from './env-file';

/** What readEnvFile refuses; what it reads, and that the environment wins, is shown on the built app (test/e2e/env-file.e2e-spec.ts). */
describe('reading .env', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planner-env-file-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes .env.example copied to .env as it stands, as its first line says', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    expect(malformedLines(example)).toEqual([]);
    expect(loadConfig(parseEnv(example))).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('starts without a .env', () => {
    expect(() => readEnvFile(join(dir, '.env'))).not.toThrow();
  });

  it('refuses a file with lines that are not NAME=value, naming each line but not what it holds', async () => {
    await writeFile(join(dir, '.env'), `PORT=3000\nJWT_SECRET a-secret-value\n=nameless\n# fine\nDB POOL=3\n`);
    let error: unknown;
    try {
      readEnvFile(join(dir, '.env'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toContain('line 2 is not NAME=value');
    expect((error as Error).message).not.toContain('a-secret-value');
    expect(malformedLines(`PORT=3000\r\nJWT_SECRET a-secret-value\r\n=nameless\r\n# fine\r\nDB POOL=3\r\n`)).toEqual([2, 3, 5]);
  });

  it('refuses a .env it cannot read, saying what to do', async () => {
    await mkdir(join(dir, '.env'));
    expect(() => readEnvFile(join(dir, '.env'))).toThrow(/^Could not read .*\.env: EISDIR.*Fix or remove it/);
  });
});
