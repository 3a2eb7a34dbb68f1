import { randomBytes } from 'node:crypto';
import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('fills in the defaults of DESIGN §5', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './.data', NODE_ENV: 'development' });
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  const secret = randomBytes(32).toString('hex');
  const matchKey = randomBytes(32).toString('hex');
  const external = { DATABASE_URL: 'postgres://db/x', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey };

  it('seeds demo data by default only for the embedded database', () => {
    expect(loadConfig(external).seedDemo).toBe(false);
    expect(loadConfig({ ...external, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'off' }).seedDemo).toBe(false);
  });

  it.each(['development', 'test', 'production'])(
    'refuses DATABASE_URL without SUBJECT_MATCH_KEY or JWT_SECRET in %s: a generated key belongs only beside the embedded database',
    (mode) => {
      const named = (variable: string) =>
        mode === 'production' ? `${variable} is required when NODE_ENV=production` : `${variable} is required with DATABASE_URL`;
      expect(() => loadConfig({ ...external, NODE_ENV: mode, SUBJECT_MATCH_KEY: '' })).toThrow(
        `- SUBJECT_MATCH_KEY: ${named('SUBJECT_MATCH_KEY')}`,
      );
      expect(() => loadConfig({ ...external, NODE_ENV: mode, JWT_SECRET: undefined })).toThrow(`- JWT_SECRET: ${named('JWT_SECRET')}`);
    },
  );

  it('says why a shared database needs the keys, and how to make one, with every other problem', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'postgres://db/x', PORT: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    const message = (error as Error).message;
    expect(message).toContain('- PORT:');
    expect(message).toContain(
      '- SUBJECT_MATCH_KEY: SUBJECT_MATCH_KEY is required with DATABASE_URL: every instance on that database must match subjects under the same key',
    );
    expect(message).toContain(
      '- JWT_SECRET: JWT_SECRET is required with DATABASE_URL: every instance on that database must sign tokens with the same secret',
    );
    expect(message).toContain('openssl rand -hex 32');
  });

  it('leaves both keys to be generated beside the embedded database, outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.JWT_SECRET).toBeUndefined();
    expect(config.SUBJECT_MATCH_KEY).toBeUndefined();
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, and refuses true in production saying what to set instead', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey, SEED_DEMO: 'false' };
    expect(() => loadConfig({ ...production, TRUST_PROXY: 'true' })).toThrow(
      '- TRUST_PROXY: TRUST_PROXY=true lets any client choose the address it is counted by; set the number of proxies in front of the app (for example 1), or their addresses',
    );
    expect(loadConfig({ ...production, TRUST_PROXY: '1' }).trustProxy).toEqual(expect.any(Function));
    expect(loadConfig({ ...production, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.5, 10.1.0.0/16');
    expect(loadConfig({ ...production }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY must be');
  });

  it('trusts as many proxies as the hop count says, and no more', () => {
    const trusted = loadConfig({ TRUST_PROXY: '2' }).trustProxy as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trusted('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('requires a random JWT_SECRET of 32 bytes or more in production, not one published in the repository', () => {
    const production = { NODE_ENV: 'production', SUBJECT_MATCH_KEY: matchKey };
    expect(() => loadConfig(production)).toThrow('JWT_SECRET is required when NODE_ENV=production');
    expect(() => loadConfig({ ...production, JWT_SECRET: 'x'.repeat(32) })).toThrow(
      'JWT_SECRET must carry at least 32 bytes of randomness',
    );
    expect(() => loadConfig({ ...production, JWT_SECRET: 'x'.repeat(64) })).toThrow('JWT_SECRET is not random enough');
    expect(() => loadConfig({ ...production, JWT_SECRET: 'change-me-to-a-long-random-secret-of-32-chars-or-more' })).toThrow(
      'JWT_SECRET is published in the repository',
    );
    expect(loadConfig({ ...production, JWT_SECRET: secret, SEED_DEMO: 'false' }).JWT_SECRET).toBe(secret);
  });

  it('requires a random SUBJECT_MATCH_KEY in production, so subjects are matched under a key nobody else holds', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: secret, SEED_DEMO: 'false' };
    expect(() => loadConfig(production)).toThrow('SUBJECT_MATCH_KEY is required when NODE_ENV=production');
    expect(() => loadConfig({ ...production, SUBJECT_MATCH_KEY: 'y'.repeat(64) })).toThrow('SUBJECT_MATCH_KEY is not random enough');
    expect(() => loadConfig({ ...production, SUBJECT_MATCH_KEY: 'change-me-to-a-long-random-secret-of-32-chars-or-more' })).toThrow(
      'SUBJECT_MATCH_KEY is published in the repository',
    );
    expect(loadConfig({ ...production, SUBJECT_MATCH_KEY: matchKey }).SUBJECT_MATCH_KEY).toBe(matchKey);
    expect(loadConfig({}).SUBJECT_MATCH_KEY).toBeUndefined();
  });

  it('refuses demo users in production unless DEMO_PASSWORD is a password of the operator’s own', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey, SEED_DEMO: 'true' };
    expect(() => loadConfig(production)).toThrow('SEED_DEMO in production needs DEMO_PASSWORD set to a password of your own');
    expect(() => loadConfig({ ...production, DEMO_PASSWORD: 'ChangeMe-Demo-2026!' })).toThrow(
      'DEMO_PASSWORD is published in the repository',
    );
    expect(() => loadConfig({ ...production, DEMO_PASSWORD: 'qwertyuiop123' })).toThrow('DEMO_PASSWORD: This password is too common');
    expect(loadConfig({ ...production, DEMO_PASSWORD: randomBytes(12).toString('base64url') }).seedDemo).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey, DATABASE_URL: 'postgres://db/x' }).seedDemo,
    ).toBe(false);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    for (const variable of ['PORT', 'SEED_DEMO', 'JWT_SECRET', 'LOG_LEVEL']) expect(message).toContain(`- ${variable}:`);
  });

  it('lists the secret and demo password checks of production with every other problem, once per setting', () => {
    let error: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'loud',
        TRUST_PROXY: 'true',
        JWT_SECRET: 'x'.repeat(64),
        SUBJECT_MATCH_KEY: 'change-me-to-a-long-random-secret-of-32-chars-or-more',
        SEED_DEMO: 'true',
        DEMO_PASSWORD: 'ChangeMe-Demo-2026!',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const lines = (error as Error).message.split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}- LOG_LEVEL: /),
      expect.stringMatching(/^ {2}- TRUST_PROXY: TRUST_PROXY=true lets any client choose/),
      '  - JWT_SECRET: JWT_SECRET is not random enough (it repeats or uses few characters); generate one with: openssl rand -hex 32',
      '  - SUBJECT_MATCH_KEY: SUBJECT_MATCH_KEY is published in the repository; generate your own with: openssl rand -hex 32',
      '  - DEMO_PASSWORD: DEMO_PASSWORD is published in the repository; choose your own',
    ]);
  });

  it('names a secret too short to be valid once, not again for its randomness', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short', SUBJECT_MATCH_KEY: matchKey, SEED_DEMO: 'false' })).toThrow(
      /^Invalid configuration:\n {2}- JWT_SECRET: JWT_SECRET must be at least 32 characters$/,
    );
  });
});
