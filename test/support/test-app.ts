import { LoggerService } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { TEST_JWT_SECRET, TEST_SUBJECT_MATCH_KEY } from './jwt';
import { collectMessages } from './message-collector';
import { UNLIMITED_SIGN_IN } from './sign-in-limits';

/** Keeps every log entry in memory, so tests can look at what was (and was not) logged. */
export class CapturingLogger implements LoggerService {
  readonly entries: { level: string; message: unknown; rest: unknown[] }[] = [];
  private readonly quiet = new JsonLogger('error');

  log(message: unknown, ...rest: unknown[]) {
    this.entries.push({ level: 'info', message, rest });
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.entries.push({ level: 'warn', message, rest });
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.entries.push({ level: 'debug', message, rest });
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.entries.push({ level: 'debug', message, rest });
  }
  error(message: unknown, ...rest: unknown[]) {
    this.entries.push({ level: 'error', message, rest });
    this.quiet.error(message, ...rest);
  }

  text(): string {
    return this.entries.map((entry) => JSON.stringify([entry.message, ...entry.rest])).join('\n');
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: () => TestAgent;
  dataSource: DataSource;
  logger: CapturingLogger;
  close: () => Promise<void>;
}

/** The app's settings for a test: the test database and keys, sign-in unthrottled, with `env` over them. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    SUBJECT_MATCH_KEY: TEST_SUBJECT_MATCH_KEY,
    ...UNLIMITED_SIGN_IN,
    ...env,
  });
}

/** The production app (same module, same globals) listening on a free local port, against the test database, its messages collected. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const logger = new CapturingLogger();
  const app = await createApp(testConfig(env), logger);
  // Every message the app writes for a person is checked for plain English (plain-english.setup.ts).
  collectMessages(app.getHttpAdapter().getInstance());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    app,
    http: () => request(url),
    dataSource: app.get(DataSource),
    logger,
    close: () => app.close(),
  };
}
