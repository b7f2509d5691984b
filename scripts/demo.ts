// `npm run demo`: one family's morning on the platform, told step by step, in well under a minute.
//
// On the local PostgreSQL and Redis (DATABASE_URL / REDIS_URL, see libs/config) it drops and
// recreates a database of its own, `eldercare_demo` (never the main one), and migrates it; seeds the
// small synthetic district (the district of `npm run load:district -- --profile small`, and the meal
// seed of bench:meals: kitchens, couriers, menus and 100 neighbours' lunches), with every bed taken
// and a waiting list (demo-stage.ts); starts the four apps in this process on a BullMQ prefix of its
// own (`eldercare-demo`), the gateway on a free port; then plays the family's requests over real HTTP to the gateway, as
// any client would: staff open the family's account, register and assess the senior and record the
// family's consent; the family searches the 15-minute circle, books day care, subscribes to meals
// and applies for a bed; the district's admin runs the lunch cutoff, and the kitchen reads its
// production list and the manifest of the courier who brings her lunch.
//
// Prints each step: what was asked, the HTTP status and the facts of the answer. Exits 0 when every
// step got the answer it should, 1 naming the step that did not. `-- --verbose` shows the apps' logs.
// Everything is stopped, the demo database dropped and the demo's Redis keys removed at the end,
// also after a failure. Runs from the build (`npm run demo` builds first): Nest's dependency
// injection needs the decorator metadata that tsc emits and tsx does not.

import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { bootstrapGateway } from '../apps/gateway/src/gateway.bootstrap';
import { type GatewayEnvironment, loadEnvironment, PlatformEnvironment } from '@app/config';
import type { BedApplicationRecord, CircleSearchResult, DaycareBookingRecord, MealCutoffSummary, MealSubscriptionRecord, RouteManifest } from '@app/contracts';
import { addDays, DISTRICT_TIME_ZONE, type Entitlements, isoWeekday, localDate, type ProductionList, withCheckCharacter } from '@app/domain';
import { forgetQueues } from '@app/testing';
import { type DemoStage, DEMO_DATABASE, dropDemoDatabase, setTheStage, waitForReadModels } from './demo-stage';

/** Its own BullMQ prefix: the keys of an interrupted run are removed by the next one. */
const DEMO_QUEUE_PREFIX = 'eldercare-demo';
const ADMIN_PASSWORD = 'demo-admin-password';
const PASSWORD = 'demo-password-0123';
const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SENIOR_NAME = '王秀英';

/**
 * A GB/T 42195-2022 assessment as the assessor enters it: total 52 (中度失能), eating (B1.1 进食)
 * at 2 so the district's policy asks for texture-modified food, and a dementia diagnosis (F03)
 * that raises the level to 3 (重度失能): day care, delivered meals and a nursing bed.
 */
const ASSESSMENT_ITEMS: Record<string, number> = {
  'B1.1': 2, 'B1.2': 1, 'B1.3': 0, 'B1.4': 1, 'B1.5': 1, 'B1.6': 4, 'B1.7': 4, 'B1.8': 1,
  'B2.1': 4, 'B2.2': 2, 'B2.3': 1, 'B2.4': 0,
  'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 1, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
  'B4.1': 2, 'B4.2': 2, 'B4.3': 1, 'B4.4': 0, 'B4.5': 1,
};

class StepFailed extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

interface Reply<T> {
  status: number;
  body: T;
}

/** The demo's HTTP client: real requests to the listening gateway, every answer checked against what the step expects. */
class Api {
  private current = 'setup';
  constructor(private readonly baseUrl: string) {}

  step(name: string, what: string): void {
    this.current = name;
    console.log(`\n${name}. ${what}`);
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; expect?: number[]; headers?: Record<string, string>; quiet?: boolean } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': `demo-${randomBytes(4).toString('hex')}`, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    const ms = Math.round(performance.now() - started);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    const expected = options.expect ?? [200, 201];
    const ok = expected.includes(res.status);
    if (!options.quiet || !ok) console.log(`   ${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => `${id.slice(0, 8)}…`)} → ${res.status}${ok ? '' : ` (expected ${expected.join(' or ')})`} (${ms} ms)`);
    if (!ok) this.fail(`${method} ${path} answered ${res.status}: ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 500)}`);
    return { status: res.status, body: body as T };
  }

  fail(message: string): never {
    throw new StepFailed(this.current, message);
  }
}

const say = (line: string) => console.log(`   ${line}`);
const since = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const shanghaiTime = new Intl.DateTimeFormat('en-GB', { timeZone: DISTRICT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
const hhmm = (iso: string) => shanghaiTime.format(new Date(iso));
const shanghaiDateTime = (iso: string) => `${localDate(new Date(iso))} ${hhmm(iso)}`;

interface Running {
  services: INestApplicationContext[];
  gateway: NestExpressApplication | null;
}

async function main(verbose: boolean): Promise<number> {
  const started = performance.now();
  const base = loadEnvironment(PlatformEnvironment);
  const prefix = DEMO_QUEUE_PREFIX;
  const today = localDate(new Date());
  const mealDate = addDays(today, 1);
  const running: Running = { services: [], gateway: null };
  let failed: StepFailed | null = null;

  console.log(`npm run demo — one family's morning on the eldercare platform (社区养老服务平台): district 310112 闵行区, synthetic, today ${today} (Asia/Shanghai)`);
  try {
    await forgetQueues(base.REDIS_URL, prefix);
    const stage = await setTheStage(base.DATABASE_URL, { today, mealDate });
    console.log(
      `stage: fresh database ${DEMO_DATABASE} (migrated); the small district (seed 1): ${stage.facilities} facilities, ${stage.seniors.toLocaleString('en')} seniors; ` +
        `${stage.beds} beds, all taken, ${stage.waiting} applicants on the waiting list; ${stage.kitchens} kitchens, ${stage.couriers} couriers, ${stage.mealSubscribers} neighbours with lunch (助餐) — ${since(started)}`,
    );
    const env: Partial<GatewayEnvironment> = {
      NODE_ENV: 'development',
      DATABASE_URL: stage.databaseUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: verbose ? 'info' : 'silent',
      OUTBOX_POLL_MS: 100,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: 0,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
    const own = { shutdownHooks: false };
    running.services.push(...(await Promise.all([bootstrapAssessment(env, own), bootstrapAllocation(env, own), bootstrapDispatch(env, own)])));
    running.gateway = await bootstrapGateway(env, own);
    const { port } = running.gateway.getHttpServer().address() as { port: number };
    console.log(`stage: the four apps started in this process (gateway at http://127.0.0.1:${port}, services on BullMQ prefix ${prefix}) — ${since(started)}`);

    await playTheMorning(new Api(`http://127.0.0.1:${port}`), stage, mealDate);
  } catch (error) {
    failed = error instanceof StepFailed ? error : new StepFailed('setup', error instanceof Error ? error.message : String(error));
  } finally {
    await running.gateway?.close().catch(() => undefined);
    await Promise.all(running.services.map((s) => s.close().catch(() => undefined)));
    await dropDemoDatabase(base.DATABASE_URL).catch(() => undefined);
    await forgetQueues(base.REDIS_URL, prefix).catch(() => undefined);
  }
  if (failed) {
    console.error(`\ndemo FAILED at step ${failed.step}: ${failed.message} (after ${since(started)})`);
    return 1;
  }
  console.log(`\ndemo done: every step answered as it should, in ${since(started)}; apps stopped, ${DEMO_DATABASE} dropped.`);
  return 0;
}

async function playTheMorning(api: Api, stage: DemoStage, mealDate: string): Promise<void> {
  const { home } = stage;
  api.step('1', `The district admin signs in and opens two accounts: an assessor (评估员) and the family (家属) of ${SENIOR_NAME}`);
  const admin = (await api.call<{ accessToken: string }>('POST', '/v1/auth/token', { body: { username: 'admin', password: ADMIN_PASSWORD } })).body.accessToken;
  const account = async (username: string, displayName: string, roles: string[]) => {
    const created = await api.call<{ accountId: string }>('POST', '/v1/accounts', { token: admin, body: { username, displayName, password: PASSWORD, roles } });
    const token = (await api.call<{ accessToken: string }>('POST', '/v1/auth/token', { body: { username, password: PASSWORD } })).body.accessToken;
    say(`${displayName} (${roles.join(', ')}): account ${created.body.accountId.slice(0, 8)}…, signed in`);
    return { id: created.body.accountId, token };
  };
  const assessor = await account('assessor-chen', '陈老师 (评估员)', ['assessor']);
  const family = await account('family-li', '李明 (her son)', ['family']);

  api.step('2', `The assessor registers ${SENIOR_NAME} (88, lives alone, 低保 minimum income) at home in ${home.streetName}, and assesses her (GB/T 42195-2022 老年人能力评估)`);
  const birthDate = `${Number(localDate(new Date()).slice(0, 4)) - 88}-03-12`;
  const sequence = String(2 * (randomBytes(2).readUInt16BE() % 400)).padStart(3, '0'); // even: female
  const idNumber = withCheckCharacter(`310112${birthDate.replace(/-/g, '')}${sequence}`);
  const registered = await api.call<{ seniorId: string; name: string; birthDate: string }>('POST', '/v1/seniors', {
    token: assessor.token,
    headers: { 'idempotency-key': `demo-register-${idNumber}` },
    body: {
      name: SENIOR_NAME,
      sex: 'female',
      birthDate,
      idNumber,
      address: { text: `${home.streetName}${home.addressText}`, streetCode: home.streetCode, location: home.location, coordinateSystem: 'WGS-84' },
      livingArrangement: 'alone',
      priorityFlags: [{ flag: 'minimum-income', evidence: '低保证 2025-0417', validFrom: '2025-01-01', validUntil: `${Number(birthDate.slice(0, 4)) + 90}-12-31` }],
      phone: '13900139000',
    },
  });
  const seniorId = registered.body.seniorId;
  say(`senior ${seniorId.slice(0, 8)}…: ${registered.body.name}, born ${registered.body.birthDate}; the ID number is stored encrypted`);
  const draft = await api.call<{ assessmentId: string }>('POST', `/v1/seniors/${seniorId}/assessments`, { token: assessor.token, body: { instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: localDate(new Date()) } });
  const assessmentId = draft.body.assessmentId;
  await api.call('PATCH', `/v1/seniors/${seniorId}/assessments/${assessmentId}/answers`, { token: assessor.token, body: { items: ASSESSMENT_ITEMS, diagnoses: ['F03'] } });
  const scored = await api.call<{ finalLevel: number; finalLevelName: string; dueOn: string; result: { total: number; domainScores: Record<string, number>; preliminaryLevel: number; changes: Array<{ code: string; reason: string; from: number; to: number }> } }>(
    'POST',
    `/v1/seniors/${seniorId}/assessments/${assessmentId}/submit`,
    { token: assessor.token },
  );
  const result = scored.body.result;
  say(`scored on the server: ${result.total}/90 (${Object.entries(result.domainScores).map(([d, s]) => `${d} ${s}`).join(', ')}), preliminary level ${result.preliminaryLevel}`);
  for (const change of result.changes) say(`${change.code}: level ${change.from} → ${change.to}, ${change.reason}`);
  say(`final level ${scored.body.finalLevel} ${scored.body.finalLevelName}; reassessment due ${scored.body.dueOn}`);

  api.step('3', 'The assessor records the family’s consent (授权) and its scopes, from the form the senior signed');
  const scopes = ['view-status', 'book-day-care', 'manage-meals', 'apply-for-bed'];
  const consent = await api.call<{ consentId: string }>('POST', `/v1/seniors/${seniorId}/consents`, {
    token: assessor.token,
    body: { familyAccountId: family.id, scopes, basis: `${SENIOR_NAME} signed the consent form at the community hub (社区综合为老服务中心); her son's ID checked` },
  });
  say(`consent ${consent.body.consentId.slice(0, 8)}…: ${scopes.join(', ')}; revocable at once`);
  const waited = await waitForReadModels(stage.databaseUrl, seniorId).catch((error: Error) => api.fail(error.message));
  say(`(the assessment reached allocation and dispatch as events, ${waited} ms after the consent was recorded)`);

  api.step('4', 'The family signs in and reads her status and entitlements (待遇)');
  const familyToken = (await api.call<{ accessToken: string }>('POST', '/v1/auth/token', { body: { username: 'family-li', password: PASSWORD } })).body.accessToken;
  const status = await api.call<{ name: string; idNumber: string; priorityFlags: Array<{ flag: string; evidence: string }> }>('GET', `/v1/seniors/${seniorId}`, { token: familyToken });
  say(`${status.body.name}: ID number masked for the family (${status.body.idNumber}); ${status.body.priorityFlags.map((f) => `${f.flag} evidence ${f.evidence}`).join(', ')}`);
  const entitled = await api.call<{ entitlements: Entitlements }>('GET', `/v1/seniors/${seniorId}/entitlements`, { token: familyToken });
  const e = entitled.body.entitlements;
  say(`under ${e.policy.id} ${e.policy.version}: level ${e.levelUsed.level} ${e.levelUsed.levelName}; beds ${e.bedTypes.join(', ') || 'none'}${e.subsidisedBed ? ' (subsidised basic bed 保基本床位)' : ''}; day care ${e.dayCare ? 'yes' : 'no'}`);
  say(`home care ${e.homeCare.hoursPerWeek} h/week${e.homeCare.source ? ` (${e.homeCare.source.name})` : ''}; meals ${e.meals.delivery ? 'delivered (送餐)' : 'at a canteen (堂食)'}, subsidy ${yuan(e.meals.subsidyFenPerMeal)} a meal (${e.meals.subsidyTier})`);
  say(`safety: ${e.safety.textureModifiedDiet ? `texture-modified diet, IDDSI ${e.safety.iddsiLevel}` : 'regular food'}${e.safety.fallRisk ? ', fall risk' : ''}; priority groups ${e.priorityGroups.join(', ')}`);

  api.step('5', 'The family searches the 15-minute circle (15分钟养老服务圈) around her home');
  const circle = (await api.call<CircleSearchResult>('GET', `/v1/seniors/${seniorId}/circle?minutes=15`, { token: familyToken })).body;
  const m = circle.walkingModel;
  say(`walking model ${m.version}: ${m.walkingSpeedMps} m/s, detour ×${m.detourFactor}, ${m.minutes} min = ${m.radiusMetres} m straight line; ${circle.inside.length} facilities inside:`);
  for (const f of circle.inside) {
    const beds = f.vacantBeds.general + f.vacantBeds.nursing + f.vacantBeds['dementia-care'];
    const what = [f.dayCarePlaces > 0 ? `${f.dayCarePlaces} day-care places today` : '', ['care-institution', 'small-care-home'].includes(f.type) ? `${beds} vacant beds` : ''].filter(Boolean).join(', ');
    say(`  ${f.walkingMinutes.toFixed(1).padStart(4)} min  ${f.name} (${f.type})${what ? `: ${what}` : ''}${f.eligible === false ? ` — not for her: ${f.reasons.join('; ')}` : ''}`);
  }
  const centre = circle.inside.find((f) => f.dayCarePlaces > 0 && f.eligible !== false);
  if (!centre) api.fail('no day-care place inside the circle that she may use');

  const weekdays = [2, 4, 1, 3, 5].filter((d) => d !== isoWeekday(mealDate)).slice(0, 2).sort();
  const from = addDays(mealDate, 1);
  const until = addDays(from, 13);
  api.step('6', `The family books day care (日托) at ${centre.name}: ${weekdays.map((d) => WEEKDAY_NAMES[d]).join(' and ')} mornings for two weeks`);
  const booked = (await api.call<DaycareBookingRecord[]>('POST', `/v1/seniors/${seniorId}/daycare-bookings`, { token: familyToken, body: { facilityId: centre.facilityId, session: 'morning', pattern: { weekdays, from, until } } })).body;
  say(`${booked.length} mornings booked: ${booked.map((b) => b.date).join(', ')} (lunch on those days is served at the centre)`);

  api.step('7', 'The family subscribes her to lunch every day, delivered (送餐), low-salt (低盐)');
  const subscription = (
    await api.call<MealSubscriptionRecord>('PUT', `/v1/seniors/${seniorId}/meal-subscription`, {
      token: familyToken,
      body: { terms: { slots: { lunch: [1, 2, 3, 4, 5, 6, 7] }, mode: 'delivery', diet: 'low-salt', deliveryNotes: '独居老人，请敲门后等候应答' } },
    })
  ).body;
  const version = subscription.versions.at(-1)!;
  const terms = version.terms as { mode: string; diet: string; texture: string };
  say(`from ${version.validFrom}: ${terms.mode}, diet ${terms.diet}, texture ${terms.texture} — the texture comes from the assessment (进食 ${ASSESSMENT_ITEMS['B1.1']}: IDDSI ${e.safety.iddsiLevel})`);
  if (terms.texture === 'regular') api.fail('the subscription took regular food for a senior assessed for texture-modified food');
  say(`the coming days: ${subscription.upcoming.slice(0, 7).map((meal) => `${meal.date.slice(5)} ${meal.mode ?? `none (${meal.skippedBecause})`}`).join('; ')}`);
  api.step('7b', 'The family asks for regular food (普通饮食) instead');
  const refused = (await api.call<{ code: string; fields: Array<{ field: string; problems: string[] }> }>('PUT', `/v1/seniors/${seniorId}/meal-subscription`, { token: familyToken, body: { terms: { texture: 'regular' } }, expect: [400] })).body;
  for (const f of refused.fields) say(`refused (${refused.code}) ${f.field}: ${f.problems.join('; ')}`);

  api.step('8', 'The family applies for a nursing-home bed (养老机构床位) within 30 minutes’ walk, and reads her place on the waiting list and why');
  await api.call('POST', `/v1/seniors/${seniorId}/bed-applications`, { token: familyToken, body: { kind: 'long-stay', maxWalkingMinutes: 30 } });
  const application = (await api.call<BedApplicationRecord[]>('GET', `/v1/seniors/${seniorId}/bed-applications`, { token: familyToken })).body[0];
  if (!application) api.fail('the application is not listed');
  say(`application ${application.applicationId.slice(0, 8)}…: ${application.status}, bed types ${application.bedTypes.join(', ') || 'any she is entitled to'}`);
  const standing = application.standing;
  if (standing) {
    say(`position ${standing.position} of ${standing.of} on the district's long-stay list, ${standing.score} points under priority rules ${standing.rulesVersion}:`);
    for (const part of standing.parts) say(`  ${String(part.points).padStart(4)}  ${part.label}`);
  }
  if (application.offer) say(`offer: bed ${application.offer.bedLabel} at ${application.offer.facilityName} (${application.offer.status}), held until ${shanghaiDateTime(application.offer.expiresAt)}`);
  for (const decision of application.history) say(`  ${decision.kind}: ${decision.reason}`);
  if (!standing && !application.offer) api.fail('the application shows neither a place on the list nor an offer');

  api.step('9', `09:00: the district admin runs the lunch cutoff (截单) for ${mealDate} now, instead of waiting for the schedule`);
  const cutoff = (await api.call<MealCutoffSummary>('POST', `/v1/districts/310112/meal-cutoffs/${mealDate}/lunch`, { token: admin })).body;
  say(`${cutoff.orders} lunches frozen: ${cutoff.delivery} delivered, ${cutoff.canteen} eaten at a canteen (堂食), ${cutoff.dayCare} at day care; ${cutoff.kitchens} kitchens; ${cutoff.couriersUsed} couriers routed, ${cutoff.unrouted} deliveries unrouted`);
  say(`longest pack-to-door ${cutoff.longestPackToDoorMinutes.toFixed(1)} min; freeze ${cutoff.seconds.freeze} s, assign ${cutoff.seconds.assign} s, routes ${cutoff.seconds.routes} s, total ${cutoff.seconds.total} s`);

  api.step('10', 'The kitchen cooking her lunch reads its production list, and the manifest of the courier who brings it');
  const kitchens = (await api.call<Array<{ kitchenId: string; name: string }>>('GET', '/v1/districts/310112/kitchens', { token: admin })).body;
  for (const kitchen of kitchens) {
    const routes = (await api.call<RouteManifest[]>('GET', `/v1/kitchens/${kitchen.kitchenId}/manifests?date=${mealDate}&slot=lunch`, { token: admin, quiet: true })).body;
    if (!routes.some((r) => r.stops.some((s) => s.seniorId === seniorId))) continue;
    say(`her lunch is cooked by ${kitchen.name}; the admin opens an account for its staff (厨房) and they sign in`);
    await api.call('POST', '/v1/accounts', { token: admin, body: { username: 'kitchen-meilong', displayName: `${kitchen.name} 值班`, password: PASSWORD, roles: ['kitchen'], kitchenIds: [kitchen.kitchenId] } });
    const cook = (await api.call<{ accessToken: string }>('POST', '/v1/auth/token', { body: { username: 'kitchen-meilong', password: PASSWORD } })).body.accessToken;
    const list = (await api.call<ProductionList>('GET', `/v1/kitchens/${kitchen.kitchenId}/production-list?date=${mealDate}&slot=lunch`, { token: cook })).body;
    say(`production list (生产单) for ${mealDate} lunch: ${list.total} meals (${list.byMode.delivery} delivered, ${list.byMode.canteen} eaten in, ${list.byMode['day-care']} at day care)`);
    for (const d of list.byDish) say(`  ${String(d.count).padStart(4)} × ${d.dishName}, ${d.diet}, ${d.texture}`);
    const ours = list.clashes.find((c) => c.seniorName === SENIOR_NAME);
    if (ours) say(`${SENIOR_NAME}: the standard dish is ${ours.clashes.join(' and ')} → ${ours.substitutedWith ?? 'unresolved: the kitchen decides'}`);
    const label = list.labels.find((l) => l.line1.startsWith(SENIOR_NAME));
    if (label) say(`her label: ${label.line1} | ${label.line2} | ${label.line3}`);
    const manifests = (await api.call<RouteManifest[]>('GET', `/v1/kitchens/${kitchen.kitchenId}/manifests?date=${mealDate}&slot=lunch`, { token: cook })).body;
    const route = manifests.find((r) => r.stops.some((s) => s.seniorId === seniorId));
    if (!route) api.fail(`the kitchen's own manifests do not list ${SENIOR_NAME}`);
    say(`${manifests.length} courier manifests; the one with her (送餐单): ${route.courierName} (${route.mode}), leaves ${hhmm(route.departAt)}, back ${hhmm(route.returnAt)}, ${(route.metres / 1000).toFixed(1)} km, ${route.meals} meals, longest pack-to-door ${route.longestPackToDoorMinutes.toFixed(0)} min:`);
    for (const s of route.stops) {
      say(`  ${String(s.stopNumber).padStart(2)}. ${hhmm(s.plannedArrival)} ${s.seniorName}${s.livesAlone ? ' (独居)' : ''} — ${s.dish ?? '?'}, ${s.diet}, ${s.texture}${s.deliveryNotes ? ` — “${s.deliveryNotes}”` : ''}`);
    }
    return;
  }
  api.fail(`no kitchen's manifest for ${mealDate} lunch has ${SENIOR_NAME} on it`);
}

main(process.argv.includes('--verbose')).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
