import { randomBytes } from 'node:crypto';
import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('fills in the defaults of DESIGN §5', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './.data', NODE_ENV: 'development' });
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it('seeds demo data by default only for the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'off' }).seedDemo).toBe(false);
  });

  const secret = randomBytes(32).toString('hex');
  const matchKey = randomBytes(32).toString('hex');

  it('requires a random JWT_SECRET of 32 bytes or more in production, not one published in the repository', () => {
    const production = { NODE_ENV: 'production', SUBJECT_MATCH_KEY: matchKey };
    expect(() => loadConfig(production)).toThrow('JWT_SECRET is required when NODE_ENV=production');
    expect(() => loadConfig({ ...production, JWT_SECRET: 'x'.repeat(32) })).toThrow('JWT_SECRET must carry at least 32 bytes of randomness');
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
    expect(() => loadConfig({ ...production, SUBJECT_MATCH_KEY: 'change-me-to-a-long-random-secret-of-32-chars-or-more' })).toThrow('SUBJECT_MATCH_KEY is published in the repository');
    expect(loadConfig({ ...production, SUBJECT_MATCH_KEY: matchKey }).SUBJECT_MATCH_KEY).toBe(matchKey);
    expect(loadConfig({}).SUBJECT_MATCH_KEY).toBeUndefined();
  });

  it('refuses demo users in production unless DEMO_PASSWORD is a password of the operator’s own', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey, SEED_DEMO: 'true' };
    expect(() => loadConfig(production)).toThrow('SEED_DEMO in production needs DEMO_PASSWORD set to a password of your own');
    expect(() => loadConfig({ ...production, DEMO_PASSWORD: 'ChangeMe-Demo-2026!' })).toThrow('DEMO_PASSWORD is published in the repository');
    expect(() => loadConfig({ ...production, DEMO_PASSWORD: 'qwertyuiop123' })).toThrow('DEMO_PASSWORD: This password is too common');
    expect(loadConfig({ ...production, DEMO_PASSWORD: randomBytes(12).toString('base64url') }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SUBJECT_MATCH_KEY: matchKey, DATABASE_URL: 'postgres://db/x' }).seedDemo).toBe(false);
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
});
