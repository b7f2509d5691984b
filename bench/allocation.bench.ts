import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { CircleService } from '../apps/allocation/src/circle/circle.service';
import { CoverageService } from '../apps/allocation/src/coverage/coverage.service';
import { WaitlistService } from '../apps/allocation/src/waitlist/waitlist.service';
import { ConfigModule, loadEnvironment, PlatformEnvironment } from '@app/config';
import { type Actor, DomainError, MessagingModule, ServiceClient } from '@app/contracts';
import { DEFAULT_PRIORITY_RULES, DISTRICT_PROFILES, generateDistrict, localDate } from '@app/domain';
import { ALLOCATION_ENTITIES, dataSourceOptions, type DistrictLoadSummary, loadDistrict } from '@app/persistence';
import { createMigratedDatabase, forgetQueues, type TestDatabase, testQueuePrefix } from '@app/testing';

/**
 * `npm run bench:allocation [-- --profile small|minhang] [--seed <n>]` (default minhang, seed 1):
 * on a fresh database (migrated, dropped at the end) loads a synthetic district with the district
 * loader (npm run load:district), then runs each section below against the allocation service
 * booted in-process, printing its figures beside the anchor or target it is compared with, and
 * one JSON line with everything at the end. Exits 1 when a correctness check fails.
 *
 * Sections are independent functions of one BenchContext, run in the order of SECTIONS.
 */
const ANCHORS = [
  'anchors (architecture.md, this machine class): ST_DWithin on 100k points with a GiST index ≈ 3.6 ms median through TypeORM; BullMQ single job add→complete ≈ 0.7 ms median, ≈ 16,000 no-op jobs/s at concurrency 50',
  'targets: circle search per senior p95 < 10 ms; concurrent holds on 20 beds: exactly 20 held and admitted, every other request refused BED_TAKEN/CONFLICT, no unexpected error; full-district coverage for all facility types < 10 s on two cores',
];
const COVERAGE_TARGET_S = 10;
const WAITING_APPLICANTS = 5_000;
const CIRCLE_SAMPLE = 2_000;
const CIRCLE_WARM_UP = 200;
const CIRCLE_TARGET_P95_MS = 10;
const HOLD_REQUESTS = 1_000;
const HOLD_BEDS = 20;
/** Long enough that no request is left pending: the bench counts replies, not 202s. */
const CALL_TIMEOUT_MS = 120_000;

interface BenchOptions {
  profile: string;
  seed: number;
}

interface BenchContext {
  options: BenchOptions;
  load: DistrictLoadSummary;
  /** A plain connection for picking samples and checking outcomes. */
  db: Client;
  allocation: INestApplicationContext;
  /** The typed client the gateway uses: commands travel through BullMQ to allocation's worker. */
  client: ServiceClient;
  /** Set by a section whose correctness check failed. */
  failures: string[];
}

type Section = (context: BenchContext) => Promise<Record<string, unknown>>;

/** The sections, in order. Each prints its own lines and returns its figures for the JSON summary. */
const SECTIONS: Array<[name: string, run: Section]> = [
  ['circle', circleSearchPerSenior],
  ['bedHolds', concurrentBedHolds],
  ['coverage', districtCoverage],
  ['waitingList', waitingListAfterRuleChange],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (n: number) => Number(n.toFixed(2));

// --- a. Circle search per senior -------------------------------------------------------------

/** CircleService.search in-process for random loaded seniors, one at a time, after a warm-up. */
async function circleSearchPerSenior({ db, allocation }: BenchContext): Promise<Record<string, unknown>> {
  const circle = allocation.get(CircleService);
  await db.query(`SELECT setseed(0.42)`);
  const { rows } = await db.query<{ senior_id: string }>(`SELECT senior_id FROM allocation.senior_view ORDER BY random() LIMIT $1`, [CIRCLE_SAMPLE + CIRCLE_WARM_UP]);
  const seniors = rows.map((r) => r.senior_id);
  for (const seniorId of seniors.slice(0, CIRCLE_WARM_UP)) await circle.search({ origin: { seniorId }, minutes: null, types: null });

  const sample = seniors.slice(CIRCLE_WARM_UP);
  const latencies: number[] = [];
  let inside = 0;
  let withEligible = 0;
  let fallback = 0;
  const started = performance.now();
  for (const seniorId of sample) {
    const t = performance.now();
    const result = await circle.search({ origin: { seniorId }, minutes: null, types: null });
    latencies.push(performance.now() - t);
    inside += result.inside.length;
    if (result.inside.some((f) => f.eligible)) withEligible += 1;
    if (result.nearestOutside.length > 0) fallback += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const figures = {
    seniors: sample.length,
    p50: ms(percentile(latencies, 50)),
    p95: ms(percentile(latencies, 95)),
    p99: ms(percentile(latencies, 99)),
    max: ms(latencies[latencies.length - 1]!),
    perSecond: Math.round(sample.length / seconds),
    facilitiesInsideMean: Number((inside / sample.length).toFixed(1)),
    withAnEligibleFacilityInside: withEligible,
    withFallbackBeyondCircle: fallback,
  };
  console.log(`a. circle search per senior (CircleService in-process, one at a time, ${sample.length} random seniors after ${CIRCLE_WARM_UP} warm-up searches)`);
  console.log(`   p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, max ${figures.max} ms; ${figures.perSecond} searches/s — target p95 < ${CIRCLE_TARGET_P95_MS} ms: ${figures.p95 < CIRCLE_TARGET_P95_MS ? 'met' : 'NOT met'}`);
  console.log(`   ${figures.facilitiesInsideMean} facilities inside the circle on average; ${withEligible} of ${sample.length} seniors may use at least one of them; ${fallback} got the nearest ones beyond it`);
  return figures;
}

// --- b. Concurrent bed holds ----------------------------------------------------------------

const ADMIN: Actor = { accountId: randomUUID(), roles: ['admin'], facilityIds: [], kitchenIds: [] };

interface HoldRequest {
  seniorId: string;
  bedId: string;
}

/**
 * HOLD_REQUESTS different eligible seniors ask at once for HOLD_BEDS vacant general beds of one
 * facility (each senior for a bed whose room takes their sex), through ServiceClient → BullMQ →
 * allocation, as the gateway sends them; then every successful hold is admitted. The database
 * must show exactly one stay per bed and no overlapping occupancy.
 */
async function concurrentBedHolds({ db, client, failures }: BenchContext): Promise<Record<string, unknown>> {
  const bedType = 'general'; // every assessed senior may take one: the most applicants
  const { rows: beds } = await db.query<{ id: string; facility_id: string; label: string; gender_rule: string }>(
    `WITH vacant AS (
       SELECT b.id, b.facility_id, b.label, r.gender_rule FROM allocation.bed b JOIN allocation.room r ON r.id = b.room_id
       WHERE b.bed_type = $1 AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.bed_id = b.id AND o.during @> now()))
     SELECT * FROM vacant WHERE facility_id = (SELECT facility_id FROM vacant GROUP BY facility_id ORDER BY count(*) DESC, facility_id LIMIT 1)
     ORDER BY label LIMIT $2`,
    [bedType, HOLD_BEDS],
  );
  const fits = (sex: string) => beds.filter((b) => b.gender_rule === 'any' || b.gender_rule === sex);
  await db.query(`SELECT setseed(0.17)`);
  const { rows: seniors } = await db.query<{ senior_id: string; sex: string }>(
    `SELECT senior_id, sex FROM allocation.senior_view v
     WHERE entitlements->'bedTypes' ? $1 AND sex = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.senior_id = v.senior_id AND o.during @> now())
     ORDER BY random() LIMIT $3`,
    [bedType, ['female', 'male'].filter((sex) => fits(sex).length > 0), HOLD_REQUESTS],
  );
  const perSex = new Map<string, number>();
  const requests: HoldRequest[] = seniors.map((s) => {
    const n = perSex.get(s.sex) ?? 0;
    perSex.set(s.sex, n + 1);
    const candidates = fits(s.sex);
    return { seniorId: s.senior_id, bedId: candidates[n % candidates.length]!.id };
  });
  const bedsAsked = new Set(requests.map((r) => r.bedId)).size;

  const held: string[] = [];
  const refused = { BED_TAKEN: 0, CONFLICT: 0 };
  const unexpected: Record<string, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    requests.map(async ({ seniorId, bedId }) => {
      const holdId = randomUUID();
      const t = performance.now();
      try {
        const outcome = await client.call('allocation', 'bed.hold', { holdId, seniorId, bedId }, { actor: ADMIN, correlationId: 'bench-allocation-holds', timeoutMs: CALL_TIMEOUT_MS });
        if (outcome.status === 'done') held.push(holdId);
        else unexpected['still pending'] = (unexpected['still pending'] ?? 0) + 1;
      } catch (error) {
        const code = error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'unknown';
        if (code === 'BED_TAKEN' || code === 'CONFLICT') refused[code] += 1;
        else unexpected[code] = (unexpected[code] ?? 0) + 1;
      } finally {
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);

  const admissions = await Promise.allSettled(held.map((holdId) => client.call('allocation', 'bed.admit', { holdId }, { actor: ADMIN, correlationId: 'bench-allocation-admit', timeoutMs: CALL_TIMEOUT_MS })));
  const admitted = admissions.filter((a) => a.status === 'fulfilled' && a.value.status === 'done').length;

  const bedIds = beds.map((b) => b.id);
  const { rows: [check] } = await db.query<{ stays: number; beds_with_one_current: number; beds_with_more: number; overlaps: number; holds_ended_admitted: number }>(
    `SELECT (SELECT count(*) FROM allocation.bed_occupancy WHERE bed_id = ANY($1::uuid[]) AND kind = 'stay' AND during @> now())::int AS stays,
            (SELECT count(*) FROM (SELECT bed_id FROM allocation.bed_occupancy WHERE bed_id = ANY($1::uuid[]) AND during @> now() GROUP BY bed_id HAVING count(*) = 1) x)::int AS beds_with_one_current,
            (SELECT count(*) FROM (SELECT bed_id FROM allocation.bed_occupancy WHERE bed_id = ANY($1::uuid[]) AND during @> now() GROUP BY bed_id HAVING count(*) > 1) x)::int AS beds_with_more,
            (SELECT count(*) FROM allocation.bed_occupancy a JOIN allocation.bed_occupancy b ON a.bed_id = b.bed_id AND a.id < b.id AND a.during && b.during WHERE a.bed_id = ANY($1::uuid[]))::int AS overlaps,
            (SELECT count(*) FROM allocation.bed_occupancy WHERE bed_id = ANY($1::uuid[]) AND kind = 'hold' AND end_reason = 'admitted')::int AS holds_ended_admitted`,
    [bedIds],
  );

  const unexpectedTotal = Object.values(unexpected).reduce((sum, n) => sum + n, 0);
  const figures = {
    facilityId: beds[0]?.facility_id ?? null,
    bedType,
    beds: beds.length,
    bedsAsked,
    requests: requests.length,
    held: held.length,
    admitted,
    refused,
    unexpected,
    requestsPerSecond: Math.round(requests.length / seconds),
    p50: ms(percentile(latencies, 50)),
    p99: ms(percentile(latencies, 99)),
    database: check,
  };
  console.log(`b. concurrent bed holds (ServiceClient → BullMQ → allocation, admin actor): ${requests.length} different eligible seniors at once for ${beds.length} ${bedType} beds of one facility (${bedsAsked} beds asked for)`);
  console.log(`   held ${held.length}, admitted ${admitted}; refused BED_TAKEN ${refused.BED_TAKEN}, CONFLICT ${refused.CONFLICT}; unexpected ${unexpectedTotal}${unexpectedTotal ? ` ${JSON.stringify(unexpected)}` : ''}`);
  console.log(`   ${figures.requestsPerSecond} requests/s, latency p50 ${figures.p50} ms, p99 ${figures.p99} ms (all requests queued at once: p99 is the wait for the last replies)`);
  console.log(`   database: ${check!.stays} current stays on these beds, ${check!.beds_with_one_current} beds with exactly one current hold or stay, ${check!.beds_with_more} with more, ${check!.overlaps} overlapping occupancies, ${check!.holds_ended_admitted} holds ended by admission`);

  const expected = Math.min(HOLD_BEDS, bedsAsked);
  const problems = [
    beds.length < HOLD_BEDS && `only ${beds.length} vacant ${bedType} beds in one facility`,
    requests.length < HOLD_REQUESTS && `only ${requests.length} eligible seniors`,
    held.length !== expected && `${held.length} held, expected ${expected}`,
    admitted !== held.length && `${admitted} of ${held.length} holds admitted`,
    held.length + refused.BED_TAKEN + refused.CONFLICT !== requests.length && 'not every request was held or refused',
    unexpectedTotal > 0 && `${unexpectedTotal} unexpected outcomes`,
    check!.stays !== held.length && `${check!.stays} stays in the database`,
    (check!.beds_with_more > 0 || check!.overlaps > 0) && 'a bed is held or occupied twice',
  ].filter((p): p is string => typeof p === 'string');
  console.log(`   check: ${problems.length === 0 ? `exactly ${expected} held and admitted, the rest refused, nothing twice — ok` : `FAILED: ${problems.join('; ')}`}`);
  failures.push(...problems.map((p) => `bed holds: ${p}`));
  return figures;
}

// --- c. Full-district coverage ---------------------------------------------------------------

/** CoverageService.report for the whole district, every facility type and every street; then the gaps of one type. */
async function districtCoverage({ load, allocation, failures }: BenchContext): Promise<Record<string, unknown>> {
  const coverage = allocation.get(CoverageService);
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const value = await work();
    return [value, (performance.now() - t) / 1000];
  };
  const [report, firstSeconds] = await timed(() => coverage.report({ districtCode: load.districtCode, minutes: null }));
  const [, againSeconds] = await timed(() => coverage.report({ districtCode: load.districtCode, minutes: null }));
  const [gaps, gapSeconds] = await timed(() => coverage.gaps({ districtCode: load.districtCode, type: 'day-care-centre', minutes: null, resolution: null, limit: null, streetCode: null }));
  const figures = {
    seniors: report.district.seniorsOnPlatform,
    streets: report.streets.length,
    seconds: Number(firstSeconds.toFixed(2)),
    secondsAgain: Number(againSeconds.toFixed(2)),
    gapSeconds: Number(gapSeconds.toFixed(2)),
    dayCareUncovered: gaps.uncovered,
  };
  console.log(`c. full-district coverage (all ${report.facilityTypes.length} facility types, district and ${report.streets.length} streets, ${figures.seniors.toLocaleString('en')} seniors): ${figures.seconds} s, again ${figures.secondsAgain} s (target < ${COVERAGE_TARGET_S} s)`);
  console.log(`   gaps of day care (H3 cells of uncovered seniors): ${figures.gapSeconds} s, ${gaps.uncovered.toLocaleString('en')} seniors outside every day-care circle`);
  if (firstSeconds >= COVERAGE_TARGET_S) failures.push(`coverage: ${figures.seconds} s, target < ${COVERAGE_TARGET_S} s`);
  return figures;
}

// --- d. The waiting list after a rule change ---------------------------------------------------

/**
 * 5,000 waiting applications (bed-entitled seniors, applied over the last two years, within 30
 * minutes' walk): the list ranked under the rules in force, a what-if under a draft, the list again
 * after a new version takes effect, and the matching run that offers free beds to the list.
 */
async function waitingListAfterRuleChange({ load, db, allocation, failures }: BenchContext): Promise<Record<string, unknown>> {
  const waitlist = allocation.get(WaitlistService);
  const district = load.districtCode;
  await db.query(`SELECT setseed(0.29)`);
  const { rowCount } = await db.query(
    `INSERT INTO allocation.bed_application (id, senior_id, district_code, kind, bed_types, facility_ids, max_walking_minutes, status, applied_at)
     SELECT gen_random_uuid(), v.senior_id, v.district_code, 'long-stay', '{}', '{}', 30, 'waiting', now() - random() * interval '730 days'
     FROM allocation.senior_view v
     WHERE v.district_code = $1 AND jsonb_array_length(coalesce(v.entitlements->'bedTypes', '[]'::jsonb)) > 0
       AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.senior_id = v.senior_id AND o.during @> now())
     ORDER BY random() LIMIT $2`,
    [district, WAITING_APPLICANTS],
  );
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const value = await work();
    return [value, Number(((performance.now() - t) / 1000).toFixed(3))];
  };
  const [before, rankSeconds] = await timed(() => waitlist.waitingList(district, 'long-stay'));
  const heavierAge = { ...DEFAULT_PRIORITY_RULES, groupPoints: { ...DEFAULT_PRIORITY_RULES.groupPoints, 'very-old': 40, 'living-alone': 30 } };
  const actor: Actor = { ...ADMIN };
  await waitlist.publishRules({ districtCode: district, version: 'bench-draft', effectiveFrom: null, rules: heavierAge, note: 'bench' }, actor);
  const [whatIf, whatIfSeconds] = await timed(() => waitlist.whatIf(district, 'long-stay', 'bench-draft'));
  await waitlist.publishRules({ districtCode: district, version: 'bench-in-force', effectiveFrom: localDate(new Date()), rules: heavierAge, note: 'bench' }, actor);
  const [after, recomputeSeconds] = await timed(() => waitlist.waitingList(district, 'long-stay'));
  const [offers, matchSeconds] = await timed(() => waitlist.match(district, 'bench-waitlist'));
  const { rows: [vacant] } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM allocation.bed b JOIN allocation.facility f ON f.id = b.facility_id
     WHERE f.district_code = $1 AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.bed_id = b.id AND o.during @> now())`,
    [district],
  );
  const [again, steadySeconds] = await timed(() => waitlist.match(district, 'bench-waitlist'));
  const figures = {
    applicants: rowCount,
    rankSeconds,
    whatIfSeconds,
    movedUp: whatIf.movedUp,
    movedDown: whatIf.movedDown,
    recomputeSeconds,
    rulesVersion: after.rulesVersion,
    offersMade: offers,
    matchSeconds,
    vacantAfter: vacant!.n,
    steadyMatchSeconds: steadySeconds,
    steadyOffers: again,
  };
  console.log(`d. waiting list: ${rowCount} applicants ranked under ${before.rulesVersion} in ${rankSeconds} s; what-if under a draft (older and living alone weigh more) in ${whatIfSeconds} s: ${whatIf.movedUp} move up, ${whatIf.movedDown} down`);
  console.log(`   after the new version takes effect, the list is ranked under ${after.rulesVersion} in ${recomputeSeconds} s`);
  console.log(`   matching offers free beds to the list: ${offers} offers (holds) in ${matchSeconds} s; ${vacant!.n.toLocaleString('en')} beds still free; a second run with nothing new to offer: ${steadySeconds} s`);
  if (after.rulesVersion !== 'bench-in-force') failures.push(`waiting list: ranked under ${after.rulesVersion}, expected bench-in-force`);
  if (again !== 0) failures.push(`waiting list: a second matching run made ${again} more offers`);
  return figures;
}

// --- Setup ----------------------------------------------------------------------------------

/** Only what a caller needs to send commands: the environment and the messaging module (ServiceClient). */
@Module({})
class CallerModule {
  static forRoot(env: Partial<PlatformEnvironment>): DynamicModule {
    return { module: CallerModule, imports: [ConfigModule.forApp(PlatformEnvironment, env), MessagingModule.forRoot()] };
  }
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { profile: 'minhang', seed: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--profile' && value && Object.hasOwn(DISTRICT_PROFILES, value)) options.profile = value;
    else if (flag === '--seed' && value && /^\d+$/.test(value)) options.seed = Number(value);
    else throw new Error(`usage: npm run bench:allocation -- [--profile ${Object.keys(DISTRICT_PROFILES).join('|')}] [--seed <n>]`);
  }
  return options;
}

async function loadSection(database: TestDatabase, options: BenchOptions): Promise<DistrictLoadSummary> {
  const district = generateDistrict(DISTRICT_PROFILES[options.profile]!, options.seed);
  const dataSource = await new DataSource(dataSourceOptions(database.url, ALLOCATION_ENTITIES)).initialize();
  try {
    const load = await loadDistrict(dataSource, district);
    const beds = load.beds.general + load.beds.nursing + load.beds['dementia-care'];
    console.log(
      `load (npm run load:district): ${load.facilities.total} facilities, ${load.rooms.toLocaleString('en')} rooms, ${beds.toLocaleString('en')} beds, ` +
        `${load.seniors.written.toLocaleString('en')} seniors with entitlements (${load.entitlementPolicy.id} ${load.entitlementPolicy.version} on ${load.entitlementsAsOf}) in ${load.seconds.total} s ` +
        `(facilities ${load.seconds.facilities} s, seniors ${load.seconds.seniors} s: ${Math.round(load.seniors.written / load.seconds.seniors).toLocaleString('en')}/s)`,
    );
    return load;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const profile = DISTRICT_PROFILES[options.profile]!;
  const started = performance.now();
  const database = await createMigratedDatabase('bench');
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const env = { NODE_ENV: 'test' as const, DATABASE_URL: database.url, QUEUE_PREFIX: testQueuePrefix(), LOG_LEVEL: 'silent' };
  let allocation: INestApplicationContext | undefined;
  let caller: INestApplicationContext | undefined;
  try {
    const { rows: [versions] } = await db.query<{ pg: string; postgis: string }>(`SELECT current_setting('server_version') AS pg, postgis_lib_version() AS postgis`);
    console.log(
      `bench:allocation — profile ${options.profile} seed ${options.seed} (${profile.seniors.toLocaleString('en')} seniors, ${profile.facilities.beds.toLocaleString('en')} beds); ` +
        `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${versions!.pg}, PostGIS ${versions!.postgis}`,
    );
    for (const line of ANCHORS) console.log(line);

    const load = await loadSection(database, options);
    allocation = await bootstrapAllocation(env);
    caller = await NestFactory.createApplicationContext(CallerModule.forRoot(env), { logger: false });
    const context: BenchContext = { options, load, db, allocation, client: caller.get(ServiceClient), failures: [] };
    const results: Record<string, unknown> = {};
    for (const [name, run] of SECTIONS) results[name] = await run(context);

    const machine = { cores: cpus().length, node: process.version, postgres: versions!.pg };
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify({ profile: options.profile, seed: options.seed, machine, load: { seconds: load.seconds, seniors: load.seniors.written, facilities: load.facilities.total }, ...results }));
    if (context.failures.length > 0) {
      console.error(`bench:allocation: ${context.failures.length} check(s) failed:\n  ${context.failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await caller?.close();
    await allocation?.close();
    await db.end();
    await database.drop();
    await forgetQueues(loadEnvironment(PlatformEnvironment).REDIS_URL, env.QUEUE_PREFIX);
  }
}

main().catch((error: Error) => {
  console.error(`bench:allocation failed: ${error.message}`);
  process.exit(1);
});
