import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/decorators';
import { ApiErrorResponses } from '../common/errors/api-errors';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { carriesToken } from './metrics-token';
import { OperatorMetrics } from './operator-metrics';

/** Registered only when METRICS_TOKEN is set; public to the users' sign-in, guarded by that token instead. */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: OperatorMetrics,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiOperation({ summary: 'Read the operator metrics' })
  @ApiErrorResponses(401)
  async read(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!carriesToken(authorization, this.config.METRICS_TOKEN as string)) {
      throw new DomainError('UNAUTHENTICATED', 'Send the metrics token as a bearer token to read the metrics');
    }
    reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
