import 'reflect-metadata';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { COMMAND_QUEUES, SERVICE_NAMES, ServiceName, redisConnection } from '@app/contracts';

/**
 * `node dist/scripts/ping-service.js <service>`: exits 0 when the service answers a ping through its
 * queue within 3 s. The health check of a service container (services have no HTTP server).
 */
async function main(): Promise<void> {
  const service = process.argv[2] as ServiceName;
  if (!SERVICE_NAMES.includes(service)) throw new Error(`usage: ping-service <${SERVICE_NAMES.join('|')}>`);
  const env = loadEnvironment(PlatformEnvironment);
  const options = { connection: redisConnection(env.REDIS_URL), prefix: env.QUEUE_PREFIX };
  const queue = new Queue(COMMAND_QUEUES[service], options);
  const events = new QueueEvents(COMMAND_QUEUES[service], options);
  try {
    await events.waitUntilReady();
    const job = await queue.add('system.ping', { payload: {}, correlationId: `ping-${randomUUID()}`, actor: null, issuedAt: new Date().toISOString() }, { removeOnComplete: true, removeOnFail: true });
    await job.waitUntilFinished(events, 3000);
  } finally {
    await Promise.all([queue.close(), events.close()]);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
