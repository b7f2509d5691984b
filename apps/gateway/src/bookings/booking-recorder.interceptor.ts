import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, Observable, switchMap } from 'rxjs';
import { DomainError } from '@app/contracts';
import { type AuthenticatedRequest, PendingRequest } from '@app/http';
import { BOOKING_ID_HEADER, BOOKING_RULE, type BookingRule } from './booking.decorator';
import { BookingsService } from './bookings.service';

/** Refusals that are about the request, not the service's answer: not a booking. */
const NOT_A_BOOKING = new Set(['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONSENT_REQUIRED', 'SENIOR_NOT_FOUND', 'RATE_LIMITED', 'IDEMPOTENCY_KEY_REUSED', 'SERVICE_UNAVAILABLE']);

/**
 * Records a @Booking route's request as a booking once the owning service has answered (or the
 * request was queued), and names it in the `Booking-Id` header. Runs inside the idempotency
 * interceptor, so a replayed request is not booked twice.
 */
@Injectable()
export class BookingRecorder implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly bookings: BookingsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.get<BookingRule | undefined>(BOOKING_RULE, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const seniorId = req.params['seniorId'];
    if (!rule || !req.actor || typeof seniorId !== 'string') return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const actor = req.actor;
    const request = { method: req.method, path: req.path, body: req.body ?? null };
    return next.handle().pipe(
      switchMap(async (body: unknown) => {
        const requestId = queuedRequestId(body, res);
        const outcome = requestId ? { kind: 'requested' as const, requestId } : { kind: 'confirmed' as const, result: body };
        const booking = await this.bookings.record(rule, actor, seniorId, req.params as Record<string, string>, request, outcome);
        res.setHeader(BOOKING_ID_HEADER, booking.bookingId);
        return body;
      }),
      catchError((error: unknown) =>
        from(
          (async () => {
            if (error instanceof DomainError && !NOT_A_BOOKING.has(error.code)) {
              const booking = await this.bookings.record(rule, actor, seniorId, req.params as Record<string, string>, request, { kind: 'rejected', error: error.toBody() });
              res.setHeader(BOOKING_ID_HEADER, booking.bookingId);
            }
            throw error;
          })(),
        ),
      ),
    );
  }
}

/** The queued request's id when the route answered 202 (before or after AcceptedWhenPending turned it into its body). */
function queuedRequestId(body: unknown, res: Response): string | null {
  if (body instanceof PendingRequest) return body.requestId;
  if (res.statusCode === 202 && typeof (body as { requestId?: unknown } | null)?.requestId === 'string') return (body as { requestId: string }).requestId;
  return null;
}
