// Quality benchmark of the routing solver on the 56 Solomon VRPTW instances:
//   npm run bench:routing [-- --seconds 10] [--filter C1] [--seed 1] [--data <dir>]
// Each instance is solved one after another (one core), re-verified by the independent Solomon
// checker (an infeasible result counts as failed), and compared with the distance-only best
// known solution. Prints per-instance rows, a per-class table with reference anchors and a final
// JSON summary line. Writes nothing to disk.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSolomonSolution, parseSolomon, solomonToRoutingProblem, solve } from '../libs/domain/src/routing';

const ANCHORS = 'VROOM ≈1.6% mean gap at ≈0.4 s/instance; OR-Tools 0–1.6% after long runs; HGS ≈0.4%';
const CLASSES = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2'];

interface Options {
  readonly seconds: number;
  readonly filter: string;
  readonly seed: number;
  readonly dataDir: string;
}

interface InstanceResult {
  readonly name: string;
  readonly group: string;
  readonly feasible: boolean;
  readonly vehicles: number;
  readonly distance: number;
  readonly bks: number;
  readonly gapPercent: number;
  readonly seconds: number;
  readonly iterations: number;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--seconds', '--filter', '--seed', '--data'].includes(argv[i]) || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}; usage: --seconds <n> --filter <prefix> --seed <n> --data <dir>`);
    }
    values.set(argv[i], argv[i + 1]);
  }
  const seconds = Number(values.get('--seconds') ?? 10);
  const seed = Number(values.get('--seed') ?? 1);
  if (!(seconds > 0) || !Number.isInteger(seed)) throw new Error('--seconds must be positive and --seed an integer');
  return {
    seconds,
    seed,
    filter: (values.get('--filter') ?? '').toUpperCase(),
    dataDir: values.get('--data') ?? resolve(__dirname, '../../shared/data/vrptw'),
  };
}

function readBestKnown(dataDir: string): Map<string, number> {
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'BKS.json'), 'utf8'));
  const best = new Map<string, number>();
  if (typeof raw !== 'object' || raw === null) throw new Error('BKS.json must hold an object');
  const entries = Object.entries(raw as Record<string, unknown>);
  const costOf = (value: unknown): number | undefined => {
    if (typeof value !== 'object' || value === null || !('best_known_cost' in value)) return undefined;
    const cost = (value as { best_known_cost: unknown }).best_known_cost;
    return typeof cost === 'number' ? cost : undefined;
  };
  // The distance-only entry wins over the hierarchical (vehicles first) one.
  for (const [key, value] of entries) {
    const cost = costOf(value);
    if (cost !== undefined && !key.endsWith('_distance') && !best.has(key)) best.set(key, cost);
  }
  for (const [key, value] of entries) {
    const cost = costOf(value);
    if (cost !== undefined && key.endsWith('_distance')) best.set(key.slice(0, -'_distance'.length), cost);
  }
  return best;
}

function groupOf(name: string): string {
  const match = /^(RC|R|C)(\d)/i.exec(name);
  return match ? `${match[1].toUpperCase()}${match[2]}` : 'other';
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const solomonDir = join(options.dataDir, 'solomon');
  if (!existsSync(solomonDir)) throw new Error(`no Solomon instances in ${solomonDir}`);
  const bestKnown = readBestKnown(options.dataDir);
  const files = readdirSync(solomonDir)
    .filter((file) => file.toLowerCase().endsWith('.txt') && file.toUpperCase().startsWith(options.filter))
    .sort();
  console.log(`routing benchmark: ${files.length} Solomon instances, ${options.seconds} s each, seed ${options.seed}, one core`);
  console.log('instance  vehicles   distance        BKS     gap%   seconds  iterations');

  const results: InstanceResult[] = [];
  for (const file of files) {
    const instance = parseSolomon(readFileSync(join(solomonDir, file), 'utf8'));
    const started = process.hrtime.bigint();
    const solution = solve(solomonToRoutingProblem(instance), { timeLimitMs: options.seconds * 1000, seed: options.seed });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const check = checkSolomonSolution(instance, solution.routes.map((route) => route.jobIds.map(Number)));
    const bks = bestKnown.get(instance.name) ?? NaN;
    const result: InstanceResult = {
      name: instance.name,
      group: groupOf(instance.name),
      feasible: check.feasible,
      vehicles: check.vehicles,
      distance: check.distance,
      bks,
      gapPercent: (100 * (check.distance - bks)) / bks,
      seconds,
      iterations: solution.stats.iterations,
    };
    results.push(result);
    console.log(
      `${result.name.padEnd(8)} ${String(result.vehicles).padStart(9)} ${result.distance.toFixed(2).padStart(10)} ` +
        `${bks.toFixed(2).padStart(10)} ${result.gapPercent.toFixed(2).padStart(8)} ${seconds.toFixed(2).padStart(9)} ` +
        `${String(result.iterations).padStart(11)}${check.feasible ? '' : `  FAILED: ${check.violations.slice(0, 3).join('; ')}`}`,
    );
  }

  const summarise = (subset: readonly InstanceResult[]) => {
    const ok = subset.filter((result) => result.feasible && Number.isFinite(result.gapPercent));
    return {
      instances: subset.length,
      failed: subset.length - subset.filter((result) => result.feasible).length,
      meanGapPercent: mean(ok.map((result) => result.gapPercent)),
      meanVehicles: mean(ok.map((result) => result.vehicles)),
      secondsPerInstance: mean(subset.map((result) => result.seconds)),
    };
  };
  console.log('');
  console.log('class   instances  failed   mean gap%   mean vehicles   s/instance');
  const classes: Record<string, ReturnType<typeof summarise>> = {};
  for (const group of [...CLASSES, 'other']) {
    const subset = results.filter((result) => result.group === group);
    if (subset.length === 0) continue;
    classes[group] = summarise(subset);
  }
  const overall = summarise(results);
  for (const [group, s] of [...Object.entries(classes), ['overall', overall] as const]) {
    console.log(
      `${group.padEnd(8)}${String(s.instances).padStart(9)}${String(s.failed).padStart(8)}` +
        `${s.meanGapPercent.toFixed(2).padStart(12)}${s.meanVehicles.toFixed(2).padStart(16)}${s.secondsPerInstance.toFixed(2).padStart(13)}`,
    );
  }
  console.log(`anchors: ${ANCHORS}`);
  console.log(JSON.stringify({ benchmark: 'routing-solomon', seconds: options.seconds, seed: options.seed, overall, classes }));
}

try {
  main();
} catch (error) {
  console.error(`bench:routing: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
