import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@app/contracts';
import { correlationIdOf } from '@app/logging';
import { ERROR_STATUS } from './error-status';

/** The body of every error answer. */
export interface ErrorResponse {
  code: string;
  message: string;
  fields?: Array<{ field: string; problems: string[] }>;
  correlationId: string;
}

/**
 * Every error leaves the gateway through here: domain errors by the code table, framework HTTP
 * errors (unknown route, body too large, malformed JSON) as they are, anything else as a 500 that
 * says nothing internal but carries the correlation id to find the logged cause.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const correlationId = correlationIdOf(request);
    const [status, body] = this.describe(error);
    if (status >= 500) this.logger.error({ err: error, correlationId }, 'request failed');
    response.status(status).json({ ...body, correlationId } satisfies ErrorResponse);
  }

  private describe(error: unknown): [number, Omit<ErrorResponse, 'correlationId'>] {
    if (error instanceof DomainError) return [ERROR_STATUS[error.code], error.toBody()];
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return [status, { code: httpCode(status), message: error.message }];
    }
    if (isClientHttpError(error)) return [error.status, { code: httpCode(error.status), message: error.message }];
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL', message: 'Something went wrong on our side; quote the correlation id when reporting it' }];
  }
}

function httpCode(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name : `HTTP_${status}`;
}

/** Errors of the body parser and other http-errors middleware (malformed JSON, body too large). */
function isClientHttpError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { status?: unknown; expose?: unknown } | null;
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && candidate.expose === true;
}
