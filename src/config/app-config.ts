import { plainToInstance, Transform } from 'class-transformer';
import { passwordProblems } from '../common/password-policy';
import { PUBLISHED_SECRETS, secretProblems } from './secrets';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalised)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(normalised)) return false;
  return value;
};

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value);

type Problem = { variable: string; message: string };

/** The keys every instance on one database must hold, and why. */
const SHARED_KEYS = [
  {
    variable: 'JWT_SECRET',
    why: 'every instance on that database must sign tokens with the same secret, or a token from one is refused by the others',
  },
  {
    variable: 'SUBJECT_MATCH_KEY',
    why: 'every instance on that database must match subjects under the same key, or the same phone added through two of them raises no hit',
  },
] as const;

/**
 * Every environment variable the app reads (DESIGN §5). Validated once at boot;
 * nothing else in the code reads process.env.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  /**
   * The secret access tokens are signed with; required in production and with DATABASE_URL. Without
   * it (embedded database only) one is generated once and kept in DATA_DIR, so tokens survive restarts.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /**
   * The key subject identifiers are matched under (HMAC-SHA-256); required in production and with
   * DATABASE_URL. Without it (embedded database only) one is generated once and kept in DATA_DIR,
   * so matches survive restarts.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SUBJECT_MATCH_KEY must be at least 32 characters' })
  SUBJECT_MATCH_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 900;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  @MaxLength(128)
  DEMO_PASSWORD = 'ChangeMe-Demo-2026!';

  /** Failed sign-ins in 15 minutes to one account from browsers not trusted for it (and every API sign-in), and from one trusted browser. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed sign-ins in 15 minutes from one client address, across accounts, by browsers not trusted for the account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  LOGIN_MAX_FAILURES_PER_IP = 30;

  /** Deconfliction hits one user may raise in an hour before their changes of place and time are refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  DECONFLICTION_MAX_HITS_PER_HOUR = 20;

  /** Identifiers (each a subject is matched by) and postcodes new to a plan one user may add in a UK day, matching or not. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  DECONFLICTION_MAX_ADDITIONS_PER_DAY = 200;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_CONNECT_TIMEOUT_MS = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Behind a reverse proxy: take the client's address from X-Forwarded-For. false (default), a
   * number of hops, or a comma-separated list of proxy addresses or CIDRs; true (trust every proxy,
   * so any client can name its own address) is refused in production.
   */
  @IsString()
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of hops, or a comma-separated list of proxy addresses',
  })
  TRUST_PROXY = 'false';

  /** How long a client has to send a whole request, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600000)
  HTTP_REQUEST_TIMEOUT_MS = 30000;

  /** Go/no-go: an approved plan may be started from this many hours before its window opens. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(168)
  START_WINDOW_HOURS = 24;

  /** Turns on GET /metrics, answered only to a request that sends this as a bearer token (the scraper's). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the nearest n proxies". */
  get trustProxy(): boolean | string | ((address: string, hop: number) => boolean) {
    if (this.TRUST_PROXY === 'true' || this.TRUST_PROXY === 'false') return this.TRUST_PROXY === 'true';
    if (!/^\d+$/.test(this.TRUST_PROXY)) return this.TRUST_PROXY;
    const hops = Number(this.TRUST_PROXY);
    return (_address, hop) => hop < hops;
  }

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  /** Demo data is seeded by default only for the embedded database. */
  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.usesEmbeddedDatabase;
  }
}

export class ConfigValidationError extends Error {}

const KNOWN = new Set(
  Object.keys(new AppConfig()).concat(['DATABASE_URL', 'JWT_SECRET', 'SUBJECT_MATCH_KEY', 'SEED_DEMO', 'METRICS_TOKEN']),
);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config, { whitelist: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => ({ variable: error.property, message })),
  );
  problems.push(...missingKeyProblems(config), ...trustProxyProblems(config));
  if (config.NODE_ENV === 'production') {
    const flagged = new Set(problems.map(({ variable }) => variable));
    problems.push(...productionProblems(config, raw, flagged));
  }
  if (problems.length > 0) {
    throw new ConfigValidationError(
      `Invalid configuration:\n${problems.map(({ variable, message }) => `  - ${variable}: ${message}`).join('\n')}`,
    );
  }
  return config;
}

/**
 * A key every instance must share is required in production, and whenever the database is named by
 * DATABASE_URL, whatever the mode: a generated key is only safe beside the embedded database it is kept with.
 */
function missingKeyProblems(config: AppConfig): Problem[] {
  if (config.NODE_ENV !== 'production' && config.usesEmbeddedDatabase) return [];
  return SHARED_KEYS.filter(({ variable }) => config[variable] === undefined).map(({ variable, why }) => ({
    variable,
    message:
      config.NODE_ENV === 'production'
        ? `${variable} is required when NODE_ENV=production`
        : `${variable} is required with DATABASE_URL: ${why}. Generate one with: openssl rand -hex 32, and give every instance the same`,
  }));
}

/**
 * In production the client address the sign-in limits count by must not be the client's to choose:
 * TRUST_PROXY=true believes any X-Forwarded-For, whoever sent it.
 */
function trustProxyProblems(config: AppConfig): Problem[] {
  if (config.NODE_ENV !== 'production' || config.TRUST_PROXY !== 'true') return [];
  return [
    {
      variable: 'TRUST_PROXY',
      message:
        'TRUST_PROXY=true lets any client choose the address it is counted by; set the number of proxies in front of the app (for example 1), or their addresses (for example 10.0.0.5 or 10.0.0.0/24)',
    },
  ];
}

/**
 * In production nothing public may guard the service: no published or guessable secret, no demo users
 * with a known password. Checked beside every other problem, but not for a setting already named
 * (`flagged`): one problem each is enough.
 */
function productionProblems(config: AppConfig, raw: Record<string, string>, flagged: Set<string>): Problem[] {
  const secrets = (['JWT_SECRET', 'SUBJECT_MATCH_KEY', 'METRICS_TOKEN'] as const).filter(
    (variable) => config[variable] !== undefined && !flagged.has(variable),
  );
  const problems: Problem[] = secrets.flatMap((variable) =>
    secretProblems(variable, config[variable] as string).map((message) => ({ variable, message })),
  );
  if (config.seedDemo === true && !flagged.has('DEMO_PASSWORD')) {
    const password = raw.DEMO_PASSWORD;
    const demoProblems = !password
      ? ['SEED_DEMO in production needs DEMO_PASSWORD set to a password of your own']
      : PUBLISHED_SECRETS.includes(password)
        ? ['DEMO_PASSWORD is published in the repository; choose your own']
        : passwordProblems(password, 'demo@demo.local');
    problems.push(...demoProblems.map((message) => ({ variable: 'DEMO_PASSWORD', message })));
  }
  return problems;
}
