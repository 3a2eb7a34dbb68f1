import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DatabaseServer } from '../database/database-server';
import { MetricsRepository } from './metrics.repository';

/** A request no route matched is counted under one label, so a scan of made-up paths cannot grow the series without end. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * What the people who operate the app watch (GET /metrics, Prometheus text). The registry is this
 * app's own, not prom-client's global one, so two apps in one process (the tests) do not share
 * series. Counters are per process: Prometheus sums them across instances.
 */
@Injectable()
export class OperatorMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly loginThrottles = new Counter({
    name: 'planner_login_throttled_total',
    help: 'Sign-ins refused because too many failed in a row',
    registers: [this.registry],
  });

  private readonly hitsRaisedTotal = new Counter({
    name: 'planner_deconfliction_hits_raised_total',
    help: 'Deconfliction hits raised between two plans',
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    server: DatabaseServer,
    private readonly counts: MetricsRepository,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.poolGauge('planner_db_pool_connections', 'Connections the database pool holds open', (pool) => pool.totalCount);
    this.poolGauge('planner_db_pool_idle_connections', 'Open connections of the database pool not in use', (pool) => pool.idleCount);
    this.poolGauge('planner_db_pool_waiting_queries', 'Queries waiting for a connection of the database pool', (pool) => pool.waitingCount);
    new Counter({
      name: 'planner_embedded_postgres_restarts_total',
      help: 'Times the embedded Postgres died under the app and was started again',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(server.postgresRestarts);
      },
    });
    // While the database is away the metrics still answer (they matter most then): the count is unknown, NaN.
    const sessions = () => this.counts.liveSessions(this.dataSource.manager).catch(() => NaN);
    new Gauge({
      name: 'planner_sessions',
      help: 'Browser sessions signed in and not yet ended (NaN while the database does not answer)',
      registers: [this.registry],
      async collect() {
        this.set(await sessions());
      },
    });
  }

  /** `route` is the template the request matched (/operations/:id), never the path it named. */
  requestAnswered(method: string, route: string | undefined, status: number, seconds: number): void {
    const labels = { method, route: route ?? UNMATCHED_ROUTE, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  loginThrottled(): void {
    this.loginThrottles.inc();
  }

  hitsRaised(count: number): void {
    this.hitsRaisedTotal.inc(count);
  }

  private poolGauge(name: string, help: string, read: (pool: Pool) => number): void {
    const pool = () => (this.dataSource.driver as PostgresDriver).master as Pool;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read(pool()));
      },
    });
  }
}
