import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/decorators';
import { ApiPublicErrors } from '../common/errors/api-errors';
import { DatabaseHealth } from '../database/database-health';
import { CheckResult, ReadinessCheck } from './readiness';

class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
}

class LiveView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** As @nestjs/terminus answers: every check in details, the passing ones in info, the failing ones in error. */
class ReadyView {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty() info: Record<string, CheckResult>;
  @ApiProperty() error: Record<string, CheckResult>;
  @ApiProperty() details: Record<string, CheckResult>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly readiness: ReadinessCheck,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthView })
  @ApiOperation({ summary: 'Check the service and its database', description: 'A 503 when the database is down' })
  @ApiPublicErrors(503)
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView | Record<string, unknown>> {
    if (await this.database.answers()) return { status: 'ok', db: 'up' };
    reply.status(503);
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable',
      status: 'unavailable',
      db: 'down',
    };
  }

  /** The process answers: a supervisor restarts it only when this fails, never because the database is away. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LiveView })
  @ApiOperation({ summary: 'Check the process answers' })
  @ApiPublicErrors()
  live(): LiveView {
    return { status: 'ok' };
  }

  /** Whether to send this instance traffic: the database answers and no migration is pending. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadyView })
  @ApiOperation({
    summary: 'Check this instance may take traffic',
    description: 'A 503 when the database is down or a migration is pending',
  })
  @ApiPublicErrors(503)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyView | Record<string, unknown>> {
    const { problem, checks } = await this.readiness.check();
    const entries = Object.entries(checks);
    const view = {
      info: Object.fromEntries(entries.filter(([, result]) => result.status === 'up')),
      error: Object.fromEntries(entries.filter(([, result]) => result.status === 'down')),
      details: checks,
    };
    if (!problem) return { status: 'ok', ...view };
    reply.status(503);
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: problem,
      status: 'error',
      ...view,
    };
  }
}
