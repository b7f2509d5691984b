import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

/** A BullMQ prefix of its own for one test file or bench run, so runs in parallel never share a queue. */
export function testQueuePrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Removes every Redis key under a run's own prefix: its queues, jobs and schedulers. */
export async function forgetQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
