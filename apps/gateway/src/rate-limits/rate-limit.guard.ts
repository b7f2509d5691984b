import { ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '@app/contracts';
import { AUTHENTICATOR, type Authenticator } from '@app/http';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../metrics/metrics.controller';
import { LimitsRedis } from './limits-redis';
import { RateLimitSubject, rateLimitMessage, subjectOf, trackerOf } from './rate-limit-subject';

/** Probes and scrapes are never limited: a load balancer or Prometheus must not be locked out. */
const EXEMPT_CONTROLLERS: ReadonlyArray<abstract new (...args: never[]) => unknown> = [HealthController, MetricsController];

const SUBJECT = Symbol('rate-limit-subject');
type LimitedRequest = Request & { [SUBJECT]?: RateLimitSubject };

/** Who the guard counted this request against (set before the throttler asks for the limit). */
export function subjectOfRequest(request: Request): RateLimitSubject {
  return (request as LimitedRequest)[SUBJECT] ?? subjectOf(null, request.ip);
}

/**
 * @nestjs/throttler with Redis storage, counting each request against its account when its
 * credentials hold and against its IP address otherwise, one counter for all routes together.
 * Runs before the access guard, so even requests with bad credentials are counted (per IP). The
 * authenticator remembers its answer per request, so the access guard does not authenticate twice.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly limitsLogger = new Logger(RateLimitGuard.name);

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly redis: LimitsRedis,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || (await this.shouldSkip(context))) return true;
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const actor = await this.authenticator.authenticate(request).catch(() => null);
    request[SUBJECT] = subjectOf(actor, request.ip);
    try {
      return await super.canActivate(context);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Counting needs Redis; without it the platform keeps serving (the login lockout still refuses), unlimited for now.
      this.limitsLogger.warn({ err: error }, 'rate limits unavailable; request let through uncounted');
      return true;
    }
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return EXEMPT_CONTROLLERS.includes(context.getClass());
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return trackerOf(subjectOfRequest(request as unknown as Request));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return this.redis.key('rate', throttlerName, tracker);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const http = context.switchToHttp();
    const response = http.getResponse<Response>();
    // The throttler sets Retry-After; the X-RateLimit-* headers it sets only on allowed requests.
    response.setHeader('X-RateLimit-Limit', detail.limit);
    response.setHeader('X-RateLimit-Remaining', 0);
    response.setHeader('X-RateLimit-Reset', detail.timeToBlockExpire);
    throw new DomainError('RATE_LIMITED', rateLimitMessage(subjectOfRequest(http.getRequest<Request>()), detail.timeToBlockExpire));
  }
}
