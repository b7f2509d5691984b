import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { COMMAND_QUEUES, INBOX_QUEUES, redisConnection } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/** What survives a service outage, a crash mid-job and a duplicate event. */
describe('reliability (e2e)', () => {
  let platform: TestPlatform;
  let assessor: { id: string; token: string };
  let otherAssessor: { id: string; token: string };
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.start({ env: { REQUEST_TIMEOUT_MS: 400 } });
    assessor = await platform.account(['assessor']);
    otherAssessor = await platform.account(['assessor']);
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const register = (body: Record<string, unknown>) => platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(body);
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  /** Registers a senior; with this file's short timeout a busy machine may answer 202, so follow the status resource then. */
  const registered = async (body: Record<string, unknown>): Promise<string> => {
    const res = await register(body);
    if (res.status === 201) return res.body.seniorId as string;
    expect(res.status).toBe(202);
    return eventually(async () => {
      const status = await platform.http().get(res.body.statusUrl).set('Authorization', `Bearer ${assessor.token}`).expect(200);
      if (status.body.status !== 'completed') throw new Error(status.body.status);
      return status.body.result.seniorId as string;
    });
  };

  it('answers 202 with a status resource while the assessment service is down, and completes the request when it comes back', async () => {
    await platform.stopService('assessment');
    const body = seniorRegistration();
    const accepted = await register(body).expect(202);
    expect(accepted.body).toMatchObject({ status: 'pending', statusUrl: `/v1/requests/${accepted.body.requestId}` });
    expect(accepted.headers.location).toBe(accepted.body.statusUrl);

    const status = () => platform.http().get(accepted.body.statusUrl).set('Authorization', `Bearer ${assessor.token}`);
    expect((await status().expect(200)).body).toEqual({ requestId: accepted.body.requestId, status: 'pending' });
    await platform.http().get(accepted.body.statusUrl).set('Authorization', `Bearer ${otherAssessor.token}`).expect(404);
    expect(await count(`SELECT count(*) AS n FROM assessment.senior`)).toBe(0);

    await platform.startService('assessment');
    const done = await eventually(async () => {
      const res = await status().expect(200);
      if (res.body.status !== 'completed') throw new Error(res.body.status);
      return res.body;
    });
    expect(done.result).toMatchObject({ name: '张建国', idNumber: body.idNumber, birthDate: body.birthDate });
    expect(await count(`SELECT count(*) AS n FROM assessment.senior WHERE id = $1`, [done.result.seniorId])).toBe(1);
  });

  it('loses nothing when a service dies mid-job: the job is retried by another worker', async () => {
    // A stand-in for a replica that takes the job and then crashes without finishing it.
    const env = platform.env;
    await platform.stopService('assessment');
    let taken!: () => void;
    const jobTaken = new Promise<void>((resolve) => (taken = resolve));
    const doomed = new Worker(COMMAND_QUEUES.assessment, () => (taken(), new Promise(() => undefined)), {
      connection: redisConnection(loadEnvironment(PlatformEnvironment).REDIS_URL),
      prefix: env.QUEUE_PREFIX,
      lockDuration: 1000,
      autorun: true,
    });
    const body = seniorRegistration();
    const pending = register(body).then((r) => r);
    await jobTaken;
    await doomed.close(true); // crash: the lock is not released and the job is not completed

    await platform.startService('assessment');
    const accepted = await pending;
    expect(accepted.status).toBe(202);
    const result = await eventually(
      async () => {
        const res = await platform.http().get(accepted.body.statusUrl).set('Authorization', `Bearer ${assessor.token}`).expect(200);
        if (res.body.status !== 'completed') throw new Error(res.body.status);
        return res.body.result;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(result.idNumber).toBe(body.idNumber);
    expect(await count(`SELECT count(*) AS n FROM assessment.senior WHERE id_number_last4 = $1 AND id = $2`, [(body.idNumber as string).slice(-4), result.seniorId])).toBe(1);
  }, 45_000);

  it('applies an event delivered twice only once', async () => {
    const seniorId = await registered(seniorRegistration());
    // Once both of the registration's events (senior.registered, entitlements.changed) are applied.
    const appliedAt = async () =>
      (await db.query(`SELECT updated_at FROM allocation.senior_view WHERE senior_id = $1 AND entitlements IS NOT NULL`, [seniorId])).rows[0]?.updated_at as Date | undefined;
    const first = await eventually(async () => (await appliedAt()) ?? Promise.reject(new Error(`not applied yet; queues:\n${await platform.deadLetters()}`)));
    const outbox = (await db.query(`SELECT event_id FROM assessment.outbox_event WHERE type = 'senior.registered' AND payload->>'seniorId' = $1`, [seniorId])).rows[0];

    // Deliver the same event again under a new job id, as a relay that crashed before marking it would.
    const inbox = platform.gateway.get<Queue>(getQueueToken(INBOX_QUEUES.allocation), { strict: false });
    const original = (await inbox.getJob(outbox.event_id))!;
    const redelivery = await inbox.add(original.name, original.data, { jobId: `redelivery-${outbox.event_id}` });
    await eventually(async () => {
      if (!(await redelivery.isCompleted())) throw new Error('not processed yet');
    });

    expect(await appliedAt()).toEqual(first);
    expect(await count(`SELECT count(*) AS n FROM allocation.inbox_receipt WHERE event_id = $1`, [outbox.event_id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM assessment.outbox_event WHERE type = 'senior.registered' AND payload->>'seniorId' = $1 AND published_at IS NOT NULL`, [seniorId])).toBe(1);
  });

  it('applies every event of many registrations at once, whatever order the inbox sees them in', async () => {
    // Registration and its first entitlements are committed together and race in allocation's inbox;
    // an entitlements change seen before its registration must be retried, never taken as applied.
    const ids: string[] = [];
    for (let batch = 0; batch < 8; batch += 1) {
      ids.push(...(await Promise.all(Array.from({ length: 5 }, () => registered(seniorRegistration())))));
    }
    await eventually(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM allocation.senior_view WHERE senior_id = ANY($1::uuid[]) AND entitlements IS NOT NULL`, [ids]);
        if (rows[0].n !== ids.length) throw new Error(`${rows[0].n} of ${ids.length} applied; queues:\n${await platform.deadLetters()}`);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }, 60_000);
});
