import { DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request } from 'express';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { LimitsRedis, LimitsRedisModule } from './limits-redis';
import { subjectOfRequest } from './rate-limit.guard';
import { limitOf } from './rate-limit-subject';

/**
 * One throttler: RATE_LIMIT_PER_ACCOUNT requests per window for an authenticated account,
 * RATE_LIMIT_PER_IP for anonymous callers, counted in Redis so every replica shares the count.
 * Register RateLimitGuard as an APP_GUARD before the access guard.
 */
export function rateLimitsModule(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    imports: [LimitsRedisModule],
    inject: [ENVIRONMENT, LimitsRedis],
    useFactory: (env: GatewayEnvironment, redis: LimitsRedis) => ({
      storage: new ThrottlerStorageRedisService(redis.client),
      throttlers: [
        {
          name: 'default',
          ttl: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
          limit: (context) => limitOf(subjectOfRequest(context.switchToHttp().getRequest<Request>()), { perAccount: env.RATE_LIMIT_PER_ACCOUNT, perIp: env.RATE_LIMIT_PER_IP }),
        },
      ],
    }),
  });
}
