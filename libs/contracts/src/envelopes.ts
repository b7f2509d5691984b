import type { Actor } from './actor';
import type { DomainErrorBody } from './errors';
import type { ServiceName } from './queues';

/** The data of every command job. JSON only: ids and ISO dates, never entities. */
export interface CommandEnvelope<P = unknown> {
  payload: P;
  correlationId: string;
  actor: Actor | null;
  issuedAt: string;
}

/** A command's job return value: a business answer, including business refusals. */
export type CommandReply<R = unknown> = { ok: true; value: R } | { ok: false; error: DomainErrorBody };

/** The data of every event job, as written to the outbox and delivered to each subscriber's inbox. */
export interface EventEnvelope<T extends string = string, P = unknown> {
  eventId: string;
  type: T;
  source: ServiceName;
  occurredAt: string;
  correlationId: string | null;
  payload: P;
}
