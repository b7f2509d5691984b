import { DynamicModule, Module } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logContextFields, runWithCorrelation } from './correlation-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Anything that could carry personal data or secrets is removed from log lines, wherever it appears
 * in a logged object. Request and response bodies are never logged.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'password',
  '*.password',
  'token',
  '*.token',
  'refreshToken',
  '*.refreshToken',
  'phone',
  '*.phone',
];

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Structured JSON logs (pino), one line per event, with the app's name and the correlation id and
 * fields of the request or job being handled (runWithCorrelation, added by the logger's mixin). The
 * gateway logs each request once it is answered (requestLogging); no logger is made per request.
 */
@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ENVIRONMENT],
          useFactory: (env: PlatformEnvironment) => ({
            pinoHttp: {
              level: env.LOG_LEVEL,
              base: { app },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              mixin: logContextFields,
            },
            // nestjs-pino's own per-request middleware (pino-http, two child loggers a request) is not
            // mounted: requestLogging writes the request's line, and the mixin carries its context.
            forRoutes: [],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

/**
 * Express middleware for an HTTP app: gives the request its correlation id (answered in the
 * X-Correlation-Id header), runs the rest of its handling in that log context, and logs one line
 * when it ends (not for /health probes): error level for a 5xx, warn when the caller went away
 * before the answer, info otherwise.
 */
export function requestLogging(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const correlationId = correlationIdOf(req);
    res.setHeader(CORRELATION_HEADER, correlationId);
    if (!req.url?.startsWith('/health')) {
      const started = performance.now();
      // Flat fields: pino's req and res serializers would take these for Node's own objects.
      const line = () => ({ correlationId, method: req.method, url: req.url, statusCode: res.statusCode, responseTime: Math.round(performance.now() - started) });
      res.once('close', () => {
        const logger = PinoLogger.root;
        if (!res.writableFinished) logger?.warn(line(), 'request aborted');
        else if (res.statusCode >= 500) logger?.error(line(), 'request errored');
        else logger?.info(line(), 'request completed');
      });
    }
    // Lines the gateway's code logs meanwhile go through this app's logger even when other apps share
    // the process (`npm start`), where nestjs-pino's logger outside a request is the first app's.
    const root = PinoLogger.root;
    if (root) storage.run(new Store(root), () => runWithCorrelation(correlationId, {}, next));
    else runWithCorrelation(correlationId, {}, next);
  };
}

/** The caller's correlation id when it is a sane token, else a new one; remembered on the request. */
export function correlationIdOf(req: IncomingMessage & { correlationId?: string }): string {
  if (!req.correlationId) {
    const given = req.headers[CORRELATION_HEADER];
    req.correlationId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  }
  return req.correlationId;
}
