import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';

/**
 * Any value the repository gives a secret (JWT_SECRET, DEMO_PASSWORD, a test's password
 * constant, a compose fallback) is public: production must refuse it, as the token secret
 * and as the demo password. Adding one to the repository without adding it to
 * PUBLISHED_SECRETS (src/config/secrets.ts) fails here.
 */
const ROOT = join(__dirname, '../..');
const ASSIGNED = /\b[A-Z_]*(?:SECRET|PASSWORD)[A-Z_]*['"]?\s*[:=]\s*(['"`])([^'"`$\n]{6,})\1/g;
const FALLBACK = /\$\{[A-Z_]*(?:SECRET|PASSWORD)[A-Z_]*:-([^}]+)\}/g;

function secretsInRepository(): Map<string, string> {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && !file.endsWith('package-lock.json'));
  const found = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(ASSIGNED)) found.set(match[2], file);
    for (const match of text.matchAll(FALLBACK)) found.set(match[1], file);
  }
  return found;
}

function refusedInProduction(env: Record<string, string>): boolean {
  try {
    loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      SUBJECT_MATCH_KEY: randomBytes(32).toString('hex'),
      ...env,
    });
    return false;
  } catch {
    return true;
  }
}

describe('secrets published in the repository', () => {
  const found = secretsInRepository();

  it('are found where the repository keeps them', () => {
    expect([...found.keys()]).toEqual(
      expect.arrayContaining(['ChangeMe-Demo-2026!', 'correct horse battery staple', 'lifecycle-demo-password-42']),
    );
  });

  it.each([...secretsInRepository()])('refuses %s (from %s) as the token secret and as the demo password in production', (secret) => {
    expect(refusedInProduction({ JWT_SECRET: secret, SEED_DEMO: 'false' })).toBe(true);
    expect(refusedInProduction({ SEED_DEMO: 'true', DEMO_PASSWORD: secret })).toBe(true);
  });

  it('are not in docker-compose.yml: it requires the token secret from the environment and seeds no demo users by itself', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?[^}]+\}/);
    expect(compose).toMatch(/SUBJECT_MATCH_KEY: \$\{SUBJECT_MATCH_KEY:\?[^}]+\}/);
    expect(compose).toMatch(/SEED_DEMO: \$\{SEED_DEMO:-false\}/);
    expect(compose).not.toMatch(/DEMO_PASSWORD: \$\{DEMO_PASSWORD:-[^}]/);
  });
});
