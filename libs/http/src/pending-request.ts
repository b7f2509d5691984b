import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import type { CallOutcome } from '@app/contracts';

/** A request the owning service has not answered in time; it stays queued and completes later. */
export class PendingRequest {
  readonly status = 'pending';
  readonly statusUrl: string;

  constructor(readonly requestId: string) {
    this.statusUrl = `/v1/requests/${requestId}`;
  }
}

/** Turns a PendingRequest returned by a handler into 202 Accepted with a Location of its status resource. */
@Injectable()
export class AcceptedWhenPending implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (body instanceof PendingRequest) {
          const response = context.switchToHttp().getResponse<Response>();
          response.status(HttpStatus.ACCEPTED).location(body.statusUrl);
          return { requestId: body.requestId, status: body.status, statusUrl: body.statusUrl };
        }
        return body;
      }),
    );
  }
}

/** The service's answer, or a PendingRequest (→ 202) when it did not answer in time. */
export async function answerOrPending<R>(call: Promise<CallOutcome<R>>): Promise<R | PendingRequest> {
  const outcome = await call;
  return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : outcome.value;
}
