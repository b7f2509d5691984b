import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { Job, type JobsOptions, Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Actor } from './actor';
import type { CommandName, CommandRequest, CommandResult } from './catalogue';
import type { CommandEnvelope, CommandReply } from './envelopes';
import { DomainError } from './errors';
import { isPointQuery, MAX_QUERY_BATCH, QUERY_BATCH_JOB, type QueryBatch, type QueryBatchReply } from './point-queries';
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

interface QueuedQuery {
  query: QueryBatch['queries'][number];
  resolve(reply: CommandReply): void;
  reject(error: unknown): void;
}

const NO_REPLY_IN_TIME = Symbol('no reply in time');

/**
 * A batch's answers are worth nothing once its callers have them: no status resource reads it, so
 * it is dropped soon (a minute, long enough for the completed event to reach every gateway). Queries
 * change nothing, so a failed batch is retried whole, twice at most, within the callers' wait.
 */
const QUERY_BATCH_JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'fixed', delay: 200 }, removeOnComplete: { age: 60 }, removeOnFail: { age: 24 * 3600 } };

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
  /** Point queries asked in this turn of the event loop, by service and wait, not yet sent. */
  private readonly gathering = new Map<string, QueuedQuery[]>();

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
    if (!context.requestId && isPointQuery(service, name)) {
      const reply = (await this.ask(service, { name, envelope }, context.timeoutMs)) as CommandReply<CommandResult<S, N>>;
      return { status: 'done', value: valueOf(reply) };
    }
    const requestId = context.requestId ?? randomUUID();
    const reply = await this.send(service, name, envelope, { jobId: requestId }, context.timeoutMs);
    if (reply === NO_REPLY_IN_TIME) return { status: 'pending', requestId, service };
    return { status: 'done', value: valueOf(reply as CommandReply<CommandResult<S, N>>) };
  }

  /**
   * Adds a job and waits for its return value, or NO_REPLY_IN_TIME. A job that failed every attempt
   * is a ServiceFailureError.
   */
  private async send(service: ServiceName, name: string, data: CommandEnvelope | QueryBatch, opts: JobsOptions & { jobId: string }, timeoutMs: number): Promise<unknown> {
    const adding = this.queues[service].add(name, data, opts);
    const job = await withTimeout(adding, timeoutMs, () => {
      // While Redis is away the add waits in the client's offline queue and runs when Redis is back,
      // after the caller was told nothing was done: its retry would then be a second command (a
      // 409 for its own effect). Take the late job back out unless a worker already has it.
      void adding.then((late) => late.remove()).catch(() => undefined);
      return new DomainError('SERVICE_UNAVAILABLE', 'The message broker did not accept the request in time; retry with the same Idempotency-Key');
    });
    try {
      return await job.waitUntilFinished(this.events.get(service)!, timeoutMs);
    } catch (error) {
      if (isWaitTimeout(error)) return NO_REPLY_IN_TIME;
      throw new ServiceFailureError(`${service} failed ${name} (request ${opts.jobId})`);
    }
  }

  /**
   * Asks a point query. Queries asked of one service in the same turn of the event loop leave
   * together, after the turn, as one `query.batch` job (a lone query goes as its own job). A query
   * changes nothing and has no status resource to follow, so when the service does not answer in
   * time the caller gets 503 and may simply ask again.
   */
  private ask(service: ServiceName, query: QueuedQuery['query'], timeoutMs: number): Promise<CommandReply> {
    // Only queries that wait equally long share a batch: each keeps its own deadline.
    const key = `${service}:${timeoutMs}`;
    return new Promise((resolve, reject) => {
      let batch = this.gathering.get(key);
      if (!batch) {
        batch = [];
        this.gathering.set(key, batch);
        setImmediate(() => this.dispatchGathered(key, service, timeoutMs, batch!));
      }
      batch.push({ query, resolve, reject });
      if (batch.length >= MAX_QUERY_BATCH) this.dispatchGathered(key, service, timeoutMs, batch);
    });
  }

  private dispatchGathered(key: string, service: ServiceName, timeoutMs: number, batch: QueuedQuery[]): void {
    if (this.gathering.get(key) !== batch) return; // already sent when it filled up
    this.gathering.delete(key);
    const jobId = randomUUID();
    const sending =
      batch.length === 1
        ? this.send(service, batch[0].query.name, batch[0].query.envelope, { jobId }, timeoutMs).then((reply) => [reply])
        : this.send(service, QUERY_BATCH_JOB, { queries: batch.map((queued) => queued.query) } satisfies QueryBatch, { jobId, ...QUERY_BATCH_JOB_OPTIONS }, timeoutMs).then((reply) =>
            reply === NO_REPLY_IN_TIME ? batch.map(() => NO_REPLY_IN_TIME) : (reply as QueryBatchReply),
          );
    sending.then(
      (replies) => {
        if (replies[0] === NO_REPLY_IN_TIME) {
          // Nobody waits for the answer any more: take the queries back out unless a worker has them.
          void Job.fromId(this.queues[service], jobId).then((job) => job?.remove()).catch(() => undefined);
          for (const queued of batch) queued.reject(noAnswerInTime(service));
        } else batch.forEach((queued, i) => queued.resolve(replies[i] as CommandReply));
      },
      (error: unknown) => {
        for (const queued of batch) queued.reject(error);
      },
    );
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

function noAnswerInTime(service: ServiceName): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', `The ${service} service did not answer in time; the read changed nothing, ask again`);
}

function valueOf<R>(reply: CommandReply<R>): R {
  if (!reply.ok) throw DomainError.fromBody(reply.error);
  return reply.value;
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
