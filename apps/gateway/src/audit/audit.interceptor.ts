import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainError } from '@app/contracts';
import { ACCESS_RULE, AccessRule, AuthenticatedRequest, ERROR_STATUS, seniorParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { AuditService } from './audit.service';

/**
 * Records every allowed call of a route that declares an audit action, with the status it got.
 * (Refusals are recorded by the AccessGuard, which runs before this.) The answer waits for the
 * entry: a read that cannot be audited does not happen silently.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (rule?.kind !== 'roles' || !rule.audit) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const record = (status: number, seniorId: string | null) =>
      this.audit.record({
        actor: request.actor ?? null,
        action: rule.audit!,
        seniorId,
        route: `${request.method} ${request.route?.path ?? request.path}`,
        status,
        correlationId: correlationIdOf(request),
      });
    const paramSenior = rule.senior ? seniorParam(request, rule.senior.param) : null;
    return next.handle().pipe(
      mergeMap((body: unknown) => from(record(response.statusCode, paramSenior ?? seniorIdIn(body)).then(() => body))),
      catchError((error: unknown) => from(record(statusOf(error), paramSenior)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}

function seniorIdIn(body: unknown): string | null {
  return typeof body === 'object' && body !== null && 'seniorId' in body && typeof body.seniorId === 'string' ? body.seniorId : null;
}

function statusOf(error: unknown): number {
  if (error instanceof DomainError) return ERROR_STATUS[error.code];
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
