import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Gauge } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { DatabaseServer } from '../database/database-server';
import { OperatorMetrics } from '../metrics/operator-metrics';

/** A live stream of one plan's log, as the listener knows it: woken to read what is new, ended at shutdown. */
export interface LogSubscriber {
  wake(): void;
  end(): void;
}

/** The channel the database notifies on each entry of the log (migration DayLog), with "<operation id>:<entry id>". */
const CHANNEL = 'day_log';
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;

/**
 * This instance's one connection listening to the database's notices of new log entries, fanned out to the streams
 * of the plan each names. Another instance's entry reaches this one's streams the same way, through Postgres. A notice
 * only wakes a stream: the stream reads what it may see from the database, after the last entry it sent, so that a
 * notice lost while the connection was down loses nothing; when it is back, every stream reads again.
 */
@Injectable()
export class DayLogListener implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('DayLog');
  private readonly plans = new Map<string, Set<LogSubscriber>>();
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private failures = 0;
  private stopping = false;

  constructor(
    private readonly server: DatabaseServer,
    private readonly config: AppConfig,
    metrics: OperatorMetrics,
  ) {
    const listener = () => this;
    new Gauge({
      name: 'planner_day_log_streams',
      help: 'Streams of the day’s log this instance holds open',
      registers: [metrics.registry],
      collect() {
        this.set(listener().streams);
      },
    });
    new Gauge({
      name: 'planner_day_log_listening',
      help: 'Whether this instance is listening for new entries of the day’s log (1) or connecting again (0)',
      registers: [metrics.registry],
      collect() {
        this.set(listener().client ? 1 : 0);
      },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** Streams open on this instance, on every plan. */
  get streams(): number {
    return [...this.plans.values()].reduce((count, subscribers) => count + subscribers.size, 0);
  }

  /** Wakes `subscriber` on each entry of the plan; returns what to call when the stream ends. */
  subscribe(operationId: string, subscriber: LogSubscriber): () => void {
    // A stream opened as the app shuts down would hold the server open: it ends at once, and its client resumes elsewhere.
    if (this.stopping) {
      subscriber.end();
      return () => {};
    }
    const subscribers = this.plans.get(operationId) ?? new Set<LogSubscriber>();
    subscribers.add(subscriber);
    this.plans.set(operationId, subscribers);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.plans.get(operationId) === subscribers) this.plans.delete(operationId);
    };
  }

  /** Streams never end by themselves, so the server could not close: each is ended, and its client reconnects to another instance. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    clearTimeout(this.retry);
    for (const subscribers of this.plans.values()) for (const subscriber of subscribers) subscriber.end();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.server.url,
      application_name: 'day-of-action-planner day log',
      connectionTimeoutMillis: this.config.DB_CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    let lost = false;
    const drop = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.dropped(client, error);
    };
    client.on('notification', (notice) => this.notified(notice.payload));
    client.on('error', drop);
    client.on('end', () => drop());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      drop(error as Error);
      return;
    }
    if (this.stopping) return void (await client.end().catch(() => undefined));
    this.client = client;
    if (this.failures > 0) this.logger.log({ msg: 'listening for day log entries again', after: this.failures });
    this.failures = 0;
    for (const subscribers of this.plans.values()) for (const subscriber of subscribers) subscriber.wake();
  }

  private dropped(client: Client, error?: Error): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopping) return;
    const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    this.logger.warn({ msg: 'lost the day log listener connection; connecting again', error: error?.message, inMs: wait });
    this.retry = setTimeout(() => void this.listen(), wait);
  }

  private notified(payload: string | undefined): void {
    const operationId = payload?.split(':')[0];
    for (const subscriber of (operationId && this.plans.get(operationId)) || []) subscriber.wake();
  }
}
