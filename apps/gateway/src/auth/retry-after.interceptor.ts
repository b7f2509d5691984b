import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { LoginLockedError } from './login-lockout';

/** Adds Retry-After to a refused sign-in, so clients know when to try again. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof LoginLockedError) context.switchToHttp().getResponse<Response>().setHeader('Retry-After', error.retryAfterSeconds);
        return throwError(() => error);
      }),
    );
  }
}
