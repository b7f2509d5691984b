import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real CLI as `npm run assess` does (tsx scripts/assess.ts), with a temp answers file.
const root = join(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, ['scripts/assess.ts', ...args], { cwd: root, input: stdin, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeAnswers(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

const GBT_ITEMS = {
  'B1.1': 4, 'B1.2': 4, 'B1.3': 4, 'B1.4': 4, 'B1.5': 4, 'B1.6': 4, 'B1.7': 4, 'B1.8': 4,
  'B2.1': 4, 'B2.2': 4, 'B2.3': 4, 'B2.4': 3,
  'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 4, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
  'B4.1': 2, 'B4.2': 2, 'B4.3': 4, 'B4.4': 3, 'B4.5': 4,
};

describe('npm run assess', () => {
  jest.setTimeout(60_000);

  it('prints one JSON object with the scored GB/T 42195 result', () => {
    // 90 − 4 (B1.3 洗澡 = 0) − 1 (B3.8 = 0) = 85 → 1 轻度失能; F03 +1 → 2; fall + choking = 2 events +1 → 3.
    const file = writeAnswers('gbt.json', {
      instrument: 'GB/T 42195-2022',
      items: { ...GBT_ITEMS, 'B1.3': 0, 'B3.8': 0 },
      coma: false,
      diagnoses: ['F03'],
      riskEvents30d: { fall: 1, choking: 1 },
    });
    const { status, stdout, stderr } = runCli(['--file', file]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      instrument: 'GB/T 42195-2022',
      domainScores: { B1: 28, B2: 15, B3: 27, B4: 15 },
      total: 85,
      preliminaryLevel: 1,
      finalLevel: 3,
      policy: { stacking: 'cumulative', riskEventCounting: 'total' },
    });
    expect((result['changes'] as { code: string }[]).map((c) => c.code)).toEqual(['GBT_C2_MENTAL_DIAGNOSIS', 'GBT_C3_RISK_EVENTS']);
  });

  it('reads stdin with --file - and scores other instruments', () => {
    const lawton = { instrument: 'Lawton', items: { A: 'A1', B: 'B4', C: 'C4', D: 'D4', E: 1, F: 1, G: 0, H: 1 } };
    const { status, stdout } = runCli(['--file', '-'], JSON.stringify(lawton));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ instrument: 'Lawton IADL', total: 5, maxTotal: 8, mealSupportSignal: true, finalLevel: null });
  });

  it('exits non-zero and names every bad item on stderr', () => {
    const { 'B4.5': _dropped, ...items } = GBT_ITEMS;
    const file = writeAnswers('bad.json', {
      instrument: 'GB/T 42195-2022',
      items: { ...items, 'B1.1': 5, 'B2.4': 4, 'B9.9': 1 },
      diagnoses: ['F3'],
      riskEvents30d: { fall: -1 },
    });
    const { status, stdout, stderr } = runCli(['--file', file]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    for (const where of ['items.B1.1', 'items.B2.4', 'items.B9.9', 'items.B4.5', 'diagnoses[0]', 'riskEvents30d.fall']) {
      expect(stderr).toContain(where);
    }
    expect(stderr).toContain('6 problems');
    expect(stderr).toContain('B1.1 进食');
  });

  it('exits 2 on malformed JSON or a missing --file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"instrument": ');
    expect(runCli(['--file', file]).status).toBe(2);
    const noFile = runCli([]);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('--file is required');
  });
});
