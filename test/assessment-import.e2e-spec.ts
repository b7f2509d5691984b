import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, gbtItems, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/** The bulk import CLI against a running platform: rows imported whole or rejected with reasons. */
describe('bulk import of historical assessments (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  it('imports valid rows, rejects the others with every reason, and has entitlements derived again', async () => {
    const assessor = await platform.account(['assessor']);
    const byId = seniorRegistration();
    const byIdNumber = seniorRegistration();
    const register = async (body: Record<string, unknown>) =>
      (await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(body).expect(201)).body.seniorId as string;
    const firstId = await register(byId);
    const secondId = await register(byIdNumber);

    const dir = mkdtempSync(join(tmpdir(), 'eldercare-import-test-'));
    const file = join(dir, 'history.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ seniorId: firstId, instrument: 'GB/T 42195-2022', assessedOn: '2024-05-01', items: gbtItems({ 'B1.1': 2 }), total: 12 }),
        JSON.stringify({ idNumber: byIdNumber.idNumber, instrument: 'Barthel', assessedOn: '2023-02-01', items: { feeding: 10, bathing: 5, grooming: 5, dressing: 10, bowels: 10, bladder: 10, toiletUse: 10, transfers: 15, mobility: 15, stairs: 10 } }),
        JSON.stringify({ seniorId: firstId, instrument: 'GB/T 42195-2022', assessedOn: '2024-06-01', items: gbtItems({ 'B2.4': 4, 'B4.1': 9 }) }),
        JSON.stringify({ seniorId: '00000000-0000-4000-8000-000000000000', instrument: 'GB/T 42195-2022', assessedOn: '2024-05-01', items: gbtItems() }),
        '{"seniorId": ',
        '',
      ].join('\n'),
    );

    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'scripts', 'import-assessments.ts'), '--file', file, '--importer', assessor.id], {
      env: { ...process.env, DATABASE_URL: platform.database.url, QUEUE_PREFIX: platform.env.QUEUE_PREFIX },
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 5, imported: 2, rejected: 3, seniors: 2 });
    expect(run.stdout).not.toContain(byIdNumber.idNumber as string);

    const rejected = readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; reason: string });
    expect(rejected.map((r) => r.line).sort()).toEqual([3, 4, 5]);
    const badItems = rejected.find((r) => r.line === 3)!.reason;
    expect(badItems).toContain('B2.4');
    expect(badItems).toContain('B4.1');
    expect(rejected.find((r) => r.line === 4)!.reason).toContain('no registered senior');

    const stored = await db.query(`SELECT senior_id, instrument, status, final_level, result->>'total' AS total FROM assessment.assessment ORDER BY assessed_on`);
    expect(stored.rows).toEqual([
      { senior_id: secondId, instrument: 'Barthel', status: 'submitted', final_level: null, total: '100' },
      { senior_id: firstId, instrument: 'GB/T 42195-2022', status: 'submitted', final_level: 1, total: '88' },
    ]);
    await eventually(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM assessment.entitlement_snapshot WHERE senior_id = $1 AND trigger = 'import'`, [firstId]);
      if (rows[0].n !== 1) throw new Error('entitlements not derived again yet');
    });
  }, 60_000);
});
