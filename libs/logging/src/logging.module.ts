import { DynamicModule, Module } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

/** Structured JSON logs (pino), one line per event, with the app's name and the correlation id. */
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
              genReqId: (req: IncomingMessage) => correlationIdOf(req),
              customProps: (req: IncomingMessage) => ({ correlationId: correlationIdOf(req) }),
              autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
              serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

/** The caller's correlation id when it is a sane token, else a new one; remembered on the request. */
export function correlationIdOf(req: IncomingMessage & { correlationId?: string }): string {
  if (!req.correlationId) {
    const given = req.headers[CORRELATION_HEADER];
    req.correlationId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  }
  return req.correlationId;
}
