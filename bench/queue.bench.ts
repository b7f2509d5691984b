import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { createGateway } from '../apps/gateway/src/gateway.bootstrap';
import { ServiceClient } from '@app/contracts';
import { AssessmentOutboxEvent, OutboxRelay, recordEvent } from '@app/persistence';
import { createMigratedDatabase, testQueuePrefix } from '@app/testing';
import { percentile, pingRoundTrips } from './ping-round-trips';

/**
 * `npm run bench:queue`: request/reply round trips through the gateway's ServiceClient to a
 * service and back, at concurrency 1 and 50, and outbox → inbox event latency. Prints figures
 * beside the anchors measured on this machine class.
 */
const ANCHOR = 'anchor (this machine class): bare BullMQ add→complete ≈ 0.7 ms median, ≈ 16,000 no-op jobs/s at concurrency 50; target p99 < 10 ms and ≥ 2,000 round trips/s';

async function eventLatency(assessment: INestApplicationContext, allocation: INestApplicationContext, samples: number): Promise<{ median: number; p99: number }> {
  const source = assessment.get<DataSource>(getDataSourceToken());
  const target = allocation.get<DataSource>(getDataSourceToken());
  const relay = assessment.get(OutboxRelay);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const seniorId = randomUUID();
    const t = performance.now();
    await source.transaction((m) =>
      recordEvent(m, AssessmentOutboxEvent, 'senior.registered', {
        seniorId, name: 'bench', sex: 'female', birthDate: '1940-01-01', address: { text: 'bench', streetCode: null }, districtCode: '310112',
        location: { lat: 31.11, lng: 121.38 }, livingArrangement: 'alone', priorityFlags: [], registeredAt: new Date().toISOString(),
      }, null),
    );
    relay.kick();
    for (;;) {
      const rows = await target.query(`SELECT 1 FROM allocation.senior_view WHERE senior_id = $1`, [seniorId]);
      if (rows.length > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  return { median: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const database = await createMigratedDatabase('bench');
  const env = { DATABASE_URL: database.url, QUEUE_PREFIX: testQueuePrefix(), LOG_LEVEL: 'silent', NODE_ENV: 'test' as const };
  const [assessment, allocation, dispatch] = await Promise.all([bootstrapAssessment(env), bootstrapAllocation(env), bootstrapDispatch(env)]);
  const gateway = await createGateway(env);
  await gateway.init();
  const client = gateway.get(ServiceClient);
  try {
    await pingRoundTrips(client, 500, 10); // warm-up
    const c1 = await pingRoundTrips(client, 2000, 1);
    const c50 = await pingRoundTrips(client, 20_000, 50);
    const events = await eventLatency(assessment, allocation, 300);
    const fmt = (n: number) => n.toFixed(2);
    console.log('request/reply through BullMQ (gateway ServiceClient → allocation → reply)');
    console.log(`  concurrency  1: median ${fmt(c1.p50)} ms, p99 ${fmt(c1.p99)} ms, ${Math.round(c1.perSecond)} round trips/s`);
    console.log(`  concurrency 50: median ${fmt(c50.p50)} ms, p99 ${fmt(c50.p99)} ms, ${Math.round(c50.perSecond)} round trips/s`);
    console.log(`event outbox → inbox → applied (assessment → allocation read model): median ${fmt(events.median)} ms, p99 ${fmt(events.p99)} ms`);
    console.log(ANCHOR);
    console.log(JSON.stringify({ c1, c50, events }));
  } finally {
    await gateway.close();
    await Promise.all([assessment.close(), allocation.close(), dispatch.close()]);
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:queue failed: ${error.message}`);
  process.exit(1);
});
