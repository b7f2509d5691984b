import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, OnApplicationBootstrap } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { runWithCorrelation } from '@app/logging';
import type { Job } from 'bullmq';
import type { CommandName, InboxEvent } from './catalogue';
import { toCommandReply } from './command-reply';
import type { CommandEnvelope, CommandReply, EventEnvelope } from './envelopes';
import type { ScheduleCatalogue, ServiceName } from './queues';
import type { Actor } from './actor';
import { DomainError } from './errors';
import { QUERY_BATCH_JOB, type QueryBatch, type QueryBatchReply } from './point-queries';
import { runQueryBatch } from './query-batch-memo';

/**
 * What every worker of the platform shares: concurrency from config, the correlation id bound to
 * every log line of the job, and a graceful stop that lets in-flight jobs finish before the
 * database connection closes (beforeApplicationShutdown runs before any connection is torn down).
 */
abstract class PlatformWorker extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  @Inject(ENVIRONMENT) protected readonly env!: PlatformEnvironment;

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.WORKER_CONCURRENCY;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

/**
 * Base of a service's command processor: subclasses switch exhaustively over their command names.
 * A `query.batch` job runs each of its point queries as if it were its own job, side by side, with a
 * memo they share (sharedInBatch).
 */
export abstract class CommandProcessor<S extends ServiceName> extends PlatformWorker {
  async process(job: Job<CommandEnvelope | QueryBatch>): Promise<CommandReply | QueryBatchReply> {
    if (job.name === QUERY_BATCH_JOB) return this.answerBatch(job as Job<QueryBatch>);
    return this.answer(job, job.name, job.data as CommandEnvelope);
  }

  protected abstract handle(name: CommandName<S>, envelope: CommandEnvelope): Promise<unknown>;

  private answer(job: Job, name: string, envelope: CommandEnvelope): Promise<CommandReply> {
    const fields = { jobId: job.id, queue: job.queueName, command: name, attempt: job.attemptsMade + 1 };
    return runWithCorrelation(envelope.correlationId, fields, () => toCommandReply(() => this.handle(name as CommandName<S>, envelope)));
  }

  /** Business refusals are per query; anything else fails the batch, and BullMQ retries it whole (the queries change nothing). */
  private async answerBatch(job: Job<QueryBatch>): Promise<QueryBatchReply> {
    const settled = await runQueryBatch(() => Promise.allSettled(job.data.queries.map(({ name, envelope }) => this.answer(job, name, envelope))));
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return settled.map((outcome) => (outcome as PromiseFulfilledResult<CommandReply>).value);
  }
}

/** Base of a service's inbox processor: subclasses switch exhaustively over the events they subscribe to. */
export abstract class InboxProcessor<S extends ServiceName> extends PlatformWorker {
  async process(job: Job<EventEnvelope>): Promise<void> {
    const fields = { jobId: job.id, queue: job.queueName, event: job.name, attempt: job.attemptsMade + 1 };
    await runWithCorrelation(job.data.correlationId, fields, () =>
      this.handle(job.data as InboxEvent<S>),
    );
  }

  protected abstract handle(event: InboxEvent<S>): Promise<void>;
}

/** Base of a service's schedule processor: subclasses switch exhaustively over their scheduled job names. */
export abstract class ScheduleProcessor<S extends ServiceName> extends PlatformWorker {
  async process(job: Job): Promise<unknown> {
    const fields = { jobId: job.id, queue: job.queueName, schedule: job.name };
    return runWithCorrelation(`schedule-${job.id ?? job.name}`, fields, () => this.handle(job.name as ScheduleCatalogue[S], (job.data ?? {}) as Record<string, unknown>));
  }

  /** `data`: what a one-off delayed job carries (e.g. the offer to expire); empty for repeating schedules. */
  protected abstract handle(name: ScheduleCatalogue[S], data: Record<string, unknown>): Promise<unknown>;
}

/** Commands that record who did something refuse to run without an actor. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'This command needs an actor');
  return actor;
}
