import { AsyncLocalStorage } from 'node:async_hooks';

/** The fields of the request or job being handled, which every log line written meanwhile carries. */
const logContext = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/**
 * Runs a request or job handler so that every line it (and anything it calls) logs carries the
 * correlation id from the HTTP request and the given fields. Costs no logger of its own: the app's
 * logger adds the fields as it writes (logContextFields is its mixin).
 */
export function runWithCorrelation<T>(correlationId: string | null, fields: Record<string, unknown>, fn: () => T): T {
  return logContext.run({ correlationId, ...fields }, fn);
}

/** The logger's mixin: the fields of the request or job being handled, or none outside one. A new object each time: pino merges the line's own fields into it. */
export function logContextFields(): Record<string, unknown> {
  return { ...logContext.getStore() };
}
