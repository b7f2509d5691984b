import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { createGateway } from '../apps/gateway/src/gateway.bootstrap';
import type { GatewayEnvironment } from '@app/config';
import { ALL_QUEUES, type ServiceName } from '@app/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createTestDatabase, TestDatabase, testQueuePrefix } from '@app/testing';

const SERVICE_BOOTSTRAPS = { assessment: bootstrapAssessment, allocation: bootstrapAllocation, dispatch: bootstrapDispatch };
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/**
 * The four apps in one process, as `npm start` runs them, on a database and a BullMQ prefix of
 * this test file's own. Services can be stopped and started to test what survives an outage.
 */
export class TestPlatform {
  private readonly services = new Map<ServiceName, INestApplicationContext>();
  gateway!: NestExpressApplication;

  private constructor(
    readonly database: TestDatabase,
    readonly env: Partial<GatewayEnvironment>,
  ) {}

  static async start(options: { services?: ServiceName[]; env?: Partial<GatewayEnvironment> } = {}): Promise<TestPlatform> {
    const database = await createTestDatabase();
    const env: Partial<GatewayEnvironment> = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: testQueuePrefix(),
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: 200,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Every test file calls from 127.0.0.1 and signs in often: limits out of reach unless a test sets its own.
      RATE_LIMIT_PER_IP: 1_000_000,
      RATE_LIMIT_PER_ACCOUNT: 1_000_000,
      LOGIN_MAX_FAILURES_PER_IP: 100_000,
      LOGIN_MAX_FAILURES_PER_USERNAME: 1000,
      LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES: 100_000,
      ...options.env,
    };
    const platform = new TestPlatform(database, env);
    try {
      for (const service of options.services ?? ['assessment', 'allocation', 'dispatch']) await platform.startService(service);
      platform.gateway = await createGateway(env);
      await platform.gateway.init();
    } catch (error) {
      await platform.stop(); // leave nothing running behind a failed start
      throw error;
    }
    return platform;
  }

  async startService(service: ServiceName): Promise<void> {
    this.services.set(service, await SERVICE_BOOTSTRAPS[service](this.env));
  }

  /** A running service's application context, to reach its providers (e.g. run a schedule now). */
  service(service: ServiceName): INestApplicationContext {
    const app = this.services.get(service);
    if (!app) throw new Error(`${service} is not running`);
    return app;
  }

  async stopService(service: ServiceName): Promise<void> {
    await this.services.get(service)?.close();
    this.services.delete(service);
  }

  http(): ReturnType<typeof request> {
    return request(this.gateway.getHttpServer());
  }

  async token(username: string, password: string): Promise<string> {
    const res = await this.http().post('/v1/auth/token').send({ username, password }).expect(200);
    return res.body.accessToken as string;
  }

  /** Creates an account through the admin API and returns its id and a token. */
  async account(roles: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; token: string; username: string }> {
    const admin = await this.token('admin', ADMIN_PASSWORD);
    const username = `${roles[0]}-${Math.random().toString(36).slice(2, 10)}`;
    const password = 'a-long-test-password';
    const res = await this.http()
      .post('/v1/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username, displayName: username, password, roles, ...extra })
      .expect(201);
    return { id: res.body.accountId as string, token: await this.token(username, password), username };
  }

  /** Failed jobs of every queue with their reasons: what to print when an event never arrives. */
  async deadLetters(): Promise<string> {
    const queues = ALL_QUEUES.map((name) => this.gateway.get<Queue>(getQueueToken(name), { strict: false }));
    const failed = await Promise.all(queues.map(async (q) => (await q.getFailed(0, 20)).map((j) => `${q.name}/${j.name}: ${j.failedReason}`)));
    const delayed = await Promise.all(queues.map(async (q) => (await q.getDelayed(0, 20)).map((j) => `${q.name}/${j.name} delayed after ${j.attemptsMade} attempts: ${j.failedReason}`)));
    return [...failed.flat(), ...delayed.flat()].join('\n') || 'no failed or delayed jobs';
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    for (const service of [...this.services.keys()]) await this.stopService(service);
    await this.database.drop();
  }
}
