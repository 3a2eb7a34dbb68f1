import { DynamicModule, Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../config/app-config';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { OperatorMetrics } from './operator-metrics';

/** Counts every answered request by the route template it matched, and times it. */
@Injectable()
class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly metrics: OperatorMetrics,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => {
      this.metrics.requestAnswered(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}

/**
 * Metrics are always counted, so services can report what happens; GET /metrics exists only
 * when METRICS_TOKEN is set (off by default: elsewhere it is not found).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: config.METRICS_TOKEN ? [MetricsController] : [],
      providers: [OperatorMetrics, HttpMetrics, MetricsRepository],
      exports: [OperatorMetrics],
    };
  }
}
