import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { COMMAND_QUEUES, DomainError, QUERY_BATCH_JOB, type QueryBatch, ServiceClient } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/** Point reads asked together travel to their service as one job, and each caller still gets only its own answer. */
describe('point queries in batches (e2e)', () => {
  let platform: TestPlatform;
  let assessor: { id: string; token: string };
  let commands: Queue;
  const seniorIds: string[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.start({ env: { REQUEST_TIMEOUT_MS: 1500 } });
    assessor = await platform.account(['assessor']);
    commands = platform.gateway.get<Queue>(getQueueToken(COMMAND_QUEUES.assessment), { strict: false });
    for (const name of ['王秀英', '李桂兰', '陈志强']) {
      const res = await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(seniorRegistration({ name })).expect(201);
      seniorIds.push(res.body.seniorId as string);
    }
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const getSenior = (seniorId: string) => platform.http().get(`/v1/seniors/${seniorId}`).set('Authorization', `Bearer ${assessor.token}`);
  const batchJobs = async (): Promise<Job<QueryBatch>[]> => (await commands.getJobs(['completed'])).filter((job) => job.name === QUERY_BATCH_JOB) as Job<QueryBatch>[];

  it('gives every one of many reads asked at once its own senior, and a 404 only to the one asking for nobody', async () => {
    const unknown = randomUUID();
    const asked = [...Array.from({ length: 24 }, (_, i) => seniorIds[i % 3]), unknown];
    const answers = await Promise.all(asked.map((seniorId) => getSenior(seniorId)));

    answers.forEach((res, i) => {
      if (asked[i] === unknown) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('SENIOR_NOT_FOUND');
      } else {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ seniorId: asked[i], name: ['王秀英', '李桂兰', '陈志强'][i % 3] });
      }
    });
  });

  it('carries the reads asked in one turn to the service as one job, in their order, each with its own actor', async () => {
    const client = platform.gateway.get(ServiceClient);
    const before = new Set((await batchJobs()).map((job) => job.id));
    const actor = { accountId: assessor.id, roles: ['assessor' as const], facilityIds: [], kitchenIds: [] };
    const unknown = randomUUID();
    const asked = [seniorIds[2], unknown, seniorIds[0], seniorIds[1]];

    const settled = await Promise.allSettled(
      asked.map((seniorId, i) => client.call('assessment', 'senior.get', { seniorId }, { actor, correlationId: `batch-test-${i}`, timeoutMs: 5000 })),
    );

    expect(settled.map((outcome) => (outcome.status === 'fulfilled' && outcome.value.status === 'done' ? outcome.value.value.seniorId : null))).toEqual([seniorIds[2], null, seniorIds[0], seniorIds[1]]);
    const refusal = settled[1] as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(DomainError);
    expect((refusal.reason as DomainError).code).toBe('SENIOR_NOT_FOUND');
    const made = (await batchJobs()).filter((job) => !before.has(job.id));
    expect(made).toHaveLength(1);
    expect(made[0].data.queries.map((query) => [query.name, (query.envelope.payload as { seniorId: string }).seniorId, query.envelope.correlationId])).toEqual(
      asked.map((seniorId, i) => ['senior.get', seniorId, `batch-test-${i}`]),
    );
  });

  it('answers a read 503 when its service does not answer in time, leaves nothing queued, and answers again once the service is back', async () => {
    await platform.stopService('assessment');
    try {
      const res = await getSenior(seniorIds[0]);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('assessment service did not answer in time') });
      expect(res.headers.location).toBeUndefined();
      await eventually(async () => expect(await commands.getWaitingCount()).toBe(0)); // taken back out right after the answer
    } finally {
      await platform.startService('assessment');
    }
    expect((await getSenior(seniorIds[0]).expect(200)).body.seniorId).toBe(seniorIds[0]);
  });
});
