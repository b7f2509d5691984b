import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Client } from 'pg';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { createGateway } from '../apps/gateway/src/gateway.bootstrap';
import { evaluateAssessment, localDate } from '@app/domain';
import { createMigratedDatabase, gbtItems, seniorRegistration, testQueuePrefix } from '@app/testing';

/**
 * `npm run bench:assessment`: scoring throughput in-process, finalisations per second end to end
 * through the gateway (start → answers → submit → scored → entitlements derived and published),
 * and the bulk import of 100,000 historical assessments (target: under 2 minutes on two cores).
 */
const ITEM_VALUES: Record<string, number[]> = Object.fromEntries(
  Object.entries(gbtItems()).map(([code, max]) => [code, Array.from({ length: max + 1 }, (_, i) => i)]),
);

function randomItems(seed: number): Record<string, number> {
  let x = seed * 2654435761;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Object.fromEntries(Object.entries(ITEM_VALUES).map(([code, values]) => [code, values[Math.floor(next() * values.length)]!]));
}

function scoringThroughput(): number {
  const inputs = Array.from({ length: 2000 }, (_, i) => ({ instrument: 'GB/T 42195-2022', items: randomItems(i + 1), diagnoses: i % 7 === 0 ? ['F03'] : [], riskEvents30d: { fall: i % 3 } }));
  const total = 100_000;
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    if (!evaluateAssessment(inputs[i % inputs.length]).ok) throw new Error('a generated input was invalid');
  }
  return total / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const scoring = scoringThroughput();
  console.log(`scoring in-process (GB/T 42195-2022, validate + score): ${Math.round(scoring).toLocaleString('en')} assessments/s`);

  const database = await createMigratedDatabase('bench');
  const env = { DATABASE_URL: database.url, QUEUE_PREFIX: testQueuePrefix(), LOG_LEVEL: 'silent', NODE_ENV: 'test' as const, BOOTSTRAP_ADMIN_PASSWORD: 'bench-admin-password' };
  const services = await Promise.all([bootstrapAssessment(env), bootstrapAllocation(env), bootstrapDispatch(env)]);
  const gateway = await createGateway(env);
  await gateway.init();
  const http = () => request(gateway.getHttpServer());
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    const admin = (await http().post('/v1/auth/token').send({ username: 'admin', password: 'bench-admin-password' })).body.accessToken as string;
    await http().post('/v1/accounts').set('Authorization', `Bearer ${admin}`).send({ username: 'bench-assessor', displayName: 'bench', password: 'bench-assessor-password', roles: ['assessor'] });
    const token = (await http().post('/v1/auth/token').send({ username: 'bench-assessor', password: 'bench-assessor-password' })).body.accessToken as string;
    const auth = { Authorization: `Bearer ${token}` };

    // Finalisations end to end, 20 at a time.
    const count = 300;
    const seniors: string[] = [];
    for (let i = 0; i < count; i += 1) seniors.push((await http().post('/v1/seniors').set(auth).send(seniorRegistration())).body.seniorId);
    const today = localDate(new Date());
    let next = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < count) {
          const seniorId = seniors[next]!;
          next += 1;
          const t = performance.now();
          const draft = await http().post(`/v1/seniors/${seniorId}/assessments`).set(auth).send({ instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: today });
          await http().patch(`/v1/seniors/${seniorId}/assessments/${draft.body.assessmentId}/answers`).set(auth).send({ items: randomItems(next) });
          const submitted = await http().post(`/v1/seniors/${seniorId}/assessments/${draft.body.assessmentId}/submit`).set(auth);
          if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Until every entitlements.changed of these submits is applied in allocation's read model.
    for (;;) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM allocation.senior_view WHERE level IS NOT NULL`);
      if (rows[0].n >= count) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const propagated = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `finalisations through the gateway (start + answers + submit, concurrency 20): ${(count / seconds).toFixed(1)}/s, median ${latencies[count >> 1]!.toFixed(1)} ms, p99 ${latencies[Math.floor(count * 0.99)]!.toFixed(1)} ms; all ${count} levels in allocation's read model after ${propagated.toFixed(1)} s`,
    );

    // Bulk import: 100,000 assessments of 20,000 seniors registered straight into the schema.
    const seniorCount = 20_000;
    const ids = Array.from({ length: seniorCount }, () => randomUUID());
    for (let i = 0; i < seniorCount; i += 2000) {
      const chunk = ids.slice(i, i + 2000);
      await db.query(
        `INSERT INTO assessment.senior (id, name, sex, birth_date, id_number_cipher, id_number_hash, id_number_last4, address_text, district_code, location, living_arrangement)
         SELECT id, 'bench', 'female', '1940-01-01', 'x', md5(id::text), '0000', 'bench', '310112', ST_SetSRID(ST_MakePoint(121.38, 31.11), 4326)::geography, 'alone'
         FROM unnest($1::uuid[]) AS id`,
        [chunk],
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'eldercare-import-'));
    const file = join(dir, 'history.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const year = 2015 + (i % 10);
      lines.push(JSON.stringify({ seniorId: ids[i % seniorCount], instrument: 'GB/T 42195-2022', assessedOn: `${year}-0${1 + (i % 9)}-15`, items: randomItems(i + 7) }));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const importer = randomUUID();
    const importStarted = performance.now();
    const out = execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'scripts', 'import-assessments.ts'), '--file', file, '--importer', importer], {
      env: { ...process.env, DATABASE_URL: database.url, QUEUE_PREFIX: env.QUEUE_PREFIX },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    const importSeconds = (performance.now() - importStarted) / 1000;
    console.log(`bulk import of 100,000 assessments (20,000 seniors, JSON lines, whole CLI run): ${importSeconds.toFixed(1)} s — target under 120 s`);
    console.log(`  importer summary: ${out.trim()}`);
    console.log(JSON.stringify({ scoringPerSecond: Math.round(scoring), finalisationsPerSecond: Number((count / seconds).toFixed(1)), importSeconds: Number(importSeconds.toFixed(1)) }));
  } finally {
    await db.end();
    await gateway.close();
    await Promise.all(services.map((s) => s.close()));
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:assessment failed: ${error.message}`);
  process.exit(1);
});
