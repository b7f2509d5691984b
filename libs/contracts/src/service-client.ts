import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { Job, Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Actor } from './actor';
import type { CommandName, CommandRequest, CommandResult } from './catalogue';
import type { CommandEnvelope, CommandReply } from './envelopes';
import { DomainError } from './errors';
import { COMMAND_QUEUES, SERVICE_NAMES, ServiceName } from './queues';
import { redisConnection } from './redis-connection';

export interface CallContext {
  actor: Actor | null;
  correlationId: string;
  /** The command's job id. The same id twice is one job: BullMQ ignores the second add. */
  requestId?: string;
  /** How long to wait for the reply before answering "pending". */
  timeoutMs: number;
}

/** The outcome of a call: the service's answer, or a request still queued that will complete later. */
export type CallOutcome<R> = { status: 'done'; value: R } | { status: 'pending'; requestId: string; service: ServiceName };

/** State of a command seen later through its request id (the 202 status resource). */
export type RequestState =
  | { status: 'pending'; service: ServiceName; actorId: string | null }
  | { status: 'completed'; service: ServiceName; actorId: string | null; reply: CommandReply }
  | { status: 'failed'; service: ServiceName; actorId: string | null };

/** The service did not finish the job: it failed every attempt. The reason stays in the dead-letter view. */
export class ServiceFailureError extends Error {}

/**
 * Request/reply over BullMQ: add a job to the owning service's command queue and wait for its
 * return value. On timeout the job stays queued and the caller gets its id.
 */
@Injectable()
export class ServiceClient implements OnModuleInit, OnApplicationShutdown {
  private readonly queues: Record<ServiceName, Queue>;
  private readonly events = new Map<ServiceName, QueueEvents>();

  constructor(
    @Inject(ENVIRONMENT) private readonly env: PlatformEnvironment,
    @InjectQueue(COMMAND_QUEUES.assessment) assessment: Queue,
    @InjectQueue(COMMAND_QUEUES.allocation) allocation: Queue,
    @InjectQueue(COMMAND_QUEUES.dispatch) dispatch: Queue,
  ) {
    this.queues = { assessment, allocation, dispatch };
    // Every add in flight listens for the queue closing; many concurrent calls are normal here.
    for (const queue of Object.values(this.queues)) queue.setMaxListeners(0);
  }

  async onModuleInit(): Promise<void> {
    for (const service of SERVICE_NAMES) {
      const events = new QueueEvents(COMMAND_QUEUES[service], {
        connection: redisConnection(this.env.REDIS_URL),
        prefix: this.env.QUEUE_PREFIX,
      });
      this.events.set(service, events);
    }
    await Promise.all([...this.events.values()].map((e) => e.waitUntilReady()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.values()].map((e) => e.close()));
  }

  async call<S extends ServiceName, N extends CommandName<S>>(
    service: S,
    name: N,
    payload: CommandRequest<S, N>,
    context: CallContext,
  ): Promise<CallOutcome<CommandResult<S, N>>> {
    const envelope: CommandEnvelope<CommandRequest<S, N>> = {
      payload,
      correlationId: context.correlationId,
      actor: context.actor,
      issuedAt: new Date().toISOString(),
    };
    const requestId = context.requestId ?? randomUUID();
    const adding = this.queues[service].add(name, envelope, { jobId: requestId });
    const job = await withTimeout(adding, context.timeoutMs, () => {
      // While Redis is away the add waits in the client's offline queue and runs when Redis is back,
      // after the caller was told nothing was done: its retry would then be a second command (a
      // 409 for its own effect). Take the late job back out unless a worker already has it.
      void adding.then((late) => late.remove()).catch(() => undefined);
      return new DomainError('SERVICE_UNAVAILABLE', 'The message broker did not accept the request in time; retry with the same Idempotency-Key');
    });
    let reply: CommandReply<CommandResult<S, N>>;
    try {
      reply = (await job.waitUntilFinished(this.events.get(service)!, context.timeoutMs)) as CommandReply<CommandResult<S, N>>;
    } catch (error) {
      if (isWaitTimeout(error)) return { status: 'pending', requestId, service };
      throw new ServiceFailureError(`${service} failed ${name} (request ${requestId})`);
    }
    if (!reply.ok) throw DomainError.fromBody(reply.error);
    return { status: 'done', value: reply.value };
  }

  /** Finds a command by its request id in any service's queue. */
  async requestState(requestId: string): Promise<RequestState | null> {
    for (const service of SERVICE_NAMES) {
      const job = (await Job.fromId(this.queues[service], requestId)) as Job<CommandEnvelope, CommandReply> | undefined;
      if (!job) continue;
      const actorId = job.data.actor?.accountId ?? null;
      if (job.finishedOn && !job.failedReason) return { status: 'completed', service, actorId, reply: job.returnvalue };
      if (job.failedReason && (job.attemptsMade >= (job.opts.attempts ?? 1) || job.finishedOn)) return { status: 'failed', service, actorId };
      return { status: 'pending', service, actorId };
    }
    return null;
  }
}

function isWaitTimeout(error: unknown): boolean {
  return error instanceof Error && /timed out before finishing/.test(error.message);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
