import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { CONSENT_SCOPES, ServiceClient } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { declaredRoutes, type DeclaredRoute } from './gateway-routes';
import { ADMIN_PASSWORD, TestPlatform } from './platform';

/**
 * Hostile input on every route that takes any: wrong types, huge and odd unicode strings, extreme
 * numbers, nested junk, missing and extra fields, malformed ids and dates, prototype-pollution
 * keys, in bodies, path parameters and query strings; some fields plausible so requests get past
 * the first check. Sent as an admin, and as a family with every consent for family routes.
 * Never a 5xx; every 4xx is the platform's error body naming the problem; and a batch answered
 * only with 4xx leaves every table's row count as it was.
 */
const SEED = 20_261_130;
const RUNS_AS_STAFF = 24;
const RUNS_AS_FAMILY = 10;

/** Tables that record requests rather than state: a refused request may write these. */
const LOG_TABLES = ['audit_entry', 'outbox_event', 'inbox_receipt', 'webhook_delivery'];
/** A booking the owning service refused is kept as a record of the request (status rejected): only other bookings count as writes. */
const COUNTED_AS: Record<string, string> = { 'identity.booking': `count(*) FILTER (WHERE status <> 'rejected')` };

interface Fixtures {
  seniorId: string;
  facilityId: string;
  kitchenId: string;
  [name: string]: string;
}

// class-transformer keeps its @Type metadata in a module its package does not type: the nested DTO of each field.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerMetadata = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata }).defaultMetadataStorage;

// ---- generators -------------------------------------------------------------------------------

const hugeString = fc.integer({ min: 2_000, max: 30_000 }).chain((n) => fc.constantFrom('x', '老', '😀', '\u0000', '%').map((c) => c.repeat(n)));
const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\u202E', 'null', 'undefined', 'true', '[]', '{}', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '${jndi:ldap://x}', '__proto__', 'constructor', 'prototype', '𠮷𠮷𠮷', 'é'.normalize('NFD')),
);
const malformedUuid = fc.oneof(
  fc.uuid().map((u) => u.slice(0, -1)),
  fc.uuid().map((u) => `${u}0`),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => `${u.slice(0, 9)}z${u.slice(10)}`),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{00000000-0000-0000-0000-000000000000}'),
);
const malformedDate = fc.constantFrom('2026-12', '2026', '2026-12-01 12:00', '2026-12-01T12:00:00Z', '2026-12-01T12:00:00+08:00', '2026-02-30', '2026-13-01', '0000-00-00', '2026-1-1', '+275760-09-13', '-000001-01-01', '2026-12-01T25:00:00Z', '9999-12-31', '1900-01-01', '2026-W49', '01/12/2026', '2026-12-01 12:00', 'yesterday');
const extremeNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -1e308, 1e308, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const scalarJunk = fc.oneof(oddString, extremeNumber, fc.boolean(), fc.constant(null), malformedUuid, malformedDate, fc.uuid());
const nestedJunk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 5, withObjectString: true, withNullPrototype: true }),
  fc.array(scalarJunk, { maxLength: 5 }),
  fc.dictionary(oddString, scalarJunk, { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true,"roles":["admin"]}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.array(fc.constant({}), { minLength: 500, maxLength: 2_000 }),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: scalarJunk }, { weight: 2, arbitrary: nestedJunk }, { weight: 1, arbitrary: hugeString });

/** A DTO class, as class-validator and class-transformer know it. */
type DtoClass = abstract new (...args: never[]) => object;

interface Constraint {
  name?: string;
  type: string;
  constraints?: unknown[];
  each?: boolean;
}

/** A value that could pass the field's validators (so the request gets further), from its class-validator metadata. */
function plausible(target: DtoClass, property: string, constraints: Constraint[], fixtures: Fixtures, depth: number): fc.Arbitrary<unknown> {
  const named = (name: string) => constraints.find((c) => (c.name ?? c.type) === name);
  const arg = (name: string, i = 0) => named(name)?.constraints?.[i];
  const isIn = arg('isIn') as unknown[] | undefined;
  const pattern = arg('matches') as RegExp | undefined;
  let one: fc.Arbitrary<unknown>;
  if (named('nestedValidation')) {
    const nested = transformerMetadata.findTypeMetadata(target, property)?.typeFunction() as DtoClass | undefined;
    one = nested && depth < 3 ? dtoBody(nested, fixtures, depth + 1) : fc.object();
  } else if (isIn) one = fc.constantFrom(...isIn);
  else if (named('isUuid')) one = fc.constantFrom(fixtures.seniorId, fixtures.facilityId, fixtures.kitchenId, fixtures.accountId, randomUUID());
  else if (named('isDateString') || named('isIso8601')) one = fc.oneof(fc.constantFrom('2026-12-01', '2026-12-07', '2027-01-01', '2024-01-01', '0001-01-01', '9999-12-31', '2026-12', '2026-12-07 09:00', '2026-12-07T09:00:00+08:00'), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  else if (named('min') || named('max') || named('isInt') || named('isNumber') || named('isPositive')) {
    const min = (arg('min') as number | undefined) ?? -1_000;
    const max = (arg('max') as number | undefined) ?? 2 ** 31 + 1;
    one = fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.constantFrom(min, max), named('isInt') ? fc.constant(Math.ceil(min)) : fc.double({ min, max, noNaN: true }));
  } else if (named('isBoolean')) one = fc.boolean();
  else if (pattern) one = fc.stringMatching(pattern).filter((v) => v.length < 200);
  else if (named('isObject')) one = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(scalarJunk, fc.array(scalarJunk, { maxLength: 3 })), { maxKeys: 4 });
  else if (named('isLength')) {
    const min = (arg('isLength') as number | undefined) ?? 0;
    const max = (arg('isLength', 1) as number | undefined) ?? min + 20;
    one = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, min + 20) });
  } else one = fc.string({ maxLength: 12 });
  const minItems = (arg('arrayMinSize') as number | undefined) ?? 0;
  return constraints.some((c) => c.each) || named('isArray') ? fc.array(one, { minLength: minItems, maxLength: minItems + 3 }) : one;
}

/**
 * A body shaped like the DTO: either every field plausible but one missing, hostile or joined by an
 * extra field (to get past the first check and probe the next), or each field plausible, hostile or missing.
 */
function dtoBody(dto: DtoClass, fixtures: Fixtures, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as Array<Constraint & { propertyName: string }>;
  const properties = [...new Set(metadata.map((m) => m.propertyName))];
  const plausibleOf = (property: string) => plausible(dto, property, metadata.filter((m) => m.propertyName === property), fixtures, depth);
  const extraKey = fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'roles'));
  const allPlausible = fc.record(Object.fromEntries(properties.map((p) => [p, plausibleOf(p)])));
  const oneOff = fc
    .tuple(allPlausible, fc.nat(), fc.constantFrom('drop', 'hostile', 'extra', 'none'), hostile, extraKey)
    .map(([body, n, how, junk, key]) => {
      const target = properties[n % Math.max(properties.length, 1)];
      if (how === 'drop' && target) delete body[target];
      if (how === 'hostile' && target) body[target] = junk;
      if (how === 'extra') Object.defineProperty(body, key, { value: junk, enumerable: true, configurable: true, writable: true });
      return body as Record<string, unknown>;
    });
  const mixed = fc
    .tuple(
      fc.record(Object.fromEntries(properties.map((p) => [p, fc.oneof({ weight: 3, arbitrary: plausibleOf(p) }, { weight: 2, arbitrary: hostile })])), { requiredKeys: [] }),
      fc.option(fc.dictionary(extraKey, hostile, { minKeys: 1, maxKeys: 2 }), { freq: 3 }),
    )
    .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));
  return depth > 0 ? mixed : fc.oneof(oneOff, mixed);
}

type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

function bodyFor(route: DeclaredRoute, fixtures: Fixtures): fc.Arbitrary<Payload> {
  const raw = fc.constantFrom('{"a":', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}', '[1,2', '\u0000', 'null', '"just a string"', '1e999', '{"a":1,"a":2}', `{${'"x":{'.repeat(3000)}}`);
  return fc.oneof(
    { weight: 5, arbitrary: (route.body ? dtoBody(route.body, fixtures) : fc.dictionary(oddString, hostile, { maxKeys: 3 })).map((value): Payload => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: hostile.map((value): Payload => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: raw.map((text): Payload => ({ kind: 'raw', text })) },
  );
}

function queryFor(route: DeclaredRoute, fixtures: Fixtures): fc.Arbitrary<string> {
  const stringify = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');
  const pairs = route.query
    ? dtoBody(route.query, fixtures).map((q) => Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, stringify(x)] as const) : [[k, stringify(v)] as const])))
    : fc.array(fc.tuple(fc.oneof(oddString, fc.constantFrom('__proto__[polluted]', 'constructor[prototype][x]', 'a[b][c]')), fc.oneof(oddString, malformedDate, malformedUuid)), { maxLength: 3 });
  // Node refuses URLs over 16 KB itself (a bare 431 before the gateway sees them): keep queries well under that.
  return pairs.map((list) => list.slice(0, 12).map(([k, v]) => `${encodeURIComponent(k.slice(0, 100))}=${encodeURIComponent(v.slice(0, 300))}`).join('&'));
}

function paramFor(name: string, fixtures: Fixtures): fc.Arbitrary<string> {
  const valid = fixtures[name] !== undefined ? fc.constant(fixtures[name]) : fc.uuid();
  const junk = fc.oneof(oddString.filter((s) => s.length > 0), malformedUuid, malformedDate, extremeNumber.map(String), fc.integer({ min: 1_000, max: 4_000 }).map((n) => 'p'.repeat(n)));
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: junk });
}

// ---- the test -----------------------------------------------------------------------------------

describe(`route fuzzing (e2e, fast-check seed ${SEED})`, () => {
  let platform: TestPlatform;
  let db: Client;
  let adminToken: string;
  const tokens = new Map<string, string>();
  let fixtures: Fixtures;
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    adminToken = await platform.token('admin', ADMIN_PASSWORD);
    const as = { Authorization: `Bearer ${adminToken}` };
    const seniorId = (await platform.http().post('/v1/seniors').set(as).send(seniorRegistration()).expect(201)).body.seniorId as string;
    const facilityId = (
      await platform
        .http()
        .post('/v1/facilities')
        .set(as)
        .send({ type: 'day-care-centre', name: '莘庄日间照料中心', districtCode: '310112', location: { lat: 31.1135, lng: 121.3817 }, coordinateSystem: 'WGS-84', operatorName: '莘庄镇' })
    ).body.facilityId as string;
    const kitchenId = (
      await platform
        .http()
        .post('/v1/kitchens')
        .set(as)
        .send({ name: '闵行中央厨房', kind: 'central-kitchen', districtCode: '310112', coordinateSystem: 'WGS-84', location: { lat: 31.12, lng: 121.38 }, capacity: { lunch: 50 }, diets: ['regular'], textures: ['regular'] })
        .expect(201)
    ).body.kitchenId as string;
    const family = await platform.account(['family']);
    await platform.http().post(`/v1/seniors/${seniorId}/consents`).set(as).send({ familyAccountId: family.id, scopes: CONSENT_SCOPES, basis: 'Signed form at the hub, ID checked' }).expect(201);
    tokens.set('admin', adminToken);
    tokens.set('family', family.token);
    for (const role of ['courier', 'caregiver'] as const) tokens.set(role, (await platform.account([role])).token);
    fixtures = { seniorId, facilityId: facilityId ?? randomUUID(), kitchenId, accountId: family.id, districtCode: '310112', date: '2026-12-01', slot: 'lunch', month: '2026-11', year: '2025', weekStart: '2026-12-07', queue: 'assessment-commands', jobId: '1', grantId: '1', version: 'fuzz-1' };
    const client = platform.gateway.get(ServiceClient);
    for (const service of ['allocation', 'dispatch'] as const) {
      await eventually(async () => {
        const outcome = await client.call(service, 'senior-view.get', { seniorId }, { actor: null, correlationId: 'fuzz', timeoutMs: 2000 });
        if (outcome.status !== 'done') throw new Error('pending');
      });
    }
    const tables = (
      await db.query<{ name: string }>(
        `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
          WHERE table_schema IN ('identity', 'assessment', 'allocation', 'dispatch') AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY 1`,
        [LOG_TABLES],
      )
    ).rows.map((r) => r.name);
    const sql = tables.map((t) => `SELECT '${t}' AS name, (${COUNTED_AS[t] ?? 'count(*)'})::int AS n FROM ${t}`).join(' UNION ALL ');
    countRows = async () => Object.fromEntries((await db.query<{ name: string; n: number }>(sql)).rows.map((r) => [r.name, r.n]));
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  // Event streams stay open by design (up to maxSeconds); families-api tests theirs.
  const fuzzed = declaredRoutes().filter((r) => !r.stream && (['POST', 'PUT', 'PATCH'].includes(r.method) || r.params.length > 0 || r.query));
  // As an admin, or as the one role a route is for (a courier's own route, a caregiver's own visits); and as a family where families may call.
  const cases = fuzzed.flatMap((route) => {
    const roles: readonly string[] = route.rule?.kind === 'roles' ? route.rule.roles : ['admin'];
    const staff = roles.includes('admin') ? 'admin' : roles.find((r) => r !== 'family') ?? 'admin';
    return [[route.route, staff, route] as const, ...(roles.includes('family') ? [[route.route, 'family', route] as const] : [])];
  });

  it('fuzzes the routes that take input', () => {
    expect(fuzzed.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s as %s: no 5xx, every 4xx names the problem, refused batches write nothing', async (_, who, route) => {
    const token = tokens.get(who)!;
    const before = await countRows();
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          params: fc.tuple(...route.params.map((p) => paramFor(p, fixtures))) as fc.Arbitrary<string[]>,
          query: queryFor(route, fixtures),
          body: bodyFor(route, fixtures),
        }),
        async ({ params, query, body }) => {
          let i = 0;
          const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(params[i++]));
          const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
          let call = platform.http()[verb](query ? `${path}?${query}` : path).set('Authorization', `Bearer ${token}`);
          if (['POST', 'PUT', 'PATCH'].includes(route.method)) {
            call = call.set('Content-Type', 'application/json').send(body.kind === 'raw' ? body.text : (JSON.stringify(body.value) ?? 'null'));
          }
          const res = await call;
          statuses.push(res.status);
          const problems = res.status >= 500 ? ['a 5xx'] : res.status >= 400 ? errorBodyProblems(res.body) : [];
          if (problems.length > 0) {
            const sent = body.kind === 'raw' ? body.text : JSON.stringify(body.value);
            throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}: ${problems.join('; ')}; for ${route.method} ${`${path}${query ? `?${query}` : ''}`.slice(0, 600)} with body ${sent?.slice(0, 300)}`);
          }
        },
      ),
      {
        seed: SEED,
        numRuns: who === 'family' ? RUNS_AS_FAMILY : RUNS_AS_STAFF,
        endOnFailure: true,
        // the counterexample can be megabytes of junk: report the request and the seed to replay it
        reporter: (run) => {
          if (run.failed) throw new Error(`fast-check seed ${run.seed}, path "${run.counterexamplePath}": ${String(run.errorInstance instanceof Error ? run.errorInstance.message : run.errorInstance)}`);
        },
      },
    );
    if (statuses.every((s) => s >= 400 && s < 500)) expect(await countRows()).toEqual(before);
  });
  /**
   * Found by this file (seed 11): class-validator skips @ValidateNested on a missing property, so a
   * body without a required nested object passed validation and the handler failed with a 500.
   */
  it.each([
    ['POST /v1/districts/310112/coverage/what-if', 'point', { type: 'neighbourhood-point', coordinateSystem: 'WGS-84', minutes: 5 }],
    ['POST /v1/facilities', 'location', { type: 'day-care-centre', name: '缺位置的中心', districtCode: '310112', coordinateSystem: 'WGS-84', operatorName: '莘庄镇' }],
    ['POST /v1/kitchens', 'location', { name: '缺位置的厨房', kind: 'central-kitchen', districtCode: '310112', coordinateSystem: 'WGS-84', capacity: { lunch: 5 }, diets: ['regular'], textures: ['regular'] }],
    ['POST /v1/seniors', 'address', { ...seniorRegistration(), address: undefined }],
    ['POST /v1/seniors', 'address.location', { ...seniorRegistration(), address: { text: '莘庄镇莘松路 123 弄 4 号 502 室', streetCode: '310112102', coordinateSystem: 'WGS-84' } }],
  ])('%s without %s is a 400 naming it, and writes nothing', async (route, field, body) => {
    const before = await countRows();
    const res = await platform.http().post(route.split(' ')[1]).set('Authorization', `Bearer ${adminToken}`).send(body);
    expect({ status: res.status, code: res.body.code, fields: (res.body.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) }).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    expect(await countRows()).toEqual(before);
  });

  /**
   * Found by this file (seeds 101 and 202): an account with facilityIds or kitchenIds null passed
   * @IsOptional and failed at the NOT NULL column (500); a meal day of "2026-12" passed
   * @IsDateString and failed in dispatch (500 on a cutoff, a 202 for a job that could never finish).
   */
  it.each([
    ['POST', '/v1/accounts', 'facilityIds', { username: 'null-facilities', displayName: 'x', password: 'a-long-test-password', roles: ['operator'], facilityIds: null }],
    ['POST', '/v1/accounts', 'kitchenIds', { username: 'null-kitchens', displayName: 'x', password: 'a-long-test-password', roles: ['kitchen'], kitchenIds: null }],
    ['POST', '/v1/districts/310112/meal-cutoffs/2026-12/lunch', 'date', {}],
    ['POST', '/v1/districts/310112/meal-cutoffs/2026-12-01%2012%3A00/lunch', 'date', {}],
    ['GET', '/v1/kitchens/:kitchenId/production-list?date=2026-12&slot=lunch', 'date', undefined],
  ] as const)('%s %s with a bad %s is a 400 naming it, and writes nothing', async (method, path, field, body) => {
    const before = await countRows();
    const call = platform.http()[method === 'GET' ? 'get' : 'post'](path.replace(':kitchenId', fixtures.kitchenId)).set('Authorization', `Bearer ${adminToken}`);
    const res = await (body ? call.send(body) : call);
    expect({ status: res.status, code: res.body.code, fields: (res.body.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) }).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    expect(await countRows()).toEqual(before);
  });
});

/** What is wrong with an error answer's body, against the platform's shape (code, message, correlationId; fields naming bad input). */
function errorBodyProblems(body: unknown): string[] {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; correlationId?: unknown; fields?: unknown };
  const problems: string[] = [];
  if (typeof b.code !== 'string' || b.code === '') problems.push(`code is ${JSON.stringify(b.code)}`);
  if (typeof b.message !== 'string' || b.message === '') problems.push(`message is ${JSON.stringify(b.message)}`);
  if (typeof b.correlationId !== 'string' || b.correlationId === '') problems.push('no correlationId');
  if (b.code === 'VALIDATION_FAILED') {
    const fields = b.fields as Array<{ field?: unknown; problems?: unknown }> | undefined;
    if (!Array.isArray(fields) || fields.length === 0) problems.push(`VALIDATION_FAILED without fields: ${JSON.stringify(b)}`);
    else for (const f of fields) if (typeof f.field !== 'string' || !Array.isArray(f.problems) || f.problems.length === 0) problems.push(`field without problems: ${JSON.stringify(f)}`);
  }
  return problems;
}
