import { Injectable } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { ALL_QUEUES, DomainError } from '@app/contracts';

export interface DeadLetterView {
  queue: string;
  jobId: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  correlationId: string | null;
}

/**
 * Jobs that failed every attempt, across all queues, and a way to retry them once the cause is
 * fixed. Job payloads are not shown: they can hold personal data.
 */
@Injectable()
export class DeadLettersService {
  constructor(private readonly moduleRef: ModuleRef) {}

  async list(limit: number): Promise<DeadLetterView[]> {
    const perQueue = await Promise.all(ALL_QUEUES.map(async (name) => (await this.queue(name).getFailed(0, limit - 1)).map((job) => toView(name, job))));
    return perQueue.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, limit);
  }

  async retry(queueName: string, jobId: string): Promise<DeadLetterView> {
    if (!ALL_QUEUES.includes(queueName)) throw new DomainError('NOT_FOUND', `No queue ${queueName}`);
    const job = await this.queue(queueName).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new DomainError('NOT_FOUND', `No failed job ${jobId} in ${queueName}`);
    await job.retry('failed');
    return toView(queueName, job);
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function toView(queue: string, job: Job): DeadLetterView {
  const data = job.data as { correlationId?: string | null } | undefined;
  return {
    queue,
    jobId: job.id ?? '',
    name: job.name,
    failedReason: job.failedReason,
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    correlationId: data?.correlationId ?? null,
  };
}
