import type { DefaultJobOptions } from 'bullmq';

/**
 * Retry and retention per kind of queue. Commands are retried a few times (a crash mid-job is
 * retried by stall detection too) and kept a day so a 202's status resource can be read later.
 * Inbox jobs retry longer, and failed ones are kept: they are the dead-letter view.
 */
export const COMMAND_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const INBOX_JOB_OPTIONS: DefaultJobOptions = {
  // Short first delays: the usual failure is an event that overtook the one it depends on (an
  // entitlements change applied before its senior's registration), which resolves in milliseconds.
  // Twelve attempts still span about seven minutes for a real outage.
  attempts: 12,
  backoff: { type: 'exponential', delay: 100 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: false,
};

/**
 * Every worker's lock settings. A worker that dies mid-job stops renewing its lock; within about
 * lockDuration + stalledInterval another replica's stalled check puts the job back in the queue,
 * so a crash delays a job by seconds and loses nothing.
 */
export const WORKER_OPTIONS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2 } as const;
