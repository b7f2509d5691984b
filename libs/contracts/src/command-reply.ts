import { UnrecoverableError } from 'bullmq';
import { UnhandledMessageError } from './assert-never';
import type { CommandReply } from './envelopes';
import { DomainError } from './errors';

/**
 * Runs a command handler and turns its outcome into the job's reply. A DomainError is a business
 * answer (the job completes with ok:false and is not retried); an unknown message is permanent
 * (UnrecoverableError); anything else is rethrown so BullMQ retries with backoff.
 */
export async function toCommandReply<R>(handler: () => Promise<R>): Promise<CommandReply<R>> {
  try {
    return { ok: true, value: await handler() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.toBody() };
    if (error instanceof UnhandledMessageError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
