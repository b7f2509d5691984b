import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import { DomainError } from '@app/contracts';
import type { AuthenticatedRequest } from '@app/http';
import { BOOKING_ID_HEADER } from '../bookings/booking.decorator';
import { checkIdempotencyKey } from './idempotency-key';
import { IdempotentRequestsRepository } from './idempotent-requests.repository';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key` on every write: the first request with a key runs and its answer (2xx or 202)
 * is kept for a day; a retry with the same key gets that answer again, marked
 * `Idempotent-Replayed: true`, and nothing runs twice. The same key on a different request is
 * refused (422); a retry while the first still runs is told to wait (409). A failed first request
 * keeps nothing, so its retry runs again. Keys belong to the signed-in account. A queued request's
 * 202 and Location, and a booking's Booking-Id, are kept as they were answered.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly requests: IdempotentRequestsRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!WRITES.has(req.method)) return next.handle();
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const accountId = req.actor?.accountId;
    if (!key || !accountId) return next.handle();
    const fingerprint = createHash('sha256').update(`${req.method} ${req.path}\n${stableJson(req.body ?? null)}`).digest('hex');
    return from(this.requests.claim(accountId, key, fingerprint)).pipe(
      switchMap((claim) => {
        switch (claim.kind) {
          case 'mismatch':
            throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key for a new request', [{ field: 'Idempotency-Key', problems: ['already used for another request'] }]);
          case 'in-flight':
            throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still running; retry in a moment');
          case 'replay': {
            const { status, body, location, bookingId } = claim.answer;
            res.status(status).setHeader('Idempotent-Replayed', 'true');
            if (location) res.location(location);
            if (bookingId) res.setHeader(BOOKING_ID_HEADER, bookingId);
            return of(body);
          }
          case 'first':
            return next.handle().pipe(
              // Inside this interceptor the route has set its status (201, 200, or 202 for a queued request), any Location, and a booking route its Booking-Id.
              switchMap(async (body: unknown) => {
                const location = res.getHeader('location');
                const bookingId = res.getHeader(BOOKING_ID_HEADER);
                await this.requests.complete(accountId, key, {
                  status: res.statusCode,
                  body,
                  location: typeof location === 'string' ? location : null,
                  bookingId: typeof bookingId === 'string' ? bookingId : null,
                });
                return body;
              }),
              // Released before the error is answered, so a retry right after it runs again (no false 409).
              catchError((error: unknown) => from(this.requests.release(accountId, key)).pipe(switchMap(() => throwError(() => error)))),
            );
        }
      }),
    );
  }
}

/** JSON with object keys sorted, so the same body written in another key order is the same request. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}
