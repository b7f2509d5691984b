// Writes a synthetic district as files (for the demo, tests and benchmarks; `npm run load:district`
// puts the same district, generated again from the same profile and seed, into the database):
//   npx tsx scripts/seed-district.ts --profile small|minhang [--seed 1] [--out dir]
// Into <out> (default ./tmp/district-<profile>-<seed>): streets.json, estates.json, facilities.json
// (JSON arrays, WGS-84) and seniors.jsonl (one senior per line, streamed). Prints one JSON summary
// line on stdout. Errors go to stderr: exit code 2 for bad arguments, 1 for anything else.

import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DISTRICT_PROFILES, generateDistrict } from '../libs/domain/src/district';
import { districtFlags, readFlags, usageFailure } from './cli-flags';

const USAGE = `usage: npx tsx scripts/seed-district.ts --profile ${Object.keys(DISTRICT_PROFILES).join('|')} [--seed <integer>, default 1] [--out <dir>]`;
const LINES_PER_WRITE = 5_000;


interface CliOptions {
  readonly profile: string;
  readonly seed: number;
  readonly outDir: string;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const values = readFlags(argv, ['--profile', '--seed', '--out']);
  const { profile, seed } = districtFlags(values);
  // npm run changes the working directory; INIT_CWD keeps the user's.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  const out = values.get('--out') ?? join('tmp', `district-${profile}-${seed}`);
  return { profile, seed, outDir: isAbsolute(out) ? out : resolve(userDir, out) };
}

function main(): number {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    return usageFailure('seed-district', USAGE, error);
  }
  const started = process.hrtime.bigint();
  const district = generateDistrict(DISTRICT_PROFILES[options.profile], options.seed);
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(join(options.outDir, 'streets.json'), `${JSON.stringify(district.streets, null, 2)}\n`);
  writeFileSync(join(options.outDir, 'estates.json'), `${JSON.stringify(district.estates, null, 2)}\n`);
  writeFileSync(join(options.outDir, 'facilities.json'), `${JSON.stringify(district.facilities, null, 2)}\n`);

  const fd = openSync(join(options.outDir, 'seniors.jsonl'), 'w');
  let seniors = 0;
  try {
    let batch: string[] = [];
    for (const senior of district.seniors()) {
      batch.push(JSON.stringify(senior));
      seniors++;
      if (batch.length === LINES_PER_WRITE) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }

  const facilitiesByType: Record<string, number> = {};
  const beds = { general: 0, nursing: 0, 'dementia-care': 0 };
  for (const facility of district.facilities) {
    facilitiesByType[facility.type] = (facilitiesByType[facility.type] ?? 0) + 1;
    if (facility.beds) for (const type of Object.keys(beds) as Array<keyof typeof beds>) beds[type] += facility.beds[type];
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = {
    profile: district.profileId,
    seed: district.seed,
    districtCode: district.districtCode,
    asOf: district.asOf,
    coordinateSystem: district.coordinateSystem,
    out: options.outDir,
    streets: district.streets.length,
    estates: district.estates.length,
    facilities: district.facilities.length,
    facilitiesByType,
    beds,
    seniors,
    seconds: Math.round(seconds * 100) / 100,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`seed-district: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
