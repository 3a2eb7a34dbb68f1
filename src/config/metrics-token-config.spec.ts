import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';

describe('METRICS_TOKEN', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SUBJECT_MATCH_KEY: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
  };

  it('is unset by default, so there is no /metrics', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig(production).METRICS_TOKEN).toBeUndefined();
  });

  it('must be at least 32 characters', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'too-short' })).toThrow('METRICS_TOKEN: METRICS_TOKEN must be at least 32 characters');
  });

  it('must be random in production, as the other secrets', () => {
    const token = randomBytes(32).toString('hex');
    expect(loadConfig({ ...production, METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'ab'.repeat(32) })).toThrow('METRICS_TOKEN is not random enough');
    expect(loadConfig({ METRICS_TOKEN: 'ab'.repeat(32) }).METRICS_TOKEN).toBe('ab'.repeat(32));
  });
});
