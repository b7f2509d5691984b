// `npm run test:faults`: the platform under a load of bookings and meal outcomes while its
// infrastructure fails, then proof that nothing was lost or done twice.
//
// Starts a Redis of its own (a temporary directory, a free port, append-only persistence as
// scripts/services.sh and docker/compose.yml configure the platform's) and a database of its own
// on the local PostgreSQL (migrated from scratch, dropped at the end; no other database is touched),
// runs the four apps in this process with the gateway listening on a free port, and drives the
// public HTTP API as real clients would: every write with an Idempotency-Key where the route takes
// one, retried on network errors, 5xx and 429, and a 202 followed on its status resource.
//
// While the load runs it restarts Redis (SIGKILL, then start again on the same port and data),
// stops the dispatch service and starts it again, and refuses every connection to its database for
// a few seconds (ALLOW_CONNECTIONS false and its sessions terminated: PostgreSQL "briefly down" for
// this database only). Then, polling until the system settles (with a deadline), it checks:
// every accepted request completed exactly once (by idempotency key and by natural keys), every
// outbox event reached each subscriber once (inbox receipts against outbox rows), the read models
// agree with their owners, and no job is failed or stuck. Prints what it injected and each check;
// exits 1 when any check fails. `-- --verbose` shows the apps' logs; `-- --redis-without-aof` runs
// Redis without persistence, to see what a restart then loses.
//
// Runs from the build (the npm script builds first): Nest's dependency injection needs the
// decorator metadata that tsc emits and tsx does not.

import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import IORedis from 'ioredis';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { bootstrapGateway } from '../apps/gateway/src/gateway.bootstrap';
import { type GatewayEnvironment, loadEnvironment, PlatformEnvironment } from '@app/config';
import { ALL_QUEUES, COMMAND_QUEUES, EVENT_SUBSCRIBERS, INBOX_QUEUES, type ServiceName } from '@app/contracts';
import { addDays, localDate, withCheckCharacter } from '@app/domain';
import { createMigratedDatabase, type TestDatabase } from '@app/testing';

const ADMIN_PASSWORD = 'faults-admin-password';
const PASSWORD = 'faults-password-0123';
/** Each fault's start, in seconds after the load starts, and how long it lasts. */
const FAULTS = { redis: { at: 5, downMs: 2000 }, dispatch: { at: 14, downMs: 6000 }, postgres: { at: 27, downMs: 5000 } };
/** Lanes of seniors going through their flow at once, and the most seniors the run starts. */
const LANES = 4;
const MAX_SENIORS = 48;
/** Seniors set up before the faults whose lunch is delivered (and recorded at the door) during them. */
const MEAL_SENIORS = 12;
/** How long a client keeps retrying one request, and how long the checks wait for the system to settle. */
const CLIENT_DEADLINE_MS = 90_000;
const SETTLE_DEADLINE_MS = 60_000;

/** A GB/T 42195-2022 assessment that gives level 3 (重度失能): day care and delivered, minced meals. */
const ASSESSMENT_ITEMS: Record<string, number> = {
  'B1.1': 2, 'B1.2': 1, 'B1.3': 0, 'B1.4': 1, 'B1.5': 1, 'B1.6': 4, 'B1.7': 4, 'B1.8': 1,
  'B2.1': 4, 'B2.2': 2, 'B2.3': 1, 'B2.4': 0,
  'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 1, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
  'B4.1': 2, 'B4.2': 2, 'B4.3': 1, 'B4.4': 0, 'B4.5': 1,
};
const HOME = { lat: 31.1124, lng: 121.3817 };
const STEAMED_FISH = { dishId: 'steamed-fish', name: '清蒸鱼', components: ['鲈鱼', '姜'], allergens: ['fish'], diets: ['regular', 'low-salt', 'diabetic'], textures: ['regular', 'soft-bite-sized', 'minced-moist', 'pureed'], hot: true };

const started = performance.now();
const clock = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s`;
const log = (line: string) => console.log(`[${clock()}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Infrastructure: a Redis of our own, the database's connections ------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** redis-server on a free port with its data in a temporary directory; kill -9 and start again on the same port and data. */
class OwnRedis {
  private process: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'eldercare-faults-redis-'));
  constructor(
    readonly port: number,
    private readonly appendOnly: boolean,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // As scripts/services.sh and docker/compose.yml run the platform's Redis: append-only, fsync every second, noeviction.
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', this.appendOnly ? 'yes' : 'no', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction', '--logfile', join(this.dir, 'redis.log')];
    this.process = spawn('redis-server', args, { stdio: 'ignore' });
    const probe = new IORedis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined); // refused until the server listens
    try {
      for (let i = 0; i < 100; i += 1) {
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return;
        } catch {
          probe.disconnect();
          await sleep(50);
        }
      }
      throw new Error(`redis-server did not answer on port ${this.port}`);
    } finally {
      probe.disconnect();
    }
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A connection to the maintenance database that closes and opens ours (never any other). The
 * server is shared: when it has no connection slot free ("too many clients"), try again for a while.
 */
async function onMaintenance<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  for (let attempt = 1; ; attempt += 1) {
    const client = new Client({ connectionString: url.toString() });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt >= 60) throw error;
      await sleep(500);
      continue;
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

// --- The apps in this process ----------------------------------------------------------------------

const BOOTSTRAPS = { assessment: bootstrapAssessment, allocation: bootstrapAllocation, dispatch: bootstrapDispatch };

class Apps {
  readonly services = new Map<ServiceName, INestApplicationContext>();
  gateway: NestExpressApplication | null = null;
  constructor(readonly env: Partial<GatewayEnvironment>) {}

  async start(service: ServiceName): Promise<void> {
    this.services.set(service, await BOOTSTRAPS[service](this.env, { shutdownHooks: false }));
  }

  async stop(service: ServiceName): Promise<void> {
    const app = this.services.get(service);
    this.services.delete(service);
    await app?.close();
  }

  queue(name: string): Queue {
    return this.gateway!.get<Queue>(getQueueToken(name), { strict: false });
  }

  async close(): Promise<void> {
    await this.gateway?.close().catch(() => undefined);
    for (const service of [...this.services.keys()]) await this.stop(service).catch(() => undefined);
  }
}

// --- A client that retries like a real one -----------------------------------------------------------

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A 409 after an attempt whose fate the client did not learn: the retry met its own earlier effect. */
  conflictOnRetry?: boolean;
}

/** What happened to one logical request: its attempts and whether the API ever accepted it. */
interface RequestLog {
  label: string;
  key: string | null;
  attempts: number;
  statuses: number[];
  accepted: boolean;
  final: Answer | null;
  /** A 409 after an earlier attempt that may have been applied: the retry met its own effect. */
  conflictOnRetry: boolean;
  lastMessage?: unknown;
  /** When the gateway first answered that the key's first request is "still running". */
  stillRunningSince?: number;
  finishedAt?: number;
}

/** 503, 409, 409, 409 → "503, 409×3". */
function runs(statuses: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < statuses.length; ) {
    let j = i;
    while (j < statuses.length && statuses[j] === statuses[i]) j += 1;
    out.push(j - i > 1 ? `${statuses[i]}×${j - i}` : String(statuses[i]));
    i = j;
  }
  return out.join(', ');
}

const stats = { requests: 0, attempts: 0, networkErrors: 0, serverErrors: 0, pending: 0, polls: 0, lostStatus: 0, failedStatus: 0 };

class Api {
  readonly requests: RequestLog[] = [];
  constructor(private readonly baseUrl: string) {}

  private async once(method: string, path: string, token: string | null, body: unknown, key: string | null): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': `faults-${randomBytes(4).toString('hex')}` };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }

  /**
   * Sends a request until it has a definite answer: retried (same Idempotency-Key) on network
   * errors, 5xx and 429, and while the gateway says the first request with the key still runs; a
   * 202 is followed on its status resource, and re-sent when the status says the request failed or
   * is unknown. A completed 202 whose result the status resource does not echo (all but a senior's
   * registration) comes back as 200 with a null body: the caller reads the state it needs.
   */
  async send(label: string, method: string, path: string, token: string | null, body?: unknown, key: string | null = null): Promise<Answer> {
    stats.requests += 1;
    const entry: RequestLog = { label, key, attempts: 0, statuses: [], accepted: false, final: null, conflictOnRetry: false };
    this.requests.push(entry);
    const deadline = Date.now() + CLIENT_DEADLINE_MS;
    let delay = 200;
    const backoff = async () => {
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    };
    while (Date.now() < deadline) {
      entry.attempts += 1;
      stats.attempts += 1;
      let answer: Answer;
      try {
        answer = await this.once(method, path, token, body, key);
      } catch {
        stats.networkErrors += 1;
        entry.statuses.push(0);
        await backoff();
        continue;
      }
      entry.statuses.push(answer.status);
      entry.lastMessage = answer.body?.message;
      if (answer.status >= 500 || answer.status === 429) {
        stats.serverErrors += 1;
        await backoff();
        continue;
      }
      if (answer.status === 202) {
        stats.pending += 1;
        entry.accepted = true;
        const settled = await this.follow(answer.body.statusUrl as string, token!, deadline);
        // Completed, but the status resource echoes only a senior's record: the caller reads what it needs.
        if (settled === 'completed-no-result') return this.finish(entry, { status: 200, body: null });
        if (settled === 'retry') {
          await backoff();
          continue;
        }
        return this.finish(entry, settled);
      }
      // The gateway's idempotency layer: the first request with this key is still running.
      if (answer.status === 409 && key && /still running/.test(String(answer.body?.message))) {
        entry.stillRunningSince ??= Date.now();
        await backoff();
        continue;
      }
      if (answer.status < 300) entry.accepted = true;
      // A 409 after an attempt whose fate we did not learn (5xx, network error, 202): our own earlier attempt was applied.
      if (answer.status === 409 && entry.statuses.slice(0, -1).some((s) => s === 0 || s >= 500 || s === 202)) entry.conflictOnRetry = true;
      return this.finish(entry, answer);
    }
    throw new Error(`${label}: no definite answer within ${CLIENT_DEADLINE_MS / 1000} s (answers ${runs(entry.statuses)}; last: ${String(entry.lastMessage)})`);
  }

  private finish(entry: RequestLog, answer: Answer): Answer {
    entry.final = answer;
    entry.finishedAt = Date.now();
    return { ...answer, conflictOnRetry: entry.conflictOnRetry };
  }

  private async follow(statusUrl: string, token: string, deadline: number): Promise<Answer | 'completed-no-result' | 'retry'> {
    while (Date.now() < deadline) {
      await sleep(300);
      stats.polls += 1;
      let status: Answer;
      try {
        status = await this.once('GET', statusUrl, token, undefined, null);
      } catch {
        continue;
      }
      if (status.status >= 500 || status.status === 429) continue;
      if (status.status === 404) {
        stats.lostStatus += 1; // the request is unknown: it was lost, send it again
        return 'retry';
      }
      const state = status.body?.status as string | undefined;
      if (state === 'pending') continue;
      if (state === 'completed') return status.body.result ? { status: 200, body: status.body.result } : 'completed-no-result';
      if (state === 'rejected') return { status: 409, body: status.body.error };
      if (state === 'failed') {
        stats.failedStatus += 1;
        return 'retry';
      }
    }
    return 'retry';
  }

  async expect(label: string, method: string, path: string, token: string | null, body: unknown, key: string | null, ok: number[]): Promise<Answer> {
    const answer = await this.send(label, method, path, token, body, key);
    if (!ok.includes(answer.status) && !answer.conflictOnRetry) throw new Error(`${label}: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
    return answer;
  }
}

// --- The load ------------------------------------------------------------------------------------------

interface World {
  admin: string;
  assessor: string;
  operator: string;
  cook: string;
  facilityId: string;
  kitchenId: string;
  today: string;
  mealDate: string;
}

interface SeniorFlow {
  seniorId: string;
  bookings: Array<{ bookingId: string; date: string; requestId: string }>;
  cancelled: string | null;
  subscribed: boolean;
  skipped: string | null;
}

let idSequence = 0;
function registration(n: number): Record<string, unknown> {
  const year = 1930 + (n % 20);
  const birthDate = `${year}-0${1 + (n % 9)}-1${n % 10}`;
  idSequence += 1;
  const sequence = String((idSequence % 500) * 2).padStart(3, '0');
  const idNumber = withCheckCharacter(`310112${birthDate.replace(/-/g, '')}${sequence}`);
  return {
    name: `测试老人${n}`,
    sex: 'female',
    birthDate,
    idNumber,
    address: { text: `莘庄镇莘松路 ${n} 号`, streetCode: '310112102', location: { lat: HOME.lat + (n % 7) * 0.0008, lng: HOME.lng + (n % 5) * 0.0009 }, coordinateSystem: 'WGS-84' },
    livingArrangement: 'alone',
    priorityFlags: [{ flag: 'minimum-income', evidence: `低保证 ${n}`, validFrom: '2024-01-01', validUntil: `${new Date().getUTCFullYear() + 1}-12-31` }],
    phone: '13800138000',
  };
}

/** Registers and assesses a senior (level 3): the events reach allocation and dispatch. */
async function registerAndAssess(api: Api, world: World, run: string, n: number, registered: string[]): Promise<string> {
  const key = `${run}-senior-${n}`;
  const answer = await api.expect(`register senior ${n}`, 'POST', '/v1/seniors', world.assessor, registration(n), key, [200, 201]);
  const seniorId = answer.body.seniorId as string;
  registered.push(seniorId);
  const draft = await api.expect(`start assessment ${n}`, 'POST', `/v1/seniors/${seniorId}/assessments`, world.assessor, { instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: world.today }, `${run}-assessment-${n}`, [200, 201]);
  // Completed after a 202: the status resource does not echo the draft, so read the senior's assessments.
  const assessmentId = (draft.body?.assessmentId ??
    ((await api.expect(`list assessments ${n}`, 'GET', `/v1/seniors/${seniorId}/assessments`, world.assessor, undefined, null, [200])).body as Array<{ assessmentId: string }>)[0]?.assessmentId) as string;
  await api.expect(`answer assessment ${n}`, 'PATCH', `/v1/seniors/${seniorId}/assessments/${assessmentId}/answers`, world.assessor, { items: ASSESSMENT_ITEMS, diagnoses: ['F03'] }, `${run}-answers-${n}`, [200]);
  const submitted = await api.send(`submit assessment ${n}`, 'POST', `/v1/seniors/${seniorId}/assessments/${assessmentId}/submit`, world.assessor, undefined, `${run}-submit-${n}`);
  // 409 ASSESSMENT_FINAL on a retry: our own earlier submit went through.
  if (submitted.status !== 200 && !(submitted.status === 409 && submitted.body?.code === 'ASSESSMENT_FINAL')) throw new Error(`submit assessment ${n}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return seniorId;
}

/** Waits (as a client would, retrying) until allocation and dispatch know the senior's entitlements. */
async function untilEntitled(api: Api, world: World, seniorId: string, what: 'dayCare' | 'meals'): Promise<void> {
  const deadline = Date.now() + CLIENT_DEADLINE_MS;
  while (Date.now() < deadline) {
    const res = await api.send(`entitlements of ${seniorId.slice(0, 8)}`, 'GET', `/v1/seniors/${seniorId}/entitlements`, world.assessor);
    const e = res.body?.entitlements;
    if (res.status === 200 && (what === 'dayCare' ? e?.dayCare === true : e?.meals?.eligible === true)) return;
    await sleep(300);
  }
  throw new Error(`senior ${seniorId} never became entitled to ${what}`);
}

/** A senior's day: day care on three dates (one cancelled), a lunch subscription, one lunch skipped. */
async function seniorFlow(api: Api, world: World, run: string, n: number, registered: string[], flows: SeniorFlow[]): Promise<void> {
  const seniorId = await registerAndAssess(api, world, run, n, registered);
  const flow: SeniorFlow = { seniorId, bookings: [], cancelled: null, subscribed: false, skipped: null };
  flows.push(flow);
  await untilEntitled(api, world, seniorId, 'dayCare');
  const dates = [4, 5, 6].map((d) => addDays(world.today, d + (n % 3)));
  // Allocation may learn the assessment a moment after assessment answers: NOT_ELIGIBLE then is retried.
  for (let tries = 0; ; tries += 1) {
    const booked = await api.send(`book day care ${n}`, 'POST', `/v1/seniors/${seniorId}/daycare-bookings`, world.operator, { facilityId: world.facilityId, session: 'morning', dates }, `${run}-daycare-${n}-${tries}`); // a refusal is final under its key
    if (booked.status === 201 || booked.status === 200) {
      // Completed after a 202 (null body): the senior's bookings are this request's, the only one.
      const records = (booked.body ?? (await api.expect(`list day care ${n}`, 'GET', `/v1/seniors/${seniorId}/daycare-bookings`, world.operator, undefined, null, [200])).body) as Array<{ bookingId: string; date: string; requestId: string }>;
      flow.bookings = records.map((b) => ({ bookingId: b.bookingId, date: b.date, requestId: b.requestId }));
      break;
    }
    if ((booked.body?.code === 'NOT_ELIGIBLE' || booked.body?.code === 'SENIOR_NOT_FOUND') && tries < 30) {
      await sleep(300);
      continue;
    }
    throw new Error(`book day care ${n}: ${booked.status} ${JSON.stringify(booked.body)}`);
  }
  const first = flow.bookings[0]!;
  const cancelled = await api.send(`cancel day care ${n}`, 'POST', `/v1/seniors/${seniorId}/daycare-bookings/${first.bookingId}/cancel`, world.operator, { reason: 'Hospital appointment' }, `${run}-cancel-${n}`);
  if (cancelled.status !== 200 && !cancelled.conflictOnRetry) throw new Error(`cancel day care ${n}: ${cancelled.status} ${JSON.stringify(cancelled.body)}`);
  flow.cancelled = first.bookingId;
  await subscribe(api, world, seniorId, `subscribe ${n}`, `${run}-subscribe-${n}`);
  flow.subscribed = true;
  const skipDate = addDays(world.today, 3);
  await api.expect(`skip lunch ${n}`, 'POST', `/v1/seniors/${seniorId}/meal-changes`, world.assessor, { date: skipDate, slot: 'lunch', kind: 'skip' }, `${run}-skip-${n}`, [200, 201]);
  flow.skipped = skipDate;
}

async function subscribe(api: Api, world: World, seniorId: string, label: string, key: string): Promise<void> {
  for (let tries = 0; ; tries += 1) {
    // A refused attempt keeps its answer under its key: each try has a key of its own.
    const res = await api.send(label, 'PUT', `/v1/seniors/${seniorId}/meal-subscription`, world.assessor, { terms: { slots: { lunch: [1, 2, 3, 4, 5, 6, 7] } } }, `${key}-${tries}`);
    if (res.status === 200) return;
    if (['NOT_ELIGIBLE', 'SENIOR_NOT_FOUND', 'VALIDATION_FAILED'].includes(res.body?.code) && tries < 30) {
      await sleep(300); // dispatch has not applied the assessment's entitlements yet (its defaults then refuse)
      continue;
    }
    throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

// --- Checks -------------------------------------------------------------------------------------------

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

type Q = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function runChecks(q: Q, apps: Apps, api: Api, flows: SeniorFlow[], allSeniors: string[], outcomes: Map<string, string>, churn: string[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail: string) => results.push({ name, ok, detail });
  const n = async (sql: string, params: unknown[] = []) => Number((await q(sql, params))[0]!.n);

  // 1. Every accepted request completed, exactly once.
  const unanswered = api.requests.filter((r) => r.final === null);
  check('every request got a definite answer', unanswered.length === 0, unanswered.length === 0 ? `${api.requests.length} requests, ${stats.attempts} attempts` : unanswered.map((r) => r.label).join(', '));
  const seniors = await n(`SELECT count(*) AS n FROM assessment.senior`);
  check('seniors: one per registration key', seniors === allSeniors.length && new Set(allSeniors).size === allSeniors.length, `${seniors} rows in assessment.senior for ${allSeniors.length} registrations`);
  const idNumbers = await n(`SELECT count(*) - count(DISTINCT id_number_hash) AS n FROM assessment.senior`);
  check('seniors: no ID number registered twice', idNumbers === 0, `${idNumbers} duplicates`);
  const assessments = await q(`SELECT senior_id, count(*)::int AS n FROM assessment.assessment GROUP BY senior_id HAVING count(*) <> 1`);
  const assessed = await n(`SELECT count(DISTINCT senior_id) AS n FROM assessment.assessment WHERE status = 'submitted'`);
  check('assessments: one per senior, submitted', assessments.length === 0 && assessed === allSeniors.length, `${assessed} of ${allSeniors.length} seniors assessed once${assessments.length ? `; ${assessments.length} with several` : ''}`);
  const bookingRequests = await q(
    `SELECT senior_id::text, count(*)::int AS rows, count(DISTINCT request_id)::int AS requests, count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled FROM allocation.daycare_booking WHERE senior_id = ANY($1::uuid[]) GROUP BY senior_id`,
    [flows.map((f) => f.seniorId)],
  );
  const flowOf = new Map(flows.map((f) => [f.seniorId, f]));
  const withBookings = flows.filter((f) => f.bookings.length > 0).length;
  const badBookings = bookingRequests.filter((r) => r.rows !== 3 || r.requests !== 1 || r.cancelled !== (flowOf.get(r.senior_id as string)?.cancelled ? 1 : 0));
  check('day care: one booking request of 3 dates per key, the one cancelled', bookingRequests.length === withBookings && badBookings.length === 0, `${bookingRequests.length} seniors with bookings (expected ${withBookings})${badBookings.length ? `; wrong: ${JSON.stringify(badBookings.slice(0, 3))}` : ''}`);
  const answeredIds = flows.flatMap((f) => f.bookings.map((b) => b.bookingId));
  const stored = await n(`SELECT count(*) AS n FROM allocation.daycare_booking WHERE id = ANY($1::uuid[])`, [answeredIds]);
  check('day care: the bookings the API answered are the ones stored', stored === answeredIds.length, `${stored} of ${answeredIds.length}`);
  const load = await q(
    `SELECT l.facility_id, l.date::text, l.session, l.booked, count(b.id)::int AS actual
       FROM allocation.daycare_session_load l
       LEFT JOIN allocation.daycare_booking b ON b.facility_id = l.facility_id AND b.date = l.date AND b.status = 'booked' AND (b.session = l.session OR b.session = 'full-day')
      GROUP BY 1, 2, 3, 4 HAVING l.booked <> count(b.id)`,
  );
  check('day care: each session load equals its booked places (no place taken or freed twice)', load.length === 0, load.length === 0 ? 'all session loads agree' : JSON.stringify(load.slice(0, 3)));
  const churned = await q(`SELECT status, count(*)::int AS n FROM allocation.daycare_booking WHERE id = ANY($1::uuid[]) GROUP BY status`, [churn]);
  const churnCancelled = Number(churned.find((r) => r.status === 'cancelled')?.n ?? 0);
  check('day care: each booked-then-cancelled day is stored once, cancelled', churnCancelled === churn.length && churned.length <= 1, `${churnCancelled} of ${churn.length} cancelled${churned.length > 1 ? `; ${JSON.stringify(churned)}` : ''}`);
  const versions = await q(`SELECT senior_id, count(*)::int AS n FROM dispatch.meal_subscription_version GROUP BY senior_id HAVING count(*) <> 1`);
  const subscribed = await n(`SELECT count(DISTINCT senior_id) AS n FROM dispatch.meal_subscription_version`);
  const expectedSubscribed = allSeniors.length - flows.filter((f) => !f.subscribed).length;
  check('meals: one subscription version per senior', versions.length === 0 && subscribed === expectedSubscribed, `${subscribed} subscribed (expected ${expectedSubscribed})${versions.length ? `; several versions: ${versions.length}` : ''}`);
  const changes = await q(`SELECT senior_id, count(*)::int AS n FROM dispatch.meal_change GROUP BY senior_id`);
  const skipped = flows.filter((f) => f.skipped).length;
  check('meals: one skipped lunch per key', changes.length === skipped && changes.every((c) => c.n === 1), `${changes.length} seniors with a change (expected ${skipped})`);
  const outcomeRows = await q(`SELECT order_id::text, outcome FROM dispatch.stop_outcome`);
  const wrongOutcome = outcomeRows.filter((r) => outcomes.get(r.order_id as string) !== r.outcome);
  check('meals: one outcome per meal at the door, the one sent', outcomeRows.length === outcomes.size && wrongOutcome.length === 0, `${outcomeRows.length} outcomes stored for ${outcomes.size} sent${wrongOutcome.length ? `; unexpected: ${JSON.stringify(wrongOutcome.slice(0, 3))}` : ''}`);

  // 2. Every outbox event delivered to each subscriber exactly once.
  for (const source of ['assessment', 'allocation', 'dispatch'] as const) {
    const events = await q(`SELECT event_id::text, type, published_at IS NOT NULL AS published FROM ${source}.outbox_event`);
    const unpublished = events.filter((e) => !e.published).length;
    const missing: string[] = [];
    const bySubscriber: Record<string, number> = {};
    for (const subscriber of ['assessment', 'allocation', 'dispatch'] as const) {
      const wanted = events.filter((e) => (EVENT_SUBSCRIBERS[e.type as keyof typeof EVENT_SUBSCRIBERS] as readonly string[]).includes(subscriber));
      if (wanted.length === 0) continue;
      const receipts = new Set((await q(`SELECT event_id::text FROM ${subscriber}.inbox_receipt WHERE event_id = ANY($1::uuid[])`, [wanted.map((e) => e.event_id)])).map((r) => r.event_id as string));
      bySubscriber[subscriber] = receipts.size;
      for (const e of wanted) if (!receipts.has(e.event_id as string)) missing.push(`${e.type} ${String(e.event_id).slice(0, 8)} → ${subscriber}`);
    }
    check(
      `events of ${source}: all published, each applied by every subscriber`,
      unpublished === 0 && missing.length === 0,
      `${events.length} events, ${unpublished} unpublished; receipts ${Object.entries(bySubscriber).map(([s, c]) => `${s} ${c}`).join(', ') || 'none wanted'}${missing.length ? `; missing ${missing.length}: ${missing.slice(0, 4).join('; ')}` : ''}`,
    );
  }
  const strayReceipts = await n(
    `SELECT (SELECT count(*) FROM allocation.inbox_receipt WHERE event_id NOT IN (SELECT event_id FROM assessment.outbox_event))
          + (SELECT count(*) FROM dispatch.inbox_receipt WHERE event_id NOT IN (SELECT event_id FROM assessment.outbox_event UNION ALL SELECT event_id FROM allocation.outbox_event))
          + (SELECT count(*) FROM assessment.inbox_receipt WHERE event_id NOT IN (SELECT event_id FROM dispatch.outbox_event)) AS n`,
  );
  check('no receipt of an event no outbox holds', strayReceipts === 0, `${strayReceipts} stray receipts`);

  // 3. Read models agree with their owners.
  for (const reader of ['allocation', 'dispatch'] as const) {
    const diff = await q(
      `SELECT coalesce(s.id, v.senior_id)::text AS id, s.id IS NULL AS extra FROM assessment.senior s FULL JOIN ${reader}.senior_view v ON v.senior_id = s.id WHERE s.id IS NULL OR v.senior_id IS NULL OR v.entitlements IS NULL`,
    );
    const count = await n(`SELECT count(*) AS n FROM ${reader}.senior_view`);
    check(`${reader}.senior_view matches assessment's seniors (with entitlements)`, diff.length === 0, `${count} in ${reader}, ${seniors} in assessment${diff.length ? `; differ: ${diff.length}` : ''}`);
  }
  const levels = await n(
    `SELECT count(*) AS n FROM allocation.senior_view v JOIN assessment.assessment a ON a.senior_id = v.senior_id AND a.status = 'submitted' WHERE v.level IS DISTINCT FROM a.final_level`,
  );
  check("allocation's levels equal the submitted assessments'", levels === 0, `${levels} differ`);
  const days = await q(
    `SELECT coalesce(b.id, d.booking_id)::text AS id, b.id IS NULL AS extra
       FROM (SELECT id, senior_id, date FROM allocation.daycare_booking WHERE status = 'booked') b
       FULL JOIN dispatch.daycare_day d ON d.booking_id = b.id
      WHERE b.id IS NULL OR d.booking_id IS NULL OR d.date <> b.date OR d.senior_id <> b.senior_id`,
  );
  const dayCount = await n(`SELECT count(*) AS n FROM dispatch.daycare_day`);
  const booked = await n(`SELECT count(*) AS n FROM allocation.daycare_booking WHERE status = 'booked'`);
  let why = '';
  if (days.length > 0) {
    // For each booking that differs: its state in allocation, and when dispatch applied its booked and cancelled events.
    const detail = await q(
      `SELECT x.id, b.status,
              (SELECT r.applied_at FROM dispatch.inbox_receipt r JOIN allocation.outbox_event o ON o.event_id = r.event_id
                WHERE o.type = 'daycare.booked' AND o.payload->'bookings' @> jsonb_build_array(jsonb_build_object('bookingId', x.id))) AS booked_applied,
              (SELECT r.applied_at FROM dispatch.inbox_receipt r JOIN allocation.outbox_event o ON o.event_id = r.event_id
                WHERE o.type = 'daycare.cancelled' AND o.payload->>'bookingId' = x.id) AS cancelled_applied
         FROM unnest($1::text[]) AS x(id) LEFT JOIN allocation.daycare_booking b ON b.id::text = x.id`,
      [days.map((d) => d.id)],
    );
    why = detail
      .map((d) => {
        const booked = d.booked_applied as Date | null;
        const cancelled = d.cancelled_applied as Date | null;
        const order = booked && cancelled ? (cancelled < booked ? `daycare.cancelled applied ${booked.getTime() - cancelled.getTime()} ms BEFORE daycare.booked` : `both applied at once (receipt times are transaction starts, booked's ${cancelled.getTime() - booked.getTime()} ms earlier)`) : `booked ${booked ? 'applied' : 'not applied'}, cancelled ${cancelled ? 'applied' : 'not applied'}`;
        return `booking ${String(d.id).slice(0, 8)} is ${d.status ?? 'unknown'} in allocation; ${order}`;
      })
      .join('; ');
  }
  check("dispatch's day-care days equal allocation's booked places", days.length === 0, `${dayCount} days in dispatch, ${booked} booked in allocation${days.length ? `; differ: ${days.length}: ${why}` : ''}`);

  // 4. Nothing failed, stuck or waiting.
  const problems: string[] = [];
  let completed = 0;
  let retried = 0;
  for (const name of ALL_QUEUES) {
    const queue = apps.queue(name);
    const counts = await queue.getJobCounts('failed', 'waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed');
    completed += counts.completed ?? 0;
    const schedule = !(Object.values(COMMAND_QUEUES) as string[]).includes(name) && !(Object.values(INBOX_QUEUES) as string[]).includes(name);
    const stuck = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) + (schedule ? 0 : counts.delayed ?? 0);
    if ((counts.failed ?? 0) > 0) {
      const failed = await queue.getFailed(0, 5);
      problems.push(`${name}: ${counts.failed} failed (${failed.map((j) => `${j.name}: ${j.failedReason}`).join('; ')})`);
    }
    if (stuck > 0) problems.push(`${name}: ${stuck} waiting/active/delayed`);
    if (!schedule) {
      for (const job of await queue.getCompleted(0, 2000)) if (job.attemptsMade > 1) retried += 1;
    }
  }
  check('no job failed (dead letters) or stuck in any queue', problems.length === 0, problems.length === 0 ? `${completed} jobs completed, ${retried} of them after a retry` : problems.join(' | '));
  return results;
}

// --- The run --------------------------------------------------------------------------------------------

/**
 * Redis clients print connection errors while Redis is down (BullMQ's for emitters without an error
 * listener, ioredis's "Unhandled error event"). Without --verbose they are counted, not shown.
 */
const connectionNoise = { count: 0, kinds: new Map<string, number>() };
function quietConnectionErrors(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
    const code = /(ECONNREFUSED|ECONNRESET|EPIPE|Connection is closed|connect ETIMEDOUT)/.exec(text)?.[1];
    if (code) {
      const kind = `${text.startsWith('[ioredis] Unhandled error event') ? 'ioredis unhandled error event' : 'printed Redis error'} ${code}`;
      connectionNoise.count += 1;
      connectionNoise.kinds.set(kind, (connectionNoise.kinds.get(kind) ?? 0) + 1);
      return;
    }
    original(...args);
  };
}

async function main(verbose: boolean, appendOnly: boolean): Promise<number> {
  if (!verbose) quietConnectionErrors();
  const base = loadEnvironment(PlatformEnvironment);
  const run = `f${randomBytes(3).toString('hex')}`;
  const redis = new OwnRedis(await freePort(), appendOnly);
  let database: TestDatabase | null = null;
  let apps: Apps | null = null;
  let failed = false;
  const injected: string[] = [];
  console.log(`npm run test:faults — load through the public API while Redis restarts, dispatch stops, PostgreSQL refuses connections (run ${run})`);
  try {
    await redis.start();
    log(`own Redis ${redis.url} (${appendOnly ? 'appendonly yes, appendfsync everysec' : 'NO persistence (--redis-without-aof)'}, noeviction; data in ${redis.dir})`);
    database = await createMigratedDatabase('faults');
    const dbName = new URL(database.url).pathname.slice(1);
    log(`own database ${dbName} on the local PostgreSQL, migrated`);
    const env: Partial<GatewayEnvironment> = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `faults-${run}`,
      LOG_LEVEL: verbose ? 'info' : 'silent',
      OUTBOX_POLL_MS: 200,
      REQUEST_TIMEOUT_MS: 1500,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: 0,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      RATE_LIMIT_PER_IP: 1_000_000,
      RATE_LIMIT_PER_ACCOUNT: 1_000_000,
      LOGIN_MAX_FAILURES_PER_IP: 100_000,
      LOGIN_MAX_FAILURES_PER_USERNAME: 1000,
      LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES: 100_000,
    };
    apps = new Apps(env);
    for (const service of ['assessment', 'allocation', 'dispatch'] as const) await apps.start(service);
    apps.gateway = await bootstrapGateway(env, { shutdownHooks: false });
    const { port } = apps.gateway.getHttpServer().address() as { port: number };
    const api = new Api(`http://127.0.0.1:${port}`);
    log(`four apps in this process; gateway http://127.0.0.1:${port}; REQUEST_TIMEOUT_MS 1500`);

    // Setup, before any fault: accounts, a day-care centre, a kitchen with a courier and a menu.
    const world = await setUp(api, run);
    log(`setup: day-care centre (200 places), central kitchen with a courier, lunch menu for ${world.mealDate}`);

    // Seniors whose lunch on mealDate is frozen now and delivered during the faults.
    const mealSeniors: string[] = [];
    for (let i = 0; i < MEAL_SENIORS; i += 4) {
      await Promise.all(Array.from({ length: Math.min(4, MEAL_SENIORS - i) }, (_, j) => registerAndAssess(api, world, run, 1000 + i + j, mealSeniors)));
    }
    for (const seniorId of mealSeniors) await untilEntitled(api, world, seniorId, 'meals');
    await Promise.all(mealSeniors.map((s, i) => subscribe(api, world, s, `subscribe meal senior ${i}`, `${run}-subscribe-meals-${i}`)));
    const cutoff = await api.expect('lunch cutoff', 'POST', `/v1/districts/310112/meal-cutoffs/${world.mealDate}/lunch`, world.admin, undefined, null, [200, 201]);
    const manifests = (await api.expect('manifests', 'GET', `/v1/kitchens/${world.kitchenId}/manifests?date=${world.mealDate}&slot=lunch`, world.cook, undefined, null, [200])).body as Array<{ stops: Array<{ orderId: string }> }>;
    const stops = manifests.flatMap((m) => m.stops.map((s) => s.orderId));
    log(`${mealSeniors.length} seniors registered, assessed and subscribed; cutoff for ${world.mealDate} lunch: ${cutoff.body.orders} orders, ${stops.length} on the courier's route`);

    // The load and the faults, at once.
    log(`load starts: ${LANES} lanes of seniors (register, assess, day care ×3, cancel one, subscribe, skip a lunch), a lane booking and at once cancelling single days, and the kitchen's door outcomes`);
    const loadStart = Date.now();
    let faultsDone = false;
    const flows: SeniorFlow[] = [];
    const registered: string[] = [];
    const errors: string[] = [];
    let next = 0;
    const lane = async () => {
      while (!faultsDone && next < MAX_SENIORS) {
        const n = next++;
        try {
          await seniorFlow(api, world, run, n, registered, flows);
        } catch (error) {
          errors.push((error as Error).message);
        }
      }
    };
    const outcomes = new Map<string, string>();
    // Families of the lunch seniors booking a single day and cancelling it at once, all through the
    // faults: while dispatch is down each pair's two events wait in its inbox together.
    const churn: string[] = [];
    const dayCareChurn = async () => {
      for (let i = 0; !faultsDone; i += 1) {
        const seniorId = mealSeniors[i % mealSeniors.length]!;
        const date = addDays(world.today, 10 + i);
        try {
          const booked = await api.send(`churn book ${i}`, 'POST', `/v1/seniors/${seniorId}/daycare-bookings`, world.operator, { facilityId: world.facilityId, session: 'afternoon', dates: [date] }, `${run}-churn-${i}`);
          const records = (booked.body ?? (await api.expect(`churn list ${i}`, 'GET', `/v1/seniors/${seniorId}/daycare-bookings`, world.operator, undefined, null, [200])).body) as Array<{ bookingId: string; date: string }>;
          const bookingId = records.find((r) => r.date === date)?.bookingId;
          if (booked.status >= 300 || !bookingId) throw new Error(`churn book ${i}: ${booked.status} ${JSON.stringify(booked.body)}`);
          churn.push(bookingId);
          const cancelled = await api.send(`churn cancel ${i}`, 'POST', `/v1/seniors/${seniorId}/daycare-bookings/${bookingId}/cancel`, world.operator, { reason: 'Changed our plans' }, `${run}-churn-cancel-${i}`);
          if (cancelled.status !== 200 && !cancelled.conflictOnRetry) throw new Error(`churn cancel ${i}: ${cancelled.status} ${JSON.stringify(cancelled.body)}`);
        } catch (error) {
          errors.push((error as Error).message);
        }
        await sleep(150);
      }
    };
    const courier = async () => {
      for (const [i, orderId] of stops.entries()) {
        await sleep(Math.max(0, loadStart + 1000 + i * 2500 - Date.now()));
        const outcome = i % 4 === 3 ? 'refused' : 'delivered';
        outcomes.set(orderId, outcome);
        try {
          const res = await api.send(`outcome ${i}`, 'POST', `/v1/meal-orders/${orderId}/outcome`, world.cook, { outcome, note: i % 4 === 3 ? 'Did not want lunch today' : undefined }, `${run}-outcome-${i}`);
          // 200: completed after a 202 (the status resource does not echo the outcome).
          if (res.status !== 201 && res.status !== 200 && !res.conflictOnRetry) errors.push(`outcome ${i}: ${res.status} ${JSON.stringify(res.body)}`);
        } catch (error) {
          errors.push((error as Error).message);
        }
      }
    };
    const faults = async () => {
      const at = async (seconds: number) => sleep(Math.max(0, loadStart + seconds * 1000 - Date.now()));
      await at(FAULTS.redis.at);
      await redis.kill();
      log(`FAULT redis: kill -9 redis-server on port ${redis.port}`);
      await sleep(FAULTS.redis.downMs);
      await redis.start();
      injected.push(`Redis killed (SIGKILL) and started again on the same port and data after ${FAULTS.redis.downMs / 1000} s`);
      log(`FAULT redis: started again on port ${redis.port} (AOF replayed)`);

      await at(FAULTS.dispatch.at);
      await apps!.stop('dispatch');
      log('FAULT dispatch: service stopped');
      await sleep(FAULTS.dispatch.downMs);
      await apps!.start('dispatch');
      injected.push(`dispatch service stopped and started again after ${FAULTS.dispatch.downMs / 1000} s`);
      log('FAULT dispatch: started again');

      await at(FAULTS.postgres.at);
      const terminated = await onMaintenance(base.DATABASE_URL, async (c) => {
        await c.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
        return (await c.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])).rows[0].n as number;
      });
      log(`FAULT postgres: ${dbName} refuses connections, ${terminated} sessions terminated`);
      await sleep(FAULTS.postgres.downMs);
      await onMaintenance(base.DATABASE_URL, (c) => c.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`));
      injected.push(`PostgreSQL: ${dbName} refused connections for ${FAULTS.postgres.downMs / 1000} s (${terminated} sessions terminated)`);
      log('FAULT postgres: connections allowed again');
      await sleep(2000);
      faultsDone = true;
    };
    await Promise.all([faults(), courier(), dayCareChurn(), ...Array.from({ length: LANES }, lane)]);
    log(`load done: ${flows.length} seniors through their flow, ${churn.length} days booked and cancelled at once, ${stops.length} door outcomes; ${stats.requests} requests, ${stats.attempts} attempts (${stats.networkErrors} network errors, ${stats.serverErrors} 5xx/429, ${stats.pending} answered 202, ${stats.lostStatus} status unknown, ${stats.failedStatus} status failed)`);
    for (const error of errors) log(`LOAD ERROR ${error}`);
    if (connectionNoise.count > 0) log(`Redis clients printed ${connectionNoise.count} connection errors during the faults (${[...connectionNoise.kinds].map(([k, n]) => `${n}× ${k}`).join(', ')}; shown with --verbose)`);
    const heldKeys = api.requests.filter((r) => r.stillRunningSince !== undefined && (r.finishedAt ?? Date.now()) - r.stillRunningSince > 10_000);
    if (heldKeys.length > 0) {
      log(
        `WARNING ${heldKeys.length} retries were told "still running" for more than 10 s after their first attempt failed (the key's claim was not released): ` +
          heldKeys.map((r) => `${r.label} (${runs(r.statuses)}; ${Math.round(((r.finishedAt ?? Date.now()) - r.stillRunningSince!) / 1000)} s)`).join('; '),
      );
    }
    const retriedConflicts = api.requests.filter((r) => r.conflictOnRetry);
    // Not a lost or doubled effect (the checks below count effects), but a wrong answer: the first
    // attempt failed (5xx) after its command was queued, the retry ran a second command and was refused.
    if (retriedConflicts.length > 0) log(`WARNING ${retriedConflicts.length} retries with the same Idempotency-Key were answered 409 for their own earlier effect: ${retriedConflicts.map((r) => `${r.label} (${runs(r.statuses)}: ${String(r.final?.body?.message)})`).join('; ')}`);

    // Settle, then check.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const q: Q = async (sql, params) => (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
    let results: CheckResult[] = [];
    const settleDeadline = Date.now() + SETTLE_DEADLINE_MS;
    do {
      results = await runChecks(q, apps, api, flows, [...registered, ...mealSeniors], outcomes, churn);
      if (results.every((r) => r.ok)) break;
      await sleep(1000);
    } while (Date.now() < settleDeadline);
    await db.end();

    console.log('\ninjected:');
    for (const line of injected) console.log(`  - ${line}`);
    console.log('\nchecked:');
    for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
    if (errors.length > 0) console.log(`  FAIL load: ${errors.length} requests ended without the answer they should have (above)`);
    if (injected.length !== 3) console.log(`  FAIL only ${injected.length} of 3 faults injected`);
    failed = errors.length > 0 || injected.length !== 3 || results.some((r) => !r.ok);
  } catch (error) {
    console.error(`\ntest:faults could not run: ${(error as Error).stack ?? String(error)}`);
    failed = true;
  } finally {
    await apps?.close();
    if (database) await database.drop().catch((e: Error) => console.error(`could not drop the database: ${e.message}`));
    await redis.remove();
  }
  console.log(`\ntest:faults ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s; apps stopped, database dropped, own Redis removed.`);
  return failed ? 1 : 0;
}

async function setUp(api: Api, run: string): Promise<World> {
  const today = localDate(new Date());
  const admin = (await api.expect('admin token', 'POST', '/v1/auth/token', null, { username: 'admin', password: ADMIN_PASSWORD }, null, [200])).body.accessToken as string;
  const account = async (role: string, extra: Record<string, unknown> = {}) => {
    const username = `${role}-${run}`;
    await api.expect(`account ${role}`, 'POST', '/v1/accounts', admin, { username, displayName: username, password: PASSWORD, roles: [role], ...extra }, null, [201]);
    return (await api.expect(`token ${role}`, 'POST', '/v1/auth/token', null, { username, password: PASSWORD }, null, [200])).body.accessToken as string;
  };
  const assessor = await account('assessor');
  const planner = await account('planner');
  const facility = await api.expect(
    'day-care centre',
    'POST',
    '/v1/facilities',
    planner,
    { type: 'day-care-centre', name: '莘庄日间照料中心', districtCode: '310112', location: HOME, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', dayCarePlaces: 200 },
    null,
    [201],
  );
  const facilityId = facility.body.facilityId as string;
  const operator = await account('operator', { facilityIds: [facilityId] });
  const kitchen = await api.expect(
    'kitchen',
    'POST',
    '/v1/kitchens',
    planner,
    { name: '莘庄中央厨房', kind: 'central-kitchen', districtCode: '310112', coordinateSystem: 'WGS-84', location: { lat: HOME.lat + 0.002, lng: HOME.lng }, capacity: { lunch: 500 }, diets: ['regular', 'low-salt', 'diabetic'], textures: ['regular', 'soft-bite-sized', 'minced-moist', 'pureed'] },
    null,
    [201],
  );
  const kitchenId = kitchen.body.kitchenId as string;
  const cook = await account('kitchen', { kitchenIds: [kitchenId] });
  const courierName = `courier-${run}`;
  const courierAccount = await api.expect('courier account', 'POST', '/v1/accounts', admin, { username: courierName, displayName: courierName, password: PASSWORD, roles: ['courier'] }, null, [201]);
  await api.expect('courier', 'POST', `/v1/kitchens/${kitchenId}/couriers`, cook, { accountId: courierAccount.body.accountId, name: '王师傅', mode: 'van', shiftFrom: '10:00', shiftTo: '13:30' }, null, [201]);
  const mealDate = addDays(today, 2);
  await api.expect('menu', 'PUT', `/v1/kitchens/${kitchenId}/menus/${mealDate}/lunch`, admin, { dishes: [STEAMED_FISH] }, null, [200]);
  return { admin, assessor, operator, cook, facilityId, kitchenId, today, mealDate };
}

main(process.argv.includes('--verbose'), !process.argv.includes('--redis-without-aof')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:faults failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
