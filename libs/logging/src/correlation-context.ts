import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

/**
 * Runs a job handler with a logger bound to the job's correlation id, so every line that
 * handler (and anything it calls) logs through PinoLogger carries the id from the HTTP request.
 */
export function runWithCorrelation<T>(correlationId: string | null, fields: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const root = PinoLogger.root;
  if (!root) return fn();
  return storage.run(new Store(root.child({ correlationId, ...fields })), fn);
}
