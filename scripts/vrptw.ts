// Solves one Solomon VRPTW instance and prints one JSON object on stdout:
//   npm run --silent vrptw -- --instance <file.txt | C101> [--seconds <n>] [--seed <n>] [--data <dir>]
// A bare instance name is looked up in <data>/solomon/, <data> defaulting to the repository's
// sibling ../shared/data/vrptw. Errors go to stderr with a non-zero exit code: 2 for bad
// arguments, 1 for unreadable or invalid files and for solutions that fail verification.

import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { checkSolomonSolution, parseSolomon, solomonToRoutingProblem, solve } from '../libs/domain/src/routing';
import { readFlags, usageFailure, UsageError } from './cli-flags';

const USAGE = 'usage: npm run --silent vrptw -- --instance <file.txt | NAME> [--seconds <n>, default 10] [--seed <integer>] [--data <dir>]';
const DEFAULT_SECONDS = 10;
const REPO_ROOT = resolve(__dirname, '..');
const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data/vrptw');


interface CliOptions {
  readonly instance: string;
  readonly seconds: number;
  readonly seed: number;
  readonly dataDir: string;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const values = readFlags(argv, ['--instance', '--seconds', '--seed', '--data'], false);
  const instance = values.get('--instance');
  if (!instance) throw new UsageError('--instance is required');
  const seconds = Number(values.get('--seconds') ?? DEFAULT_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('--seconds must be a positive number');
  const seed = Number(values.get('--seed') ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a non-negative integer');
  return { instance, seconds, seed, dataDir: values.get('--data') ?? DEFAULT_DATA_DIR };
}

/** A path as typed by the user (npm run changes the working directory; INIT_CWD keeps the original). */
function locateInstance(instance: string, dataDir: string): string {
  const userDir = process.env.INIT_CWD ?? process.cwd();
  const asGiven = isAbsolute(instance) ? instance : resolve(userDir, instance);
  if (existsSync(asGiven)) return asGiven;
  if (!/[\\/]/.test(instance)) {
    const byName = join(isAbsolute(dataDir) ? dataDir : resolve(userDir, dataDir), 'solomon', `${instance.replace(/\.txt$/i, '')}.txt`);
    if (existsSync(byName)) return byName;
  }
  return asGiven;
}

function main(): number {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    return usageFailure('vrptw', USAGE, error);
  }
  const file = locateInstance(options.instance, options.dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`vrptw: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let instance;
  try {
    instance = parseSolomon(text);
  } catch (error) {
    process.stderr.write(`vrptw: ${file} is not a valid Solomon instance: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  const solution = solve(solomonToRoutingProblem(instance), { timeLimitMs: options.seconds * 1000, seed: options.seed });
  const routes = solution.routes.map((route) => route.jobIds.map(Number));
  const check = checkSolomonSolution(instance, routes);
  if (!check.feasible || solution.unassigned.length > 0) {
    const problems = [...check.violations, ...solution.unassigned.map((job) => `customer ${job.jobId} unassigned: ${job.detail}`)];
    process.stderr.write(`vrptw: no feasible solution for ${instance.name}:\n  ${problems.slice(0, 20).join('\n  ')}\n`);
    return 1;
  }
  const name = instance.name || basename(file).replace(/\.txt$/i, '');
  process.stdout.write(`${JSON.stringify({ instance: name, vehicles: check.vehicles, distance: check.distance, routes })}\n`);
  return 0;
}

process.exitCode = main();
