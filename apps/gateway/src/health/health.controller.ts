import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { COMMAND_QUEUES, SERVICE_NAMES, ServiceClient, ServiceName } from '@app/contracts';
import { Public } from '@app/http';
import { randomUUID } from 'node:crypto';

const PROBE_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly client: ServiceClient,
    @InjectQueue(COMMAND_QUEUES.assessment) private readonly anyQueue: Queue,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** The process is up (for restarts). */
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL, Redis and every service answer (for load balancers): 503 naming what is down. */
  @Get('ready')
  @Public()
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: PROBE_TIMEOUT_MS }),
      () => this.redis(),
      ...SERVICE_NAMES.map((service) => () => this.service(service)),
    ]);
  }

  private async redis() {
    const check = this.indicators.check('redis');
    try {
      await Promise.race([this.anyQueue.getJobCounts('waiting'), rejectAfter(PROBE_TIMEOUT_MS)]);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  private async service(service: ServiceName) {
    const check = this.indicators.check(service);
    try {
      const outcome = await this.client.call(service, 'system.ping', {}, { actor: null, correlationId: `health-${randomUUID()}`, timeoutMs: Math.min(PROBE_TIMEOUT_MS, this.env.REQUEST_TIMEOUT_MS) });
      return outcome.status === 'done' ? check.up() : check.down({ message: 'did not answer in time' });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

function rejectAfter(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref());
}
