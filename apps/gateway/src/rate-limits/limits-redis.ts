import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';

/**
 * The gateway's Redis connection for counters that every replica must share: request rate limits
 * and failed sign-ins. Keys live under the app's QUEUE_PREFIX, so test runs never share a counter.
 */
@Injectable()
export class LimitsRedis implements OnApplicationShutdown {
  readonly client: IORedis;
  readonly prefix: string;
  private readonly logger = new Logger(LimitsRedis.name);

  constructor(@Inject(ENVIRONMENT) env: GatewayEnvironment) {
    // A request must not hang on a Redis outage: fail it after one retry instead. Every request
    // counts itself here, so the counts asked in one turn of the event loop go to Redis in one write
    // (auto-pipelining; safe here, unlike on BullMQ's connections: these are plain, non-blocking scripts).
    this.client = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
    // ioredis reconnects by itself; without a listener each failed attempt is printed as an unhandled error event.
    let down = false;
    this.client.on('error', (error: Error) => {
      if (!down) this.logger.warn({ err: error }, 'limits Redis unavailable; reconnecting (requests go uncounted meanwhile)');
      down = true;
    });
    this.client.on('ready', () => {
      if (down) this.logger.log('limits Redis back');
      down = false;
    });
    this.prefix = `${env.QUEUE_PREFIX}:limits`;
  }

  /** A key of ours: `<QUEUE_PREFIX>:limits:<parts joined by colons>`. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Module({ providers: [LimitsRedis], exports: [LimitsRedis] })
export class LimitsRedisModule {}
