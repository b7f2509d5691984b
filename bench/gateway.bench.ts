import 'reflect-metadata';
import { Controller, Get, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import IORedis from 'ioredis';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { bootstrapGateway } from '../apps/gateway/src/gateway.bootstrap';
import { GatewayEnvironment, loadEnvironment, PlatformEnvironment } from '@app/config';
import { COMMAND_QUEUES, ServiceClient, type ServiceName } from '@app/contracts';
import { DISTRICT_PROFILES, generateDistrict, localDate } from '@app/domain';
import { ALLOCATION_ENTITIES, dataSourceOptions, loadDistrict } from '@app/persistence';
import { createMigratedDatabase, forgetQueues, gbtItems, type TestDatabase, testQueuePrefix } from '@app/testing';
import { fillBedsAndWaitingList } from './district-beds-seed';
import { type LoadResult, runLoad, seniorRegistration } from './gateway-load';
import { percentile, pingRoundTrips } from './ping-round-trips';
import { seedMealDistrict } from './meal-district-seed';

/**
 * `npm run bench:gateway [-- --layout split|each|one-process] [--seconds 8] [--concurrency 1,50,200] [--seniors 20] [--filter circle]`: throughput and
 * latency of the main family routes through the whole stack (HTTP → gateway → BullMQ → service →
 * PostgreSQL → reply), with autocannon against a listening gateway, beside the anchor: a bare NestJS
 * route (one GET returning JSON) in the same process at the same concurrencies.
 *
 * On a fresh database (migrated, dropped at the end) with the small synthetic district (allocation
 * loader, bench:meals' meal seed, every bed taken and 40 applicants waiting), the gateway runs in
 * this process and the services in a second one (`--layout split`, the default: as a district runs
 * them), each in its own (`--layout each`) or all four apps in this process as `npm start` runs them
 * (`--layout one-process`); the load generator is a worker thread of this process (gateway-load.ts).
 * Staff register, assess and give consent for `--seniors` seniors through the API; a family account
 * reads them in turn. Routes: a senior's status, the 15-minute circle, the bed application with its
 * waiting-list position, the meal subscription (all as the family), and a senior's registration
 * with an Idempotency-Key (as an assessor; every request a new senior). After each route's run it
 * reads the BullMQ jobs the run made: time queued before a worker took the job, and time the service
 * spent on it (its database work), so the rest of each request's time is the gateway (HTTP, JWT,
 * consent check, validation, audit entry) and the reply's way back; then BullMQ request/reply alone
 * (system.ping) as the floor under every routed request.
 *
 * Rate limits are raised out of the way (RATE_LIMIT_PER_ACCOUNT / RATE_LIMIT_PER_IP, when libs/config
 * has them). Exits 1 when any request failed (connection error, timeout, non-2xx, or a 202 because a
 * service did not answer in time); a missed latency target is reported, not failed.
 */
const TARGET = { concurrency: 50, p99Ms: 50 };
const ANCHORS = [
  `target: p99 < ${TARGET.p99Ms} ms at concurrency ${TARGET.concurrency} on two cores, no errors (no failed request, no non-2xx, no 202)`,
  'anchors (architecture.md and bench:queue, this machine class): BullMQ single job add→complete ≈ 0.7 ms median; ≈ 16,000 no-op jobs/s at concurrency 50; circle search ≈ 4 ms p95 in-process on Minhang',
];
const LIMIT_OVERRIDES: Record<string, number> = { RATE_LIMIT_PER_ACCOUNT: 1_000_000, RATE_LIMIT_PER_IP: 1_000_000 };
const ADMIN_PASSWORD = 'bench-admin-password';
const PASSWORD = 'bench-password-0123';
const WARM_UP_SECONDS = 2;

/**
 * Where the apps run. `split` (the default and the headline): the gateway in this process, the three
 * services together in a second one, as a district runs the gateway apart from the workers. `each`:
 * every service in a process of its own (four processes, as docker/compose.yml runs them).
 * `one-process`: all four apps in this process, as `npm start` runs them on a single machine.
 */
type Layout = 'split' | 'each' | 'one-process';
const LAYOUTS: readonly Layout[] = ['split', 'each', 'one-process'];
type ServiceApp = 'assessment' | 'allocation' | 'dispatch';
const SERVICE_APPS: readonly ServiceApp[] = ['assessment', 'allocation', 'dispatch'];
const SERVICES_CHILD_FLAG = '--bench-services-child';

interface BenchOptions {
  layout: Layout;
  seconds: number;
  concurrency: number[];
  seniors: number;
  /** Only routes whose name contains this (the anchor always runs). */
  filter: string | null;
}

interface Target {
  name: string;
  route: string;
  who: string;
  method: 'GET' | 'POST';
  paths: string[];
  token: string | null;
  baseUrl: string;
  register?: boolean;
}

interface QueueProfile {
  jobs: number;
  jobsPerRequest: number;
  waitP50: number;
  waitP99: number;
  workP50: number;
  workP99: number;
  names: Record<string, number>;
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { layout: 'split', seconds: 8, concurrency: [1, 50, 200], seniors: 20, filter: null };
  const usage = 'usage: npm run bench:gateway -- [--layout split|each|one-process] [--seconds <n>] [--concurrency 1,50,200] [--seniors <n>] [--filter <part of a route name>]';
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--layout' && value && (LAYOUTS as readonly string[]).includes(value)) options.layout = value as Layout;
    else if (flag === '--seconds' && value && /^\d+$/.test(value) && Number(value) > 0) options.seconds = Number(value);
    else if (flag === '--concurrency' && value && /^\d+(,\d+)*$/.test(value)) options.concurrency = value.split(',').map(Number);
    else if (flag === '--seniors' && value && /^\d+$/.test(value) && Number(value) > 0) options.seniors = Number(value);
    else if (flag === '--filter' && value) options.filter = value;
    else throw new Error(usage);
  }
  return options;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

// --- The anchor: a bare NestJS route -------------------------------------------------------------

@Controller()
class AnchorController {
  @Get('anchor')
  anchor(): { ok: boolean; at: string } {
    return { ok: true, at: new Date().toISOString() };
  }
}

@Module({ controllers: [AnchorController] })
class AnchorModule {}

// --- The services, in this process or in others ---------------------------------------------------

const BOOTSTRAPS: Record<ServiceApp, (env: Partial<GatewayEnvironment>, own: { shutdownHooks: boolean }) => Promise<INestApplicationContext>> = {
  assessment: bootstrapAssessment,
  allocation: bootstrapAllocation,
  dispatch: bootstrapDispatch,
};

interface RunningServices {
  processes: number;
  pids: number[];
  close(): Promise<void>;
}

/** Starts the three services: here (`one-process`), together in one child process (`split`) or each in its own (`each`). */
async function startServices(layout: Layout, env: Partial<GatewayEnvironment>): Promise<RunningServices> {
  const own = { shutdownHooks: false };
  if (layout === 'one-process') {
    const contexts = await Promise.all(SERVICE_APPS.map((app) => BOOTSTRAPS[app](env, own)));
    return { processes: 0, pids: [], close: async () => void (await Promise.all(contexts.map((c) => c.close()))) };
  }
  const groups: ServiceApp[][] = layout === 'split' ? [[...SERVICE_APPS]] : SERVICE_APPS.map((app) => [app]);
  const children = await Promise.all(groups.map((apps) => startChild(apps, env)));
  return {
    processes: children.length,
    pids: children.map((c) => c.pid!),
    close: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.send({ stop: true });
              setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
            }),
        ),
      );
    },
  };
}

function startChild(apps: ServiceApp[], env: Partial<GatewayEnvironment>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [SERVICES_CHILD_FLAG, apps.join(','), JSON.stringify(env)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message: { ready?: boolean; error?: string }) => (message.ready ? resolve(child) : reject(new Error(`services ${apps.join(', ')}: ${message.error}`))));
    child.once('exit', (code) => reject(new Error(`services ${apps.join(', ')} exited with ${code} before they were ready`)));
  });
}

/** In a child process: runs the given services until the parent says stop (or goes away). */
async function servicesChild(apps: ServiceApp[], env: Partial<GatewayEnvironment>): Promise<void> {
  const contexts = await Promise.all(apps.map((app) => BOOTSTRAPS[app](env, { shutdownHooks: false })));
  const stop = async () => {
    await Promise.all(contexts.map((c) => c.close()));
    process.exit(0);
  };
  process.on('message', (message: { stop?: boolean }) => void (message.stop ? stop() : undefined));
  process.once('disconnect', () => void stop());
  process.send!({ ready: true });
}

// --- CPU per request, whatever else runs on the machine -------------------------------------------

/** CPU time (user + system) of a process from /proc, ms; null when it is gone. USER_HZ is 100 on Linux. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

type CpuPart = 'gateway' | 'services' | 'redis' | 'postgres';
type CpuSample = Map<string, number>;
interface CpuPerRequest {
  /** ms of CPU per request, by part (gateway: this process without the load generator's thread). */
  gateway: number;
  services: number;
  redis: number;
  postgres: number;
  total: number;
  client: number;
}

/**
 * Samples the CPU time of every process of the stack: this process (gateway, anchor and the load
 * generator's thread, whose busy time the generator reports), the services' processes, the Redis
 * server (shared: other users' commands count too) and the PostgreSQL backends of the bench database.
 * CPU per request does not depend on how busy the machine is, unlike latency.
 */
class CpuMeter {
  constructor(
    private readonly services: () => number[],
    private readonly redisPid: number | null,
    private readonly db: Client,
  ) {}

  async sample(): Promise<CpuSample> {
    const sample: CpuSample = new Map();
    const self = process.cpuUsage();
    sample.set('gateway:self', (self.user + self.system) / 1000);
    for (const pid of this.services()) sample.set(`services:${pid}`, processCpuMs(pid) ?? 0);
    if (this.redisPid) sample.set(`redis:${this.redisPid}`, processCpuMs(this.redisPid) ?? 0);
    const { rows } = await this.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) sample.set(`postgres:${pid}`, ms);
    }
    return sample;
  }

  perRequest(before: CpuSample, after: CpuSample, requests: number, clientBusyMs: number): CpuPerRequest {
    const parts: Record<CpuPart, number> = { gateway: Number.isFinite(clientBusyMs) ? -clientBusyMs : 0, services: 0, redis: 0, postgres: 0 };
    for (const [key, end] of after) parts[key.split(':')[0] as CpuPart] += Math.max(0, end - (before.get(key) ?? (key.startsWith('postgres:') ? 0 : end)));
    const per = (ms: number) => (requests > 0 ? Number((ms / requests).toFixed(3)) : Number.NaN);
    const result = { gateway: per(Math.max(0, parts.gateway)), services: per(parts.services), redis: per(parts.redis), postgres: per(parts.postgres), client: per(clientBusyMs) };
    return { ...result, total: Number((result.gateway + result.services + result.redis + result.postgres).toFixed(3)) };
  }
}

async function redisServerPid(redisUrl: string): Promise<number | null> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    const match = /process_id:(\d+)/.exec(info);
    const pid = match ? Number(match[1]) : null;
    return pid !== null && processCpuMs(pid) !== null ? pid : null; // a Redis on another host or in a container: not measured
  } finally {
    redis.disconnect();
  }
}

// --- Setup through the API --------------------------------------------------------------------

async function api<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`setup: ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

interface Accounts {
  assessor: string;
  family: string;
  seniorIds: string[];
}

/** Staff register and assess the seniors, give the family consent; the family subscribes them to lunch and applies for beds. */
async function familiesThroughTheApi(baseUrl: string, databaseUrl: string, count: number, homes: Array<{ location: { lat: number; lng: number }; streetCode: string; text: string }>): Promise<Accounts> {
  const token = async (username: string, password: string) => (await api<{ accessToken: string }>(baseUrl, 'POST', '/v1/auth/token', null, { username, password })).accessToken;
  const admin = await token('admin', ADMIN_PASSWORD);
  const account = async (username: string, roles: string[]) => {
    const { accountId } = await api<{ accountId: string }>(baseUrl, 'POST', '/v1/accounts', admin, { username, displayName: username, password: PASSWORD, roles });
    return { id: accountId, token: await token(username, PASSWORD) };
  };
  const assessor = await account('bench-assessor', ['assessor']);
  const family = await account('bench-family', ['family']);
  const today = localDate(new Date());
  const items = gbtItems({ 'B1.1': 2, 'B1.2': 1, 'B1.3': 0, 'B1.4': 1, 'B1.5': 1, 'B1.8': 1, 'B2.2': 2, 'B2.3': 1, 'B2.4': 0, 'B3.4': 1, 'B4.3': 1, 'B4.4': 0, 'B4.5': 1 });
  const seniorIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const home = homes[i % homes.length]!;
    const body = seniorRegistration(900_000 + i, { text: home.text, streetCode: home.streetCode, location: home.location, coordinateSystem: 'WGS-84' });
    const { seniorId } = await api<{ seniorId: string }>(baseUrl, 'POST', '/v1/seniors', assessor.token, body);
    const { assessmentId } = await api<{ assessmentId: string }>(baseUrl, 'POST', `/v1/seniors/${seniorId}/assessments`, assessor.token, { instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: today });
    await api(baseUrl, 'PATCH', `/v1/seniors/${seniorId}/assessments/${assessmentId}/answers`, assessor.token, { items, diagnoses: ['F03'] });
    await api(baseUrl, 'POST', `/v1/seniors/${seniorId}/assessments/${assessmentId}/submit`, assessor.token);
    await api(baseUrl, 'POST', `/v1/seniors/${seniorId}/consents`, assessor.token, { familyAccountId: family.id, scopes: ['view-status', 'manage-meals', 'apply-for-bed'], basis: 'bench' });
    seniorIds.push(seniorId);
  }
  await readModelsHold(databaseUrl, seniorIds);
  for (const seniorId of seniorIds) {
    await api(baseUrl, 'PUT', `/v1/seniors/${seniorId}/meal-subscription`, family.token, { terms: { slots: { lunch: [1, 2, 3, 4, 5] }, mode: 'delivery', diet: 'low-salt' } });
    await api(baseUrl, 'POST', `/v1/seniors/${seniorId}/bed-applications`, family.token, { kind: 'long-stay', maxWalkingMinutes: 30 });
  }
  return { assessor: assessor.token, family: family.token, seniorIds };
}

/** Harness only: waits until allocation's and dispatch's read models hold every senior's assessed level (events). */
async function readModelsHold(databaseUrl: string, seniorIds: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM allocation.senior_view WHERE senior_id = ANY($1::uuid[]) AND level IS NOT NULL)::int
              + (SELECT count(*) FROM dispatch.senior_view WHERE senior_id = ANY($1::uuid[]) AND level IS NOT NULL)::int AS n`,
        [seniorIds],
      );
      if (rows[0]!.n === 2 * seniorIds.length) return;
      if (Date.now() > deadline) throw new Error('setup: the assessments did not reach allocation and dispatch within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.end();
  }
}

// --- Where the time goes ----------------------------------------------------------------------

/** The command jobs a run made (added at or after `since`): time queued before a worker took each, and time the service worked on it. */
async function queueProfile(queues: Queue[], since: number, requests: number): Promise<QueueProfile> {
  const jobs: Job[] = [];
  for (const queue of queues) {
    for (let start = 0; ; start += 2000) {
      const page = await queue.getCompleted(start, start + 1999);
      const recent = page.filter((job) => job.timestamp >= since);
      jobs.push(...recent);
      if (page.length < 2000 || recent.length < page.length) break;
    }
  }
  const waits = jobs.filter((j) => j.processedOn).map((j) => j.processedOn! - j.timestamp).sort((a, b) => a - b);
  const works = jobs.filter((j) => j.processedOn && j.finishedOn).map((j) => j.finishedOn! - j.processedOn!).sort((a, b) => a - b);
  const names: Record<string, number> = {};
  for (const job of jobs) names[job.name] = (names[job.name] ?? 0) + 1;
  return {
    jobs: jobs.length,
    jobsPerRequest: requests > 0 ? Number((jobs.length / requests).toFixed(2)) : 0,
    waitP50: percentile(waits, 50),
    waitP99: percentile(waits, 99),
    workP50: percentile(works, 50),
    workP99: percentile(works, 99),
    names,
  };
}

// --- Main ---------------------------------------------------------------------------------------

function rateLimitOverrides(): { overrides: Record<string, number>; missing: string[] } {
  const known = new GatewayEnvironment() as unknown as Record<string, unknown>;
  const overrides = Object.fromEntries(Object.entries(LIMIT_OVERRIDES).filter(([key]) => key in known));
  return { overrides, missing: Object.keys(LIMIT_OVERRIDES).filter((key) => !(key in known)) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const base = loadEnvironment(PlatformEnvironment);
  const prefix = testQueuePrefix();
  let database: TestDatabase | undefined;
  let anchor: NestExpressApplication | undefined;
  let gateway: NestExpressApplication | undefined;
  let services: RunningServices | undefined;
  let meterDb: Client | undefined;
  const failures: string[] = [];
  try {
    database = await createMigratedDatabase('bench');
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const { rows: [versions] } = await db.query<{ pg: string; postgis: string }>(`SELECT current_setting('server_version') AS pg, postgis_lib_version() AS postgis`);
    console.log(
      `bench:gateway — ${options.seconds} s per run at concurrency ${options.concurrency.join(', ')}; machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `Node ${process.version}, PostgreSQL ${versions!.pg}, PostGIS ${versions!.postgis}; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine shows here)`,
    );
    for (const line of ANCHORS) console.log(line);

    const district = generateDistrict(DISTRICT_PROFILES['small']!, 1);
    const today = localDate(new Date());
    const dataSource = await new DataSource(dataSourceOptions(database.url, ALLOCATION_ENTITIES)).initialize();
    const load = await loadDistrict(dataSource, district).finally(() => dataSource.destroy());
    const meals = await seedMealDistrict(db, district, { ageOn: today, validFrom: today, menuDates: [today] });
    const beds = await fillBedsAndWaitingList(db, district, 40);
    await db.end();

    const limits = rateLimitOverrides();
    const env: Partial<GatewayEnvironment> = {
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: 0,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JWT_ACCESS_TTL_SECONDS: 86_400,
      ...(limits.overrides as Partial<GatewayEnvironment>),
    };
    services = await startServices(options.layout, env);
    gateway = await bootstrapGateway(env, { shutdownHooks: false });
    const gatewayUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as { port: number }).port}`;
    anchor = await NestFactory.create<NestExpressApplication>(AnchorModule, { logger: false });
    await anchor.listen(0, '127.0.0.1');
    const anchorUrl = `http://127.0.0.1:${(anchor.getHttpServer().address() as { port: number }).port}`;

    const homes = [...district.seniors()].filter((_, i) => i % 97 === 0).slice(0, options.seniors).map((s) => ({ location: s.address.location, streetCode: s.address.streetCode, text: s.address.text }));
    const accounts = await familiesThroughTheApi(gatewayUrl, database.url, options.seniors, homes);
    console.log(
      `setup: small district (${load.facilities.total} facilities, ${beds.taken} beds all taken, ${beds.waiting} applicants waiting, ${meals.kitchens.canteens + meals.kitchens.central} kitchens, ${meals.subscribers} lunch subscribers); ` +
        `${options.seniors} seniors registered, assessed, consented, subscribed and on the waiting list through the API; ${layoutText(options.layout)}, LOG_LEVEL silent; ` +
        `rate limits ${Object.keys(limits.overrides).length > 0 ? `raised (${Object.entries(limits.overrides).map(([k, v]) => `${k}=${v}`).join(', ')})` : 'not configurable'}` +
        `${limits.missing.length > 0 ? `; not in libs/config yet: ${limits.missing.join(', ')}` : ''} — ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const seniorPaths = (suffix: string) => accounts.seniorIds.map((id) => `/v1/seniors/${id}${suffix}`);
    const address = { text: homes[0]!.text, streetCode: homes[0]!.streetCode, location: homes[0]!.location, coordinateSystem: 'WGS-84' };
    const targets: Target[] = [
      { name: 'anchor: bare NestJS GET', route: 'GET /anchor', who: '-', method: 'GET', paths: ['/anchor'], token: null, baseUrl: anchorUrl },
      { name: "senior's status", route: 'GET /v1/seniors/:id', who: 'family', method: 'GET', paths: seniorPaths(''), token: accounts.family, baseUrl: gatewayUrl },
      { name: '15-minute circle', route: 'GET /v1/seniors/:id/circle?minutes=15', who: 'family', method: 'GET', paths: seniorPaths('/circle?minutes=15'), token: accounts.family, baseUrl: gatewayUrl },
      { name: 'waiting-list position', route: 'GET /v1/seniors/:id/bed-applications', who: 'family', method: 'GET', paths: seniorPaths('/bed-applications'), token: accounts.family, baseUrl: gatewayUrl },
      { name: 'meal subscription', route: 'GET /v1/seniors/:id/meal-subscription', who: 'family', method: 'GET', paths: seniorPaths('/meal-subscription'), token: accounts.family, baseUrl: gatewayUrl },
      { name: 'register a senior', route: 'POST /v1/seniors + Idempotency-Key', who: 'assessor', method: 'POST', paths: ['/v1/seniors'], token: accounts.assessor, baseUrl: gatewayUrl, register: true },
    ];

    const commandQueues = (Object.keys(COMMAND_QUEUES) as ServiceName[]).map((service) => gateway!.get<Queue>(getQueueToken(COMMAND_QUEUES[service]), { strict: false }));
    const results: Array<LoadResult & { name: string; route: string; profile: QueueProfile | null; cpu: CpuPerRequest }> = [];
    meterDb = new Client({ connectionString: database.url });
    await meterDb.connect();
    const meter = new CpuMeter(() => services!.pids, await redisServerPid(base.REDIS_URL), meterDb);
    let sequence = 0;
    for (const target of targets.filter((t) => !options.filter || t.baseUrl === anchorUrl || t.name.includes(options.filter))) {
      const loadOf = (connections: number, seconds: number) => {
        sequence += 1_000_000;
        return runLoad({
          title: target.name,
          baseUrl: target.baseUrl,
          method: target.method,
          paths: target.paths,
          headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
          ...(target.register ? { registerSeniors: { sequenceStart: sequence, address } } : {}),
          connections,
          seconds,
        });
      };
      await loadOf(10, WARM_UP_SECONDS);
      for (const connections of options.concurrency) {
        const since = Date.now();
        const cpuBefore = await meter.sample();
        const result = await loadOf(connections, options.seconds);
        const cpu = meter.perRequest(cpuBefore, await meter.sample(), result.requests, result.clientBusyMs);
        const profile = target.baseUrl === gatewayUrl ? await queueProfile(commandQueues, since, result.requests) : null;
        results.push({ ...result, name: target.name, route: target.route, profile, cpu });
        const bad = result.errors + result.non2xx + result.accepted202;
        if (bad > 0) failures.push(`${target.name} at ${connections}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.accepted202} answered 202 (${JSON.stringify(result.statusCodes)})`);
        console.log(
          `  ${target.name.padEnd(26)} c=${String(connections).padEnd(4)} ${String(result.perSecond).padStart(6)} req/s  p50 ${f1(result.p50).padStart(6)}  p95 ${f1(result.p95).padStart(6)}  p99 ${f1(result.p99).padStart(6)}  max ${f1(result.max).padStart(7)} ms  ` +
            `${result.requests} requests, ${result.errors} errors, ${result.non2xx} non-2xx, ${result.accepted202} × 202`,
        );
      }
    }

    // Queue alone, with the platform idle: the floor under every routed request.
    const client = gateway.get(ServiceClient);
    await pingRoundTrips(client, 500, 10);
    const ping1 = await pingRoundTrips(client, 1000, 1);
    const ping50 = await pingRoundTrips(client, 10_000, 50);

    console.log('');
    console.log(`| route | who | concurrency | requests/s | p50 ms | p95 ms | p99 ms | errors / non-2xx / 202 | target (p99 < ${TARGET.p99Ms} ms at ${TARGET.concurrency}, no errors) |`);
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    for (const r of results) {
      const target = targets.find((t) => t.name === r.name)!;
      const atTarget = r.connections === TARGET.concurrency;
      const met = r.p99 < TARGET.p99Ms && r.errors + r.non2xx + r.accepted202 === 0;
      console.log(
        `| ${r.name}: ${target.route} | ${target.who} | ${r.connections} | ${r.perSecond} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${r.errors} / ${r.non2xx} / ${r.accepted202} | ${atTarget ? (met ? 'met' : 'NOT met') : ''} |`,
      );
    }
    console.log('');
    console.log(
      'where the time goes (from the BullMQ jobs each run made, whole milliseconds: queued = added → taken by a worker; service = taken → finished, the service\'s own work with its database queries; ' +
        'the rest = the gateway: HTTP, JWT, consent check, validation, audit entry, and the reply back through QueueEvents):',
    );
    for (const r of results.filter((x) => x.profile)) {
      const p = r.profile!;
      console.log(
        `  ${r.name.padEnd(24)} c=${String(r.connections).padEnd(4)} HTTP p50 ${f1(r.p50).padStart(6)} ms = queued ${f1(p.waitP50).padStart(5)} + service ${f1(p.workP50).padStart(5)} + the rest ${f1(r.p50 - p.waitP50 - p.workP50).padStart(6)}; ` +
          `p99 queued ${f1(p.waitP99)}, service ${f1(p.workP99)}; ${p.jobsPerRequest} jobs per request (${Object.entries(p.names).map(([n, c]) => `${n} ${c}`).join(', ')})`,
      );
    }
    console.log(`  BullMQ request/reply alone (system.ping through the gateway's ServiceClient, platform idle): concurrency 1 p50 ${f1(ping1.p50)} ms, p99 ${f1(ping1.p99)} ms; concurrency 50 p50 ${f1(ping50.p50)} ms, p99 ${f1(ping50.p99)} ms, ${Math.round(ping50.perSecond)} round trips/s`);
    console.log(
      `CPU per request, ms, from the processes' CPU time (does not depend on other work on the machine; ${options.layout === 'one-process' ? 'gateway = the one process with all four apps' : 'gateway = this process without the load generator'}; ` +
        'Redis is shared, so others\' commands count too; postgres = this database\'s backends). Capacity on two cores given to the stack alone = 2,000 ms / total; ' +
        'at concurrency 50 a request then takes at least 50 / capacity on average (Little\'s law):',
    );
    for (const r of results.filter((x) => x.connections === TARGET.concurrency)) {
      const capacity = r.cpu.total > 0 ? 2000 / r.cpu.total : Number.NaN;
      console.log(
        `  ${r.name.padEnd(26)} gateway ${r.cpu.gateway.toFixed(2)} + services ${r.cpu.services.toFixed(2)} + Redis ${r.cpu.redis.toFixed(2)} + PostgreSQL ${r.cpu.postgres.toFixed(2)} = ${r.cpu.total.toFixed(2)} ms ` +
          `(load generator ${r.cpu.client.toFixed(2)}) → at most ${Math.round(capacity)} req/s on two cores, mean latency at c=${TARGET.concurrency} ≥ ${f1((TARGET.concurrency / capacity) * 1000)} ms`,
      );
    }
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(JSON.stringify({ options, machine: { cores: cpus().length, node: process.version, postgres: versions!.pg }, rateLimits: limits, results, ping: { c1: ping1, c50: ping50 } }));
    if (failures.length > 0) {
      console.error(`bench:gateway: requests failed:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await meterDb?.end();
    await anchor?.close();
    await gateway?.close();
    await services?.close();
    await database?.drop();
    await forgetQueues(base.REDIS_URL, prefix);
  }
}

function layoutText(layout: Layout): string {
  if (layout === 'split') return 'layout split: the gateway (and the load generator, a worker thread) in this process, the three services in a second process';
  if (layout === 'each') return 'layout each: the gateway (and the load generator, a worker thread) in this process, each service in a process of its own';
  return 'layout one-process: the four apps in this process as `npm start` runs them (the load generator a worker thread)';
}

if (process.argv[2] === SERVICES_CHILD_FLAG) {
  servicesChild(process.argv[3]!.split(',') as ServiceApp[], JSON.parse(process.argv[4]!) as Partial<GatewayEnvironment>).catch((error: Error) => {
    process.send?.({ error: error.message });
    process.exit(1);
  });
} else {
  main().catch((error: Error) => {
    console.error(`bench:gateway failed: ${error.message}`);
    process.exit(1);
  });
}
