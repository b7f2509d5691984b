import 'reflect-metadata';
import { Controller, Get, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
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
import { seedMealDistrict } from './meal-district-seed';

/**
 * `npm run bench:gateway [-- --seconds 8] [--concurrency 1,50,200] [--seniors 20] [--filter circle]`: throughput and
 * latency of the main family routes through the whole stack (HTTP → gateway → BullMQ → service →
 * PostgreSQL → reply), with autocannon against a listening gateway, beside the anchor: a bare NestJS
 * route (one GET returning JSON) in the same process at the same concurrencies.
 *
 * On a fresh database (migrated, dropped at the end) with the small synthetic district (allocation
 * loader, bench:meals' meal seed, every bed taken and 40 applicants waiting), the four apps run in
 * this process as `npm start` runs them; the load generator is a worker thread (gateway-load.ts).
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

interface BenchOptions {
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
  const options: BenchOptions = { seconds: 8, concurrency: [1, 50, 200], seniors: 20, filter: null };
  const usage = 'usage: npm run bench:gateway -- [--seconds <n>] [--concurrency 1,50,200] [--seniors <n>] [--filter <part of a route name>]';
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--seconds' && value && /^\d+$/.test(value) && Number(value) > 0) options.seconds = Number(value);
    else if (flag === '--concurrency' && value && /^\d+(,\d+)*$/.test(value)) options.concurrency = value.split(',').map(Number);
    else if (flag === '--seniors' && value && /^\d+$/.test(value) && Number(value) > 0) options.seniors = Number(value);
    else if (flag === '--filter' && value) options.filter = value;
    else throw new Error(usage);
  }
  return options;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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

/** Request/reply through BullMQ alone (system.ping to allocation, no database), as the gateway's ServiceClient sends it. */
async function pingRoundTrips(client: ServiceClient, total: number, concurrency: number): Promise<{ p50: number; p99: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        const outcome = await client.call('allocation', 'system.ping', {}, { actor: null, correlationId: 'bench-gateway-ping', timeoutMs: 10_000 });
        if (outcome.status !== 'done') throw new Error('a ping timed out');
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: Math.round(total / ((performance.now() - started) / 1000)) };
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
  const services: INestApplicationContext[] = [];
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
    const own = { shutdownHooks: false };
    services.push(...(await Promise.all([bootstrapAssessment(env, own), bootstrapAllocation(env, own), bootstrapDispatch(env, own)])));
    gateway = await bootstrapGateway(env, own);
    const gatewayUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as { port: number }).port}`;
    anchor = await NestFactory.create<NestExpressApplication>(AnchorModule, { logger: false });
    await anchor.listen(0, '127.0.0.1');
    const anchorUrl = `http://127.0.0.1:${(anchor.getHttpServer().address() as { port: number }).port}`;

    const homes = [...district.seniors()].filter((_, i) => i % 97 === 0).slice(0, options.seniors).map((s) => ({ location: s.address.location, streetCode: s.address.streetCode, text: s.address.text }));
    const accounts = await familiesThroughTheApi(gatewayUrl, database.url, options.seniors, homes);
    console.log(
      `setup: small district (${load.facilities.total} facilities, ${beds.taken} beds all taken, ${beds.waiting} applicants waiting, ${meals.kitchens.canteens + meals.kitchens.central} kitchens, ${meals.subscribers} lunch subscribers); ` +
        `${options.seniors} seniors registered, assessed, consented, subscribed and on the waiting list through the API; four apps in this process, LOG_LEVEL silent; ` +
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
    const results: Array<LoadResult & { name: string; route: string; profile: QueueProfile | null }> = [];
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
        const result = await loadOf(connections, options.seconds);
        const profile = target.baseUrl === gatewayUrl ? await queueProfile(commandQueues, since, result.requests) : null;
        results.push({ ...result, name: target.name, route: target.route, profile });
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
    console.log(`  BullMQ request/reply alone (system.ping through the gateway's ServiceClient, platform idle): concurrency 1 p50 ${f1(ping1.p50)} ms, p99 ${f1(ping1.p99)} ms; concurrency 50 p50 ${f1(ping50.p50)} ms, p99 ${f1(ping50.p99)} ms, ${ping50.perSecond} round trips/s`);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(JSON.stringify({ options, machine: { cores: cpus().length, node: process.version, postgres: versions!.pg }, rateLimits: limits, results, ping: { c1: ping1, c50: ping50 } }));
    if (failures.length > 0) {
      console.error(`bench:gateway: requests failed:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await anchor?.close();
    await gateway?.close();
    await Promise.all(services.map((s) => s.close()));
    await database?.drop();
    await forgetQueues(base.REDIS_URL, prefix);
  }
}

main().catch((error: Error) => {
  console.error(`bench:gateway failed: ${error.message}`);
  process.exit(1);
});
